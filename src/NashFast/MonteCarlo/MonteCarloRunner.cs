using System.Diagnostics;
using System.Runtime.ExceptionServices;
using NashFast.Games;
using NashFast.Internal;

namespace NashFast.MonteCarlo;

/// <summary>
/// Runs Monte Carlo studies over random games: draws game <c>g</c> of the run from (seed, g), solves it and tabulates
/// statistics that merge exactly. 2×2 games (method <c>auto</c>, <c>2x2</c> or <c>pure</c>) go through the fused
/// runner — generate and solve chunk by chunk in per-worker cache-sized buffers, never materialising the games — and
/// m×n games through <see cref="NashSolver"/>, parallel over games.
/// </summary>
/// <remarks>
/// Work is cut into fixed-size blocks of consecutive games that worker threads take in turn; since every statistic is an
/// integer count or an exact fixed-point sum, the summary is bit-identical (timings aside) for any thread count, shard
/// split or machine.
/// </remarks>
public static class MonteCarloRunner
{
    /// <summary>Games per block of the fused 2×2 runner (32 chunks): the unit of scheduling, progress and cancellation.</summary>
    public const int BlockGames2x2 = 65536;

    /// <summary>Games per block of the m×n runner.</summary>
    public const int BlockGamesMxN = 64;

    /// <summary>The most games one run may have (2⁶²): block arithmetic on game indices then cannot overflow.</summary>
    public const long MaxGames = 1L << 62;

    /// <summary>Runs the shard of the run that <paramref name="options"/> describe.</summary>
    /// <exception cref="ArgumentException">A bad option (the message names it), e.g. more than <see cref="MaxGames"/> games.</exception>
    /// <exception cref="NotSupportedException">The m×n method is not available in <see cref="NashSolver"/>.</exception>
    public static MonteCarloSummary Run(MonteCarloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Distribution);
        BimatrixGame.CheckShape(options.Rows, options.Columns);
        if (options.Games < 0 || options.Games > MaxGames)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Games), $"The number of games must be between 0 and 2^62; got {options.Games}.");
        }

        if (options.Bins < 1 || options.Bins > 1_000_000)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Bins), $"Bins must be between 1 and 1000000; got {options.Bins}.");
        }

        if (options.Threads < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Threads), $"Threads must be 0 (one per core) or positive; got {options.Threads}.");
        }

        GameRange range = options.Shard.Range(options.Games);
        bool pureOnly = options.Method == SolverMethod.Pure;
        bool fused = options.Rows == 2 && options.Columns == 2
                     && options.Method is SolverMethod.Auto or SolverMethod.TwoByTwo or SolverMethod.Pure;
        string method = fused ? (pureOnly ? "pure" : "2x2") : options.Method.ToName();
        int blockGames = fused ? BlockGames2x2 : BlockGamesMxN;
        long blocks = (range.Length + blockGames - 1) / blockGames;
        int threads = (int)Math.Max(1, Math.Min(options.EffectiveThreads, blocks));

        var stopwatch = Stopwatch.StartNew();
        var state = new RunState(options, range, blockGames, blocks, pureOnly, fused);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(state.Work) { IsBackground = true, Name = "nashfast-montecarlo-" + t };
            workers[t].Start();
        }

        long lastReported = -1;
        for (int t = 0; t < threads; t++)
        {
            while (!workers[t].Join(options.ProgressInterval))
            {
                Report(options, Interlocked.Read(ref state.Done), ref lastReported);
            }
        }

        stopwatch.Stop();
        state.Failure?.Throw();
        Report(options, state.Done, ref lastReported);

        var total = new Accumulator(options.Bins);
        foreach (Accumulator acc in state.Results)
        {
            total.Merge(acc);
        }

        bool cancelled = total.Games < range.Length;
        return MonteCarloSummary.FromAccumulator(total, options.Rows, options.Columns, options.Distribution.Name, options.Seed, method, pureOnly,
                                                 options.Games, range.Length == 0 ? [] : [range], stopwatch.Elapsed.TotalSeconds, cancelled);
    }

    private static void Report(MonteCarloOptions options, long done, ref long last)
    {
        if (options.Progress is not null && done != last)
        {
            last = done;
            options.Progress(done);
        }
    }

    /// <summary>The shared state of one run: the next block to take, progress, and each worker's statistics.</summary>
    private sealed class RunState(MonteCarloOptions options, GameRange range, int blockGames, long blocks, bool pureOnly, bool fused)
    {
        private long _nextBlock;
        public long Done;
        public ExceptionDispatchInfo? Failure;
        public readonly List<Accumulator> Results = [];

        public void Work()
        {
            try
            {
                Fused2x2Worker? fusedWorker = fused ? new Fused2x2Worker(options.Bins) : null;
                MxNWorker? mxn = fused ? null : new MxNWorker(options.Rows, options.Columns, options.Method, options.Bins, options.CancellationToken);
                while (!options.CancellationToken.IsCancellationRequested && Volatile.Read(ref Failure) is null)
                {
                    long b = Interlocked.Increment(ref _nextBlock) - 1;
                    if (b >= blocks)
                    {
                        break;
                    }

                    long start = range.Start + (b * blockGames);
                    long end = Math.Min(range.End, start + blockGames);
                    if (fusedWorker is not null)
                    {
                        fusedWorker.Run(options.Distribution, options.Seed, start, end, pureOnly);
                    }
                    else
                    {
                        mxn!.Run(options.Distribution, options.Seed, start, end, pureOnly);
                    }

                    Interlocked.Add(ref Done, end - start);
                }

                fusedWorker?.Flush();
                lock (Results)
                {
                    Results.Add(fusedWorker?.Statistics ?? mxn!.Statistics);
                }
            }
#pragma warning disable CA1031 // any failure of a worker is handed to the caller's thread and rethrown there
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref Failure, ExceptionDispatchInfo.Capture(ex), null);
            }
        }
    }
}
