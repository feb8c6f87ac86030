namespace NashFast.Games;

/// <summary>
/// A maximal Nash subset of a bimatrix game: sets of extreme strategies <c>X</c> (row player) and <c>Y</c> (column
/// player) such that every pair in <c>conv X × conv Y</c> is a Nash equilibrium, and no extreme equilibrium can be
/// added to either side. The Nash equilibria of the game are the union of its maximal Nash subsets; subsets that
/// share a vertex belong to the same connected component of the equilibrium set (Avis, Rosenberg, Savani and von
/// Stengel, "Enumeration of Nash equilibria for two-player games", 2010; Gambit's <c>enummixed -c</c>).
/// </summary>
/// <param name="RowVertices">The extreme row strategies <c>X</c> (each sums to 1), sorted in descending lexicographic order.</param>
/// <param name="ColumnVertices">The extreme column strategies <c>Y</c>, sorted likewise.</param>
/// <param name="Component">
/// Index (0, 1, …) of the connected component of the equilibrium set this subset belongs to; components are numbered
/// in the order their first extreme equilibrium appears in the sorted equilibrium list.
/// </param>
public sealed record NashSubset(IReadOnlyList<Rational[]> RowVertices, IReadOnlyList<Rational[]> ColumnVertices, int Component);
