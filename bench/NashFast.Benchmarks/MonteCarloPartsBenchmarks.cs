using BenchmarkDotNet.Attributes;
using NashFast.MonteCarlo;
using NashFast.Random;

namespace NashFast.Benchmarks;

/// <summary>
/// The fused 2×2 runner's steps timed one by one on its own worker and chunk size (2048 games): generation, solve, fold,
/// and the three fused (what <c>Fused2x2Worker.Run</c> does per chunk: for the built-in uniform and normal games on the
/// Vector512 path, all three in registers, without the buffers the separate steps use), on 1 and 2 threads. <see cref="Games"/> games per
/// invocation, split evenly between the threads, so the Games/s column is the throughput of the step on all threads.
/// </summary>
/// <remarks>
/// Solve and fold run over <see cref="ChunksPerThread"/> pre-generated chunks in rotation (about 700 KB, inside L2),
/// so that the fold's data-dependent branches cannot be learnt from one repeated chunk; generation and the fused step
/// advance through fresh game indices. The fused step's sum is the cost of a chunk in <see cref="MonteCarloBenchmarks"/>
/// without the thread start-up and the merge of the statistics.
/// </remarks>
[MemoryDiagnoser]
public class MonteCarloPartsBenchmarks
{
    private const int ChunksPerThread = 4;
    private const int Bins = 20;

    /// <summary>Games per invocation over all threads (a dry run takes 2 chunks per thread).</summary>
    [ParamsSource(nameof(GamesValues))]
    public int Games { get; set; }

    /// <summary>The values of <see cref="Games"/>: 2^18 (128 chunks).</summary>
    public static IEnumerable<int> GamesValues => BenchParams.Pick(full: [1 << 18], dry: [1 << 13]);

    /// <summary>The step timed.</summary>
    [Params("generate", "solve", "fold", "fused")]
    public string Part { get; set; } = "fused";

    /// <summary>Payoff distribution.</summary>
    [Params("uniform", "normal")]
    public string Distribution { get; set; } = "uniform";

    /// <summary>Threads, each with its own workers.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    private IGameDistribution _distribution = UniformDistribution.Instance;
    private Fused2x2Worker[][] _workers = [];
    private long _next;

    /// <summary>Builds the workers and fills and solves their chunks; checks the steps fold what <see cref="MonteCarloRunner"/> does.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _distribution = GameDistributions.Parse(Distribution);
        _workers = new Fused2x2Worker[Threads][];
        for (int t = 0; t < Threads; t++)
        {
            _workers[t] = new Fused2x2Worker[ChunksPerThread];
            for (int c = 0; c < ChunksPerThread; c++)
            {
                var w = new Fused2x2Worker(Bins);
                w.GenerateChunk(_distribution, 1, (long)((t * ChunksPerThread) + c) * Fused2x2Worker.ChunkGames, Fused2x2Worker.ChunkGames);
                w.SolveChunk(Fused2x2Worker.ChunkGames, pureOnly: false);
                _workers[t][c] = w;
            }
        }

        CrossCheck(_distribution);
    }

    /// <summary>Runs <see cref="Part"/> over <see cref="Games"/> games; returns a statistic so nothing is dead code.</summary>
    [Benchmark]
    public long Step()
    {
        long perThread = Games / Threads;
        long first = _next;
        _next += Games;
        if (Threads == 1)
        {
            return Work(0, first, perThread);
        }

        long other = 0;
        Parallel.For(0, Threads, t =>
        {
            long r = Work(t, first + (t * perThread), perThread);
            Interlocked.Add(ref other, r);
        });
        return other;
    }

    private long Work(int thread, long first, long games)
    {
        Fused2x2Worker[] workers = _workers[thread];
        const int n = Fused2x2Worker.ChunkGames;
        int chunks = (int)(games / n);
        switch (Part)
        {
            case "generate":
                for (int c = 0; c < chunks; c++)
                {
                    workers[c % ChunksPerThread].GenerateChunk(_distribution, 1, first + ((long)c * n), n);
                }

                break;
            case "solve":
                for (int c = 0; c < chunks; c++)
                {
                    workers[c % ChunksPerThread].SolveChunk(n, pureOnly: false);
                }

                break;
            case "fold":
                for (int c = 0; c < chunks; c++)
                {
                    workers[c % ChunksPerThread].FoldChunk(n, pureOnly: false);
                }

                break;
            default:
                Fused2x2Worker w = workers[0];
                w.Run(_distribution, 1, first, first + games, pureOnly: false);
                break;
        }

        return workers[0].Statistics.Games;
    }

    /// <summary>Generate, solve and fold by hand must give <see cref="MonteCarloRunner"/>'s summary of the same games.</summary>
    private static void CrossCheck(IGameDistribution distribution)
    {
        const int chunks = 3;
        var w = new Fused2x2Worker(Bins);
        for (int c = 0; c < chunks; c++)
        {
            w.GenerateChunk(distribution, 7, (long)c * Fused2x2Worker.ChunkGames, Fused2x2Worker.ChunkGames);
            w.SolveChunk(Fused2x2Worker.ChunkGames, pureOnly: false);
            w.FoldChunk(Fused2x2Worker.ChunkGames, pureOnly: false);
        }

        MonteCarloSummary summary = MonteCarloRunner.Run(new MonteCarloOptions
        {
            Distribution = distribution, Games = chunks * Fused2x2Worker.ChunkGames, Seed = 7, Threads = 1, Bins = Bins,
        });
        if (summary.CompletelyMixedGames != w.Statistics.CompletelyMixedGames || summary.Games != w.Statistics.Games
            || summary.RowPayoffSum != w.Statistics.RowPayoffSum)
        {
            throw new InvalidOperationException("Cross-check failed: the worker's steps by hand differ from MonteCarloRunner on the same games.");
        }
    }
}
