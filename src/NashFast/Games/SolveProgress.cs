namespace NashFast.Games;

/// <summary>
/// How far a long solve has got, reported every <see cref="SolveOptions.ProgressInterval"/> to
/// <see cref="SolveOptions.Progress"/>.
/// </summary>
/// <param name="Method">The method doing the work (never <see cref="SolverMethod.Auto"/>: auto reports the method it chose).</param>
/// <param name="Elapsed">Time since that method started.</param>
/// <param name="Done">
/// Work done so far, in <paramref name="Unit"/>: for vertex enumeration the vertices found in both best-response
/// polytopes together (a count that starts again when a polytope's search falls back from floating point to exact
/// integers, or to wider integers); for support enumeration the row supports taken up by the workers.
/// </param>
/// <param name="Total">The total of <paramref name="Done"/> when it is known in advance (support enumeration), else null.</param>
/// <param name="Unit">What <paramref name="Done"/> counts: <c>"vertices"</c> or <c>"row supports"</c>.</param>
public sealed record SolveProgress(SolverMethod Method, TimeSpan Elapsed, long Done, long? Total, string Unit);
