using BenchmarkDotNet.Attributes;
using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Benchmarks;

/// <summary>
/// Vertex enumeration on seeded random n×n games with uniform double payoffs (n = 8, 9, 10, 12, 14, 16), on one
/// thread and on two. Each invocation solves <see cref="Games"/> games (the shared throughput column divides by it).
/// GlobalSetup compares every game's extreme equilibria exactly with lrsnash's stored answer (VertexData), so the
/// benchmark can never time wrong code. The reference solver is no baseline here: it is infeasible at these sizes.
/// </summary>
[MemoryDiagnoser]
public class VertexEnumerationBenchmarks
{
    private BimatrixGame[] _games = [];
    private SolveOptions _options = SolveOptions.Default;

    /// <summary>Games per invocation.</summary>
    [Params(2)]
    public int Games { get; set; }

    /// <summary>Strategies per player.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>Worker threads (1 = caller only, 2 = both cores of the reference machine).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>The sizes (only the first in dry mode).</summary>
    public static IEnumerable<int> Sizes() => VertexBenchGames.Sizes(8, 9, 10, 12, 14, 16);

    /// <summary>Builds the games and checks the solver against lrsnash's stored answers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _options = new SolveOptions { Method = SolverMethod.VertexEnumeration, MaxDegreeOfParallelism = Threads };
        _games = new BimatrixGame[Games];
        for (int g = 0; g < Games; g++)
        {
            _games[g] = VertexBenchGames.Create("uniform", N, g);
            VertexBenchChecks.AgainstLrsnash("uniform", N, g, VertexEnumeration.Solve(_games[g], _options));
        }
    }

    /// <summary>Vertex enumeration of every game.</summary>
    [Benchmark]
    public int Vertex()
    {
        int total = 0;
        foreach (BimatrixGame game in _games)
        {
            total += VertexEnumeration.Solve(game, _options).Equilibria.Count;
        }

        return total;
    }
}

/// <summary>
/// Vertex enumeration on degenerate games with payoffs 0..3 (n = 4, 6, 8, 10), one and two threads, checked against
/// lrsnash's stored answers (equilibria and, through the reference for n ≤ 6, the degenerate flag).
/// </summary>
[MemoryDiagnoser]
public class VertexEnumerationDegenerateBenchmarks
{
    private BimatrixGame[] _games = [];
    private SolveOptions _options = SolveOptions.Default;

    /// <summary>Games per invocation.</summary>
    [Params(2)]
    public int Games { get; set; }

    /// <summary>Strategies per player.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>Worker threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>The sizes (only the first in dry mode).</summary>
    public static IEnumerable<int> Sizes() => VertexBenchGames.Sizes(4, 6, 8, 10);

    /// <summary>Builds the games and checks the solver against lrsnash (and the reference where feasible).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _options = new SolveOptions { Method = SolverMethod.VertexEnumeration, MaxDegreeOfParallelism = Threads };
        _games = new BimatrixGame[Games];
        for (int g = 0; g < Games; g++)
        {
            _games[g] = VertexBenchGames.Create("int0to3", N, g);
            SolveResult result = VertexEnumeration.Solve(_games[g], _options);
            VertexBenchChecks.AgainstLrsnash("int0to3", N, g, result);
            if (N <= 6)
            {
                VertexBenchChecks.AgainstReference(_games[g], result);
            }
        }
    }

    /// <summary>Vertex enumeration of every game.</summary>
    [Benchmark]
    public int Vertex()
    {
        int total = 0;
        foreach (BimatrixGame game in _games)
        {
            total += VertexEnumeration.Solve(game, _options).Equilibria.Count;
        }

        return total;
    }
}

/// <summary>
/// Small games where the exact brute-force reference is feasible, as the baseline: uniform and 0..3 payoffs, n = 4,
/// 5 (odd) and 6, sequential. GlobalSetup checks vertex enumeration against the reference.
/// </summary>
[MemoryDiagnoser]
public class VertexEnumerationVsReferenceBenchmarks
{
    private BimatrixGame[] _games = [];

    /// <summary>Games per invocation.</summary>
    [Params(4)]
    public int Games { get; set; }

    /// <summary>Strategies per player.</summary>
    [Params(4, 5, 6)]
    public int N { get; set; }

    /// <summary>Payoff distribution: uniform doubles or integers 0..3.</summary>
    [Params("uniform", "int0to3")]
    public string Kind { get; set; } = "uniform";

    /// <summary>Builds the games and checks vertex enumeration against the reference.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _games = new BimatrixGame[Games];
        for (int g = 0; g < Games; g++)
        {
            _games[g] = VertexBenchGames.Create(Kind, N, g);
            VertexBenchChecks.AgainstReference(_games[g], VertexEnumeration.Solve(_games[g]));
        }
    }

    /// <summary>The exact brute-force reference.</summary>
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

    /// <summary>Vertex enumeration, sequential.</summary>
    [Benchmark]
    public int Vertex()
    {
        int total = 0;
        foreach (BimatrixGame game in _games)
        {
            total += VertexEnumeration.Solve(game).Equilibria.Count;
        }

        return total;
    }
}

/// <summary>
/// Before/after of the certified floating-point search on uniform-double n×n games (n = 8, 10): the exact tiers
/// forced (<c>Exact</c>, the baseline: what vertex enumeration ran before the float search) against the default
/// path (<c>Auto</c>: float first, exact fallback), both on two threads. GlobalSetup checks both against lrsnash.
/// </summary>
[MemoryDiagnoser]
public class VertexFloatVsExactBenchmarks
{
    private ExactBimatrixGame[] _games = [];
    private SolveOptions _options = SolveOptions.Default;
    private VertexTier _exactTier;

    /// <summary>Games per invocation.</summary>
    [Params(2)]
    public int Games { get; set; }

    /// <summary>Strategies per player.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>The sizes (only the first in dry mode).</summary>
    public static IEnumerable<int> Sizes() => VertexBenchGames.Sizes(8, 10);

    /// <summary>Builds the games and checks both paths against lrsnash's stored answers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _options = new SolveOptions { Method = SolverMethod.VertexEnumeration, MaxDegreeOfParallelism = 2 };
        _games = new ExactBimatrixGame[Games];
        for (int g = 0; g < Games; g++)
        {
            _games[g] = ExactBimatrixGame.FromDouble(VertexBenchGames.Create("uniform", N, g));
            (System.Numerics.BigInteger[] cp, System.Numerics.BigInteger[] cq) = VertexPolytopes.Build(_games[g]);
            _exactTier = VertexTiers.ForBits(Math.Max(VertexTiers.EntryBitsBound(cp, N, N), VertexTiers.EntryBitsBound(cq, N, N)));
            VertexBenchChecks.AgainstLrsnash("uniform", N, g, VertexEnumeration.Solve(_games[g], _options, _exactTier));
            VertexBenchChecks.AgainstLrsnash("uniform", N, g, VertexEnumeration.Solve(_games[g], _options));
        }
    }

    /// <summary>Exact tiers only (the tier the pivot bound names).</summary>
    [Benchmark(Baseline = true)]
    public int Exact()
    {
        int total = 0;
        foreach (ExactBimatrixGame game in _games)
        {
            total += VertexEnumeration.Solve(game, _options, _exactTier).Equilibria.Count;
        }

        return total;
    }

    /// <summary>The default path: certified float search, exact fallback.</summary>
    [Benchmark]
    public int Auto()
    {
        int total = 0;
        foreach (ExactBimatrixGame game in _games)
        {
            total += VertexEnumeration.Solve(game, _options).Equilibria.Count;
        }

        return total;
    }
}
