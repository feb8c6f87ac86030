using BenchmarkDotNet.Attributes;
using NashFast.Games;
using NashFast.MonteCarlo;
using NashFast.Random;
using NashFast.Reference;
using NashFast.TwoByTwo;

namespace NashFast.Benchmarks;

/// <summary>
/// The fused 2×2 Monte Carlo runner: generate (block-seeded xoshiro256++) and solve <see cref="Games"/> games per invocation,
/// uniform and normal double payoffs, on 1 and 2 threads. The shared throughput column divides by <see cref="Games"/>.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    /// <summary>Games generated and solved per invocation.</summary>
    [ParamsSource(nameof(GamesValues))]
    public int Games { get; set; }

    /// <summary>
    /// The values of <see cref="Games"/>: 4M games, where a run's fixed costs (workers, buffers, thread start) still show,
    /// and 64M, the sustained rate of a long study (a dry run takes 64K).
    /// </summary>
    public static IEnumerable<int> GamesValues => BenchParams.Pick(full: [1 << 22, 1 << 26], dry: [1 << 16]);

    /// <summary>Payoff distribution.</summary>
    [Params("uniform", "normal")]
    public string Distribution { get; set; } = "uniform";

    /// <summary>Worker threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    private MonteCarloOptions _options = new();

    /// <summary>Builds the options and cross-checks the fused runner before anything is timed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _options = new MonteCarloOptions { Distribution = GameDistributions.Parse(Distribution), Games = Games, Threads = Threads, Seed = 1 };
        CrossCheck(_options.Distribution);
    }

    /// <summary>Generates and solves <see cref="Games"/> games; returns the number of equilibria (so nothing is dead code).</summary>
    [Benchmark]
    public long FusedRun() => MonteCarloRunner.Run(_options).Equilibria ?? 0;

    /// <summary>
    /// The fused runner's summary over a sample must equal the same games generated into arrays and solved by the
    /// batch API, and the batch answers must agree with the exact reference solver game by game.
    /// </summary>
    private static void CrossCheck(IGameDistribution distribution)
    {
        const int n = 4096;
        MonteCarloSummary fused = MonteCarloRunner.Run(new MonteCarloOptions { Distribution = distribution, Games = n, Seed = 1, Threads = 1 });
        var p = new double[8][];
        for (int k = 0; k < 8; k++)
        {
            p[k] = new double[n];
        }

        var a = new double[4];
        var b = new double[4];
        for (int g = 0; g < n; g++)
        {
            distribution.Fill(1, g, a, b);
            p[0][g] = a[0]; p[1][g] = a[1]; p[2][g] = a[2]; p[3][g] = a[3];
            p[4][g] = b[0]; p[5][g] = b[1]; p[6][g] = b[2]; p[7][g] = b[3];
        }

        var mask = new byte[n];
        var count = new byte[n];
        var flags = new Solution2x2Flags[n];
        var pp = new double[n];
        var qq = new double[n];
        TwoByTwoSolver.Solve(new Games2x2<double>(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]), new Solutions2x2<double>(mask, count, flags, pp, qq));
        var histogram = new SortedDictionary<int, long>();
        long mixed = 0;
        for (int g = 0; g < n; g++)
        {
            histogram[count[g]] = histogram.GetValueOrDefault(count[g]) + 1;
            mixed += (flags[g] & Solution2x2Flags.CompletelyMixed) != 0 ? 1 : 0;
            if (g % 64 == 0)
            {
                var game = BimatrixGame.FromRowMajor(2, 2, [p[0][g], p[1][g], p[2][g], p[3][g]], [p[4][g], p[5][g], p[6][g], p[7][g]]);
                int exact = ReferenceSolver.Solve(game).Equilibria.Count;
                if (exact != count[g])
                {
                    throw new InvalidOperationException($"Cross-check failed: game {g} has {exact} equilibria (reference) but the batch solver says {count[g]}.");
                }
            }
        }

        if (!histogram.SequenceEqual(fused.EquilibriaHistogram.OrderBy(kv => kv.Key)) || mixed != fused.CompletelyMixedGames)
        {
            throw new InvalidOperationException("Cross-check failed: the fused Monte Carlo summary differs from the batch solver on the same games.");
        }
    }
}
