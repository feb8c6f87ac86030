using NashFast.Games;

namespace NashFast;

/// <summary>Options of <see cref="NashSolver"/>; the defaults solve completely, sequentially, without limits.</summary>
public sealed record SolveOptions
{
    /// <summary>The shared default options.</summary>
    public static SolveOptions Default { get; } = new();

    /// <summary>The method; <see cref="SolverMethod.Auto"/> chooses per game and reports its choice.</summary>
    public SolverMethod Method { get; init; } = SolverMethod.Auto;

    /// <summary>Stop after this many equilibria (the result is then marked incomplete). Must be positive.</summary>
    public int MaxEquilibria { get; init; } = int.MaxValue;

    /// <summary>Support enumeration: largest support size tried (the result is marked incomplete when it cuts). Must be positive.</summary>
    public int MaxSupportSize { get; init; } = int.MaxValue;

    /// <summary>Worker threads; 1 (the default) runs on the caller's thread only. -1 or 0 means all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Cancels a long solve; the solver then returns what it found, marked incomplete.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// Called with each equilibrium as it is found (before sorting; from one thread at a time, but not necessarily
    /// the caller's). Null for none.
    /// </summary>
    public Action<Equilibrium>? OnEquilibrium { get; init; }

    /// <summary>
    /// Called every <see cref="ProgressInterval"/> while vertex or support enumeration runs (also when
    /// <see cref="SolverMethod.Auto"/> chose one), with the work done so far (see <see cref="SolveProgress"/>); a
    /// solve shorter than the interval reports nothing. From a background thread the library shares between all solves
    /// (not the thread pool, which a busy host can starve), one call at a time, never after the solve has returned (the
    /// solve waits for a call in progress); an exception it throws stops the reports and is rethrown by the solve.
    /// The searches keep their counts anyway, so reporting costs them nothing. Null (the default) for none.
    /// </summary>
    public Action<SolveProgress>? Progress { get; init; }

    /// <summary>
    /// Time between two <see cref="Progress"/> calls (and before the first). Default one second. With a
    /// <see cref="Progress"/> callback it must be positive (else the solve throws <see cref="ArgumentOutOfRangeException"/>);
    /// a huge value (<see cref="TimeSpan.MaxValue"/>) means no report.
    /// </summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Vertex enumeration: also compute the maximal Nash subsets (convex components).</summary>
    public bool Components { get; init; }

    /// <summary>
    /// Vertex enumeration: also return the equilibria as exact rationals (<see cref="SolveResult.ExactEquilibria"/>).
    /// Default true. False is for callers that use only <see cref="SolveResult.Equilibria"/>: it skips reducing every
    /// probability and payoff to lowest terms (greatest common divisors of numbers hundreds of bits long: about a
    /// third of a one-thread 4×4 solve of full-precision doubles, a twentieth of a 10×10 one). The doubles stay the
    /// same, bit for bit (each value is still the correctly rounded exact one, and the order the same), and
    /// <see cref="SolveResult.ExactEquilibria"/> is null.
    /// With <see cref="Components"/> the exact equilibria are computed anyway (the components are built from them).
    /// Other methods ignore it.
    /// </summary>
    public bool ExactResults { get; init; } = true;

    /// <summary>
    /// Lemke–Howson: the label dropped at the start — 0…m−1 a row strategy, m…m+n−1 a column strategy (different
    /// labels can reach different equilibria) — or −1 to follow the path of every label and return the distinct
    /// equilibria reached. Default 0.
    /// </summary>
    public int LemkeHowsonLabel { get; init; }

    /// <summary>The effective number of worker threads.</summary>
    public int EffectiveParallelism => MaxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : MaxDegreeOfParallelism;
}
