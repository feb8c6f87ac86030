using BenchmarkDotNet.Attributes;
using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Benchmarks;

/// <summary>
/// Support enumeration on small random games, against the exact reference as the baseline. The reference is only
/// feasible here (m + n ≤ 12 finishes in about a second); larger games are in
/// <see cref="SupportEnumerationLargeBenchmarks"/>, without a baseline by design.
/// </summary>
[MemoryDiagnoser]
public class SupportEnumerationBenchmarks
{
    private BimatrixGame[] _games = [];
    private SolveOptions _sequential = SolveOptions.Default;
    private SolveOptions _bothCores = SolveOptions.Default;

    /// <summary>Game shape, m×n (an odd size included).</summary>
    [Params("4x4", "5x5", "6x6")]
    public string Shape { get; set; } = "4x4";

    /// <summary>Games solved per invocation (the throughput column divides by the time).</summary>
    [Params(1)]
    public int Games { get; set; } = 1;

    /// <summary>Builds the games and throws unless support enumeration equals the reference on every one.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (int m, int n) = BenchmarkGames.ParseShape(Shape);
        _games = new BimatrixGame[Games];
        _sequential = new SolveOptions { MaxDegreeOfParallelism = 1 };
        _bothCores = new SolveOptions { MaxDegreeOfParallelism = 2 };
        for (int g = 0; g < Games; g++)
        {
            _games[g] = BenchmarkGames.Uniform(m, n, g);
            SolveResult exact = ReferenceSolver.Solve(_games[g]);
            foreach (SolveOptions options in new[] { _sequential, _bothCores })
            {
                SolveResult fast = SupportEnumeration.Solve(_games[g], options);
                if (!fast.Complete || exact.Degenerate)
                {
                    throw new InvalidOperationException($"{Shape} game {g}: expected a nondegenerate game and a complete answer ({fast.IncompleteReason}).");
                }

                BenchmarkGames.CrossCheck($"{Shape} game {g}", exact.Equilibria, fast.Equilibria);
            }
        }
    }

    /// <summary>The exact reference solver (rational brute force).</summary>
    [Benchmark(Baseline = true)]
    public int Reference()
    {
        int total = 0;
        foreach (BimatrixGame game in _games)
        {
            total += ReferenceSolver.Solve(game).Equilibria.Count;
        }

        return total;
    }

    /// <summary>Support enumeration on the caller's thread.</summary>
    [Benchmark]
    public int Sequential() => Run(_sequential);

    /// <summary>Support enumeration on two worker threads.</summary>
    [Benchmark]
    public int BothCores() => Run(_bothCores);

    private int Run(SolveOptions options)
    {
        int total = 0;
        foreach (BimatrixGame game in _games)
        {
            total += SupportEnumeration.Solve(game, options).Equilibria.Count;
        }

        return total;
    }
}

/// <summary>
/// Support enumeration on larger random games (n = 8 … 12, 5×10, 10×5). No reference baseline by design: the exact
/// reference would take minutes per game. Instead GlobalSetup cross-checks against the exact answers lrsnash computed
/// once (Data/lrsnash-answers.json, produced by Data/make_lrsnash_answers.py).
/// </summary>
[MemoryDiagnoser]
public class SupportEnumerationLargeBenchmarks
{
    private BimatrixGame _game = null!;
    private SolveOptions _sequential = SolveOptions.Default;
    private SolveOptions _bothCores = SolveOptions.Default;

    /// <summary>Game shape, m×n (5×10 and 10×5 are the rectangular, odd-sized cases).</summary>
    [Params("8x8", "10x10", "12x12", "5x10", "10x5")]
    public string Shape { get; set; } = "8x8";

    /// <summary>Games solved per invocation; only game 0 of each shape has a stored answer, so this stays 1.</summary>
    [Params(1)]
    public int Games { get; set; } = 1;

    /// <summary>Builds the game and throws unless support enumeration equals the stored lrsnash answer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Games != 1)
        {
            throw new InvalidOperationException("Only one game per shape has a stored exact answer; Games must be 1.");
        }

        (int m, int n) = BenchmarkGames.ParseShape(Shape);
        _game = BenchmarkGames.Uniform(m, n);
        _sequential = new SolveOptions { MaxDegreeOfParallelism = 1 };
        _bothCores = new SolveOptions { MaxDegreeOfParallelism = 2 };
        List<Equilibrium> stored = BenchmarkGames.StoredAnswer(Shape)
            ?? throw new InvalidOperationException($"No stored answer for {Shape}; regenerate Data/lrsnash-answers.json.");
        SolveResult fast = SupportEnumeration.Solve(_game, _bothCores);
        if (!fast.Complete)
        {
            throw new InvalidOperationException($"{Shape}: support enumeration incomplete ({fast.IncompleteReason}).");
        }

        BenchmarkGames.CrossCheck($"{Shape} vs lrsnash", stored, fast.Equilibria);
    }

    /// <summary>Support enumeration on the caller's thread.</summary>
    [Benchmark]
    public int Sequential() => SupportEnumeration.Solve(_game, _sequential).Equilibria.Count;

    /// <summary>Support enumeration on two worker threads.</summary>
    [Benchmark]
    public int BothCores() => SupportEnumeration.Solve(_game, _bothCores).Equilibria.Count;
}
