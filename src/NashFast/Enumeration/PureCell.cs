namespace NashFast.Enumeration;

/// <summary>A cell of the payoff table: the row player plays <see cref="Row"/>, the column player <see cref="Column"/>.</summary>
/// <param name="Row">The row player's pure strategy <c>i</c>.</param>
/// <param name="Column">The column player's pure strategy <c>j</c>.</param>
public readonly record struct PureCell(int Row, int Column);
