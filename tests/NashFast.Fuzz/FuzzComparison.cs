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

    /// <summary>
    /// Vertex enumeration without the exact rationals (<see cref="SolveOptions.ExactResults"/> false): the same
    /// flags and the reference's doubles exactly (probabilities and payoffs, same order), and no exact list.
    /// </summary>
    public static string? DoublesOnlyDifference(SolveResult expected, SolveResult actual)
    {
        if (actual.ExactEquilibria is not null)
        {
            return "exact equilibria computed although not asked for";
        }

        if (Difference(expected, actual) is { } difference)
        {
            return difference;
        }

        for (int k = 0; k < expected.Equilibria.Count; k++)
        {
            Equilibrium x = expected.Equilibria[k], y = actual.Equilibria[k];
            if (Distance(x.Row, y.Row) != 0 || Distance(x.Column, y.Column) != 0 || !x.RowPayoff.Equals(y.RowPayoff) || !x.ColumnPayoff.Equals(y.ColumnPayoff))
            {
                return $"equilibrium {k}: not the reference's doubles";
            }
        }

        return null;
    }

    /// <summary>
    /// Support enumeration, explicit: when it says complete, its set must be the reference's within 1e-9 (its
    /// degenerate flag only means "a sign was seen", so it is not compared).
    /// </summary>
    public static string? SupportDifference(SolveResult expected, SolveResult actual)
    {
        if (!actual.Complete)
        {
            return null; // it said it could not vouch for the set
        }

        if (expected.Equilibria.Count != actual.Equilibria.Count)
        {
            return $"complete with {actual.Equilibria.Count} equilibria, the reference has {expected.Equilibria.Count}";
        }

        foreach (Equilibrium e in actual.Equilibria)
        {
            if (!expected.Equilibria.Any(x => Distance(x.Row, e.Row) <= 1e-9 && Distance(x.Column, e.Column) <= 1e-9))
            {
                return "an equilibrium the reference does not have";
            }
        }

        return null;
    }

    /// <summary>Lemke–Howson from every label: each equilibrium it reaches is one of the reference's, exactly.</summary>
    public static string? LemkeHowsonDifference(SolveResult expected, SolveResult actual)
    {
        foreach (ExactEquilibrium e in actual.ExactEquilibria!)
        {
            if (!expected.ExactEquilibria!.Any(x => x.Row.AsSpan().SequenceEqual(e.Row) && x.Column.AsSpan().SequenceEqual(e.Column)))
            {
                return "reached an equilibrium the reference does not have";
            }
        }

        return actual.Equilibria.Count == 0 ? "no equilibrium reached" : null;
    }

    /// <summary>Pure equilibria: exactly the reference's equilibria whose supports are single strategies.</summary>
    public static string? PureDifference(SolveResult expected, SolveResult actual)
    {
        int pure = expected.Equilibria.Count(x => x.RowSupportSize == 1 && x.ColumnSupportSize == 1);
        if (pure != actual.Equilibria.Count)
        {
            return $"{actual.Equilibria.Count} pure equilibria, the reference has {pure}";
        }

        foreach (Equilibrium e in actual.Equilibria)
        {
            if (!expected.Equilibria.Any(x => Distance(x.Row, e.Row) == 0 && Distance(x.Column, e.Column) == 0))
            {
                return "a pure equilibrium the reference does not have";
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
