using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>Seeded game generators and equilibrium checks shared by the enumeration tests.</summary>
internal static class TestGames
{
    /// <summary>
    /// Two matrices of independent uniform payoffs in [0, 1) on a grid of 2^-24 (continuous for all practical
    /// purposes — a tie has probability ~1e-6 per game — while keeping the exact reference's integers small).
    /// </summary>
    public static BimatrixGame Continuous(int m, int n, int seed, double scale = 1, double offset = 0)
    {
        var rng = new System.Random(seed);
        var a = new double[m * n];
        var b = new double[m * n];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = (rng.Next(1 << 24) / (double)(1 << 24) * scale) + offset;
            b[k] = (rng.Next(1 << 24) / (double)(1 << 24) * scale) + offset;
        }

        return BimatrixGame.FromRowMajor(m, n, a, b);
    }

    /// <summary>Small-integer payoffs in [0, values): many ties, usually degenerate.</summary>
    public static BimatrixGame SmallIntegers(int m, int n, int seed, int values)
    {
        var rng = new System.Random(seed);
        var a = new double[m * n];
        var b = new double[m * n];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = rng.Next(values);
            b[k] = rng.Next(values);
        }

        return BimatrixGame.FromRowMajor(m, n, a, b);
    }

    /// <summary>The n×n coordination game A = B = I: 2^n − 1 equilibria, uniform on each common support.</summary>
    public static BimatrixGame Identity(int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[(i * n) + i] = 1;
        }

        return BimatrixGame.FromRowMajor(n, n, a, a);
    }

    /// <summary>The largest gain of either player from a pure deviation.</summary>
    public static double Regret(BimatrixGame game, Equilibrium e)
    {
        int m = game.Rows, n = game.Columns;
        double rowValue = 0, columnValue = 0, bestRow = double.NegativeInfinity, bestColumn = double.NegativeInfinity;
        for (int i = 0; i < m; i++)
        {
            double p = 0;
            for (int j = 0; j < n; j++)
            {
                p += game.RowPayoff(i, j) * e.Column[j];
            }

            bestRow = Math.Max(bestRow, p);
            rowValue += e.Row[i] * p;
        }

        for (int j = 0; j < n; j++)
        {
            double p = 0;
            for (int i = 0; i < m; i++)
            {
                p += game.ColumnPayoff(i, j) * e.Row[i];
            }

            bestColumn = Math.Max(bestColumn, p);
            columnValue += e.Column[j] * p;
        }

        return Math.Max(bestRow - rowValue, bestColumn - columnValue);
    }

    /// <summary>Asserts that the two sets hold the same equilibria (same count, each within <paramref name="tolerance"/>).</summary>
    public static void AssertSameSet(IReadOnlyList<Equilibrium> expected, IReadOnlyList<Equilibrium> actual, double tolerance, string context)
    {
        Assert.True(expected.Count == actual.Count, $"{context}: expected {expected.Count} equilibria, got {actual.Count}");
        for (int k = 0; k < expected.Count; k++)
        {
            // Both are sorted by EquilibriumOrder; rounding can only reorder entries that agree to ~1e-15.
            Equilibrium e = expected[k];
            Equilibrium? match = null;
            foreach (Equilibrium a in actual)
            {
                if (Distance(e, a) <= tolerance)
                {
                    match = a;
                    break;
                }
            }

            Assert.True(match is not null, $"{context}: equilibrium {Format(e)} not found; got {string.Join(" | ", actual.Select(Format))}");
            Assert.True(Math.Abs(match!.RowPayoff - e.RowPayoff) <= tolerance * Math.Max(1, Math.Abs(e.RowPayoff)), $"{context}: row payoff {match.RowPayoff} vs {e.RowPayoff}");
            Assert.True(Math.Abs(match.ColumnPayoff - e.ColumnPayoff) <= tolerance * Math.Max(1, Math.Abs(e.ColumnPayoff)), $"{context}: column payoff {match.ColumnPayoff} vs {e.ColumnPayoff}");
        }
    }

    public static double Distance(Equilibrium a, Equilibrium b)
    {
        double d = 0;
        for (int i = 0; i < a.Row.Length; i++)
        {
            d = Math.Max(d, Math.Abs(a.Row[i] - b.Row[i]));
        }

        for (int j = 0; j < a.Column.Length; j++)
        {
            d = Math.Max(d, Math.Abs(a.Column[j] - b.Column[j]));
        }

        return d;
    }

    public static string Format(Equilibrium e) => $"[{string.Join(",", e.Row)}]/[{string.Join(",", e.Column)}]";
}
