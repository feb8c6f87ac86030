namespace NashFast.Games;

/// <summary>
/// The answer of an m×n solver: the equilibria found (sorted by <see cref="EquilibriumOrder"/>), the method that
/// produced them, whether the game was found degenerate, and whether the set is complete.
/// </summary>
/// <param name="Method">The method that produced <see cref="Equilibria"/> (for <c>auto</c>, the one it chose).</param>
/// <param name="Degenerate">True when the game is degenerate (then the equilibria are its extreme equilibria).</param>
/// <param name="Complete">
/// True when <see cref="Equilibria"/> is the whole set the method promises (all extreme equilibria, or all pure ones
/// for <see cref="SolverMethod.Pure"/>). False after a limit, a cancellation, or when a method that is only valid
/// for nondegenerate games met a degenerate one; <see cref="IncompleteReason"/> then says why.
/// </param>
/// <param name="Equilibria">The equilibria in floating point, sorted.</param>
/// <param name="IncompleteReason">Why the result is incomplete, or null.</param>
public sealed record SolveResult(
    SolverMethod Method,
    bool Degenerate,
    bool Complete,
    IReadOnlyList<Equilibrium> Equilibria,
    string? IncompleteReason = null)
{
    /// <summary>
    /// The same equilibria in exact arithmetic, in the same order, when the method computed them exactly
    /// (reference, vertex enumeration); null otherwise.
    /// </summary>
    public IReadOnlyList<ExactEquilibrium>? ExactEquilibria { get; init; }

    /// <summary>
    /// The maximal Nash subsets (convex pieces of the equilibrium set, grouped into connected components) when they
    /// were asked for (<see cref="SolveOptions.Components"/>, vertex enumeration); null otherwise.
    /// </summary>
    public IReadOnlyList<NashSubset>? Components { get; init; }
}
