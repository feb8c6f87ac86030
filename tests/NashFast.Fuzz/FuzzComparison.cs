using NashFast.Games;

namespace NashFast.Fuzz;

/// <summary>How a solver's result differs from the reference's, or null when it does not.</summary>
internal static class FuzzComparison
{
    /// <summary>
    /// Exact methods must match the reference exactly (degenerate flag, completeness, every rational and every
    /// double); a floating-point method's doubles (support enumeration under <c>auto</c>) within 1e-9.
    /// </summary>
    public static string? Difference(SolveResult expected, SolveResult actual)
    {
        if (!actual.Complete)
        {
            return $"incomplete ({actual.IncompleteReason})";
        }

        if (expected.Degenerate != actual.Degenerate)
        {
            return $"degenerate: reference {expected.Degenerate}, {actual.Method} {actual.Degenerate}";
        }

        if (expected.Equilibria.Count != actual.Equilibria.Count)
        {
            return $"{expected.Equilibria.Count} equilibria in the reference, {actual.Equilibria.Count} from {actual.Method}";
        }

        if (actual.ExactEquilibria is { } exact)
        {
            IReadOnlyList<ExactEquilibrium> reference = expected.ExactEquilibria!;
            for (int k = 0; k < exact.Count; k++)
            {
                if (!reference[k].Row.AsSpan().SequenceEqual(exact[k].Row) || !reference[k].Column.AsSpan().SequenceEqual(exact[k].Column)
                    || reference[k].RowPayoff != exact[k].RowPayoff || reference[k].ColumnPayoff != exact[k].ColumnPayoff)
                {
                    return $"exact equilibrium {k} differs ({actual.Method})";
                }
            }
        }

        double tolerance = actual.ExactEquilibria is null ? 1e-9 : 0;
        for (int k = 0; k < expected.Equilibria.Count; k++)
        {
            Equilibrium x = expected.Equilibria[k], y = actual.Equilibria[k];
            if (Distance(x.Row, y.Row) > tolerance || Distance(x.Column, y.Column) > tolerance)
            {
                return $"equilibrium {k} differs ({actual.Method})";
            }
        }

        return null;
    }

    private static double Distance(double[] x, double[] y)
    {
        double d = 0;
        for (int i = 0; i < x.Length; i++)
        {
            d = Math.Max(d, Math.Abs(x[i] - y[i]));
        }

        return d;
    }
}
