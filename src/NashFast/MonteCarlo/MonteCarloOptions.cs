using NashFast.Games;
using NashFast.Random;

namespace NashFast.MonteCarlo;

/// <summary>What a Monte Carlo run draws and how it solves; the defaults are the README's first command.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>
    /// Games in the default run: 10⁸ 2×2 games with normal payoffs (<c>nashfast montecarlo</c> with no options), sized
    /// to take about ten seconds on the two-core development machine (4.4 s to 8.3 s measured there, shared and loaded, with the
    /// vectorised generator).
    /// </summary>
    public const long DefaultGames = 100_000_000;

    /// <summary>The seed of the default run.</summary>
    public const ulong DefaultSeed = 20111112;

    /// <summary>Default number of bins of the p and q histograms over [0, 1].</summary>
    public const int DefaultBins = 20;

    /// <summary>Rows of every game (m).</summary>
    public int Rows { get; init; } = 2;

    /// <summary>Columns of every game (n).</summary>
    public int Columns { get; init; } = 2;

    /// <summary>The payoff distribution; standard normal by default.</summary>
    public IGameDistribution Distribution { get; init; } = NormalDistribution.Instance;

    /// <summary>The seed: game <c>g</c> of the run is a pure function of (seed, g).</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Games in the whole run (all shards together).</summary>
    public long Games { get; init; } = DefaultGames;

    /// <summary>Which part of the run to compute.</summary>
    public Shard Shard { get; init; } = Shard.Whole;

    /// <summary>
    /// The solver: <see cref="SolverMethod.Auto"/> (2×2: the fused closed-form runner; m×n: <see cref="NashSolver"/>'s
    /// choice), <see cref="SolverMethod.Pure"/> (pure equilibria only — only the pure statistics are computed), or any
    /// other <see cref="NashSolver"/> method for m×n games.
    /// </summary>
    public SolverMethod Method { get; init; } = SolverMethod.Auto;

    /// <summary>Worker threads; 0 (the default) means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>Bins of the p and q histograms over [0, 1] (summaries merge only with equal bins).</summary>
    public int Bins { get; init; } = DefaultBins;

    /// <summary>Called on the caller's thread with the number of games done, about every <see cref="ProgressInterval"/> and once at the end.</summary>
    public Action<long>? Progress { get; init; }

    /// <summary>How often <see cref="Progress"/> is called.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Stops the run early; the summary then covers the blocks finished and is marked cancelled.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The effective number of worker threads.</summary>
    public int EffectiveThreads => Threads <= 0 ? Environment.ProcessorCount : Threads;
}
