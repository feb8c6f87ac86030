using BenchmarkDotNet.Attributes;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Benchmarks;

/// <summary>
/// What the exact rationals cost: vertex enumeration on one thread with <see cref="SolveOptions.ExactResults"/> (the
/// default, baseline) against without (the Monte Carlo runner's, the native exports' and <c>nashfast solve</c>'s
/// without <c>--exact</c>), on the seeded uniform games of <see cref="VertexEnumerationBenchmarks"/> at n = 4, 6, 8, 10.
/// GlobalSetup checks the exact answers (the reference at n ≤ 6, lrsnash's stored answers at 8 and 10) and that the
/// doubles of both settings are the same bits, in the same order.
/// </summary>
[MemoryDiagnoser]
public class VertexDoublesOnlyBenchmarks
{
    private BimatrixGame[] _games = [];
    private readonly SolveOptions _exact = new() { Method = SolverMethod.VertexEnumeration, MaxDegreeOfParallelism = 1 };
    private readonly SolveOptions _doubles = new() { Method = SolverMethod.VertexEnumeration, MaxDegreeOfParallelism = 1, ExactResults = false };

    /// <summary>Games per invocation.</summary>
    [Params(2)]
    public int Games { get; set; }

    /// <summary>Strategies per player.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>The sizes (only the first in dry mode).</summary>
    public static IEnumerable<int> Sizes() => VertexBenchGames.Sizes(4, 6, 8, 10);

    /// <summary>Builds the games and runs the checks.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _games = new BimatrixGame[Games];
        for (int g = 0; g < Games; g++)
        {
            _games[g] = VertexBenchGames.Create("uniform", N, g);
            SolveResult exact = VertexEnumeration.Solve(_games[g], _exact);
            if (N <= 6)
            {
                VertexBenchChecks.AgainstReference(_games[g], exact);
            }
            else
            {
                VertexBenchChecks.AgainstLrsnash("uniform", N, g, exact);
            }

            SolveResult doubles = VertexEnumeration.Solve(_games[g], _doubles);
            bool same = doubles.ExactEquilibria is null && doubles.Equilibria.Count == exact.Equilibria.Count
                && exact.Equilibria.Zip(doubles.Equilibria).All(p => p.First.Row.SequenceEqual(p.Second.Row)
                    && p.First.Column.SequenceEqual(p.Second.Column) && p.First.RowPayoff.Equals(p.Second.RowPayoff)
                    && p.First.ColumnPayoff.Equals(p.Second.ColumnPayoff));
            if (!same)
            {
                throw new InvalidOperationException($"{N}x{N} game {g}: the doubles-only answer differs from the exact one.");
            }
        }
    }

    /// <summary>With the exact rationals (reduced probabilities and payoffs).</summary>
    [Benchmark(Baseline = true)]
    public int Exact() => Solve(_exact);

    /// <summary>Doubles only.</summary>
    [Benchmark]
    public int DoublesOnly() => Solve(_doubles);

    private int Solve(SolveOptions options)
    {
        int total = 0;
        foreach (BimatrixGame game in _games)
        {
            total += VertexEnumeration.Solve(game, options).Equilibria.Count;
        }

        return total;
    }
}
