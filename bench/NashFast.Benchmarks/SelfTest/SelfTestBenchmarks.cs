using BenchmarkDotNet.Attributes;

namespace NashFast.Benchmarks.SelfTest;

/// <summary>
/// A benchmark whose cross-check passes: the run must succeed and its result must carry a Games/s value.
/// Hidden unless <c>--selftest</c>.
/// </summary>
[SelfTest]
public class CrossCheckPasses
{
    private double[] _values = [];

    /// <summary>Games per invocation (a small odd size; a larger one outside dry mode).</summary>
    [ParamsSource(nameof(GamesValues))]
    public int Games { get; set; }

    /// <summary>The sizes: 3 in a dry run, 3 and 1001 otherwise.</summary>
    public static IEnumerable<int> GamesValues => BenchParams.Pick(full: [3, 1001], dry: [3]);

    /// <summary>Fills the input and checks the timed method against an independent computation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _values = new double[Games];
        for (int i = 0; i < _values.Length; i++)
        {
            _values[i] = i + 1;
        }

        double expected = Games * (Games + 1) / 2.0;
        if (Sum() != expected)
        {
            throw new InvalidOperationException($"Cross-check failed: sum {Sum()} != {expected}.");
        }
    }

    /// <summary>The timed work.</summary>
    [Benchmark]
    public double Sum()
    {
        double s = 0;
        foreach (double v in _values)
        {
            s += v;
        }

        return s;
    }
}

/// <summary>
/// A benchmark whose cross-check deliberately fails in <c>GlobalSetup</c>: the run must end with a non-zero exit
/// code. Hidden unless <c>--selftest</c>; never part of a normal run.
/// </summary>
[SelfTest]
public class CrossCheckFails
{
    /// <summary>Games per invocation.</summary>
    [Params(3)]
    public int Games { get; set; }

    /// <summary>Finds the (deliberately planted) mismatch and throws, as every real suite does on a mismatch.</summary>
    [GlobalSetup]
    public void Setup()
    {
        int fast = Games + 1;
        int reference = Games;
        if (fast != reference)
        {
            throw new InvalidOperationException($"Cross-check failed: fast result {fast} != reference {reference} (deliberate self-test).");
        }
    }

    /// <summary>The timed work (never reached).</summary>
    [Benchmark]
    public int Work() => Games * 2;
}

/// <summary>
/// A benchmark that throws while being timed (as a solver that rejects its input would): the run must end with a
/// non-zero exit code. Hidden unless <c>--selftest</c>.
/// </summary>
[SelfTest]
public class BenchmarkThrows
{
    /// <summary>The timed work, which fails.</summary>
    [Benchmark]
    public int Work() => throw new InvalidOperationException("The timed method failed (deliberate self-test).");
}
