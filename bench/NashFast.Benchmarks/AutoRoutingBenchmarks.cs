using BenchmarkDotNet.Attributes;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Benchmarks;

/// <summary>
/// What <c>auto</c>'s choice costs: support enumeration against vertex enumeration, and <c>auto</c> itself, on one
/// thread over the same seeded full-precision uniform games, from 3×3 to 9×9 and thin shapes. Since 2026-11-26
/// <c>auto</c> takes support enumeration only on games of at most <see cref="NashSolver.SmallGameSupportPairs"/> support
/// pairs that <c>NondegeneracyCertificate</c> proves nondegenerate (all of these games are), vertex enumeration
/// otherwise. GlobalSetup throws unless both methods find the same equilibria on every game (vertex enumeration's are
/// exact; the reference solver is infeasible at the larger sizes).
/// </summary>
[MemoryDiagnoser]
public class AutoRoutingBenchmarks
{
    private BimatrixGame[] _games = [];
    private readonly SolveOptions _support = new() { Method = SolverMethod.SupportEnumeration, MaxDegreeOfParallelism = 1 };
    private readonly SolveOptions _vertex = new() { Method = SolverMethod.VertexEnumeration, MaxDegreeOfParallelism = 1 };
    private readonly SolveOptions _auto = new() { Method = SolverMethod.Auto, MaxDegreeOfParallelism = 1 };

    /// <summary>Game shape, m×n: 3×3 to 9×9, 4×5 and 3×7 (the largest on the certified support route, 126 support pairs), and the thin 3×14, 4×10, 4×12, 5×8 to 5×10.</summary>
    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "6x6";

    /// <summary>Games per invocation: enough that a rare slow game (a float search that falls back to exact pivoting) weighs as it does in a study.</summary>
    [Params(20)]
    public int Games { get; set; } = 20;

    /// <summary>The shapes (only the first in dry mode).</summary>
    public static IEnumerable<string> Shapes() => BenchParams.Pick(full: ["3x3", "4x4", "4x5", "3x7", "5x5", "3x14", "5x6", "6x6", "4x10", "5x8", "6x7", "4x12", "5x9", "5x10", "6x8", "7x7", "8x8", "9x9"], dry: ["6x6"]);

    /// <summary>Draws the games (System.Random seeded by shape and index, all 53 bits) and cross-checks the two methods.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (int m, int n) = BenchmarkGames.ParseShape(Shape);
        _games = new BimatrixGame[Games];
        for (int g = 0; g < Games; g++)
        {
            var rng = new System.Random((1000 * m) + n + (1_000_003 * g));
            var a = new double[m * n];
            var b = new double[m * n];
            for (int k = 0; k < a.Length; k++)
            {
                a[k] = rng.NextDouble();
                b[k] = rng.NextDouble();
            }

            _games[g] = BimatrixGame.FromRowMajor(m, n, a, b);
            SolveResult support = NashSolver.Solve(_games[g], _support);
            SolveResult vertex = NashSolver.Solve(_games[g], _vertex);
            if (!support.Complete || !vertex.Complete || vertex.Degenerate)
            {
                throw new InvalidOperationException($"{Shape} game {g}: expected a nondegenerate game and complete answers.");
            }

            BenchmarkGames.CrossCheck($"{Shape} game {g}", vertex.Equilibria, support.Equilibria);
        }
    }

    /// <summary>Support enumeration.</summary>
    [Benchmark(Baseline = true)]
    public int Support() => Run(_support);

    /// <summary>Vertex enumeration.</summary>
    [Benchmark]
    public int Vertex() => Run(_vertex);

    /// <summary>What <c>auto</c> picks.</summary>
    [Benchmark]
    public int Auto() => Run(_auto);

    private int Run(SolveOptions options)
    {
        int total = 0;
        foreach (BimatrixGame game in _games)
        {
            total += NashSolver.Solve(game, options).Equilibria.Count;
        }

        return total;
    }
}
