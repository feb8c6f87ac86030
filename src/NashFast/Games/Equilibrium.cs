namespace NashFast.Games;

/// <summary>
/// A Nash equilibrium in floating point: both mixed strategies and both expected payoffs.
/// </summary>
/// <param name="Row">The row player's mixed strategy (length <c>m</c>, sums to 1 within rounding).</param>
/// <param name="Column">The column player's mixed strategy (length <c>n</c>).</param>
/// <param name="RowPayoff">The row player's expected payoff <c>xᵀAy</c>.</param>
/// <param name="ColumnPayoff">The column player's expected payoff <c>xᵀBy</c>.</param>
public sealed record Equilibrium(double[] Row, double[] Column, double RowPayoff, double ColumnPayoff)
{
    /// <summary>Number of strategies played with positive probability by the row player.</summary>
    public int RowSupportSize => CountPositive(Row);

    /// <summary>Number of strategies played with positive probability by the column player.</summary>
    public int ColumnSupportSize => CountPositive(Column);

    private static int CountPositive(double[] v)
    {
        int k = 0;
        foreach (double p in v)
        {
            if (p > 0)
            {
                k++;
            }
        }

        return k;
    }
}

/// <summary>A Nash equilibrium in exact rational arithmetic.</summary>
/// <param name="Row">The row player's mixed strategy (sums to exactly 1).</param>
/// <param name="Column">The column player's mixed strategy.</param>
/// <param name="RowPayoff">The row player's expected payoff.</param>
/// <param name="ColumnPayoff">The column player's expected payoff.</param>
public sealed record ExactEquilibrium(Rational[] Row, Rational[] Column, Rational RowPayoff, Rational ColumnPayoff)
{
    /// <summary>The nearest floating-point equilibrium.</summary>
    public Equilibrium ToDouble() =>
        new(Array.ConvertAll(Row, r => r.ToDouble()), Array.ConvertAll(Column, r => r.ToDouble()), RowPayoff.ToDouble(), ColumnPayoff.ToDouble());
}
