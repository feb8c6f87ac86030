namespace NashFast.Games;

/// <summary>
/// The one deterministic output order of every solver: lexicographic on the row strategy, then on the column
/// strategy, each probability compared in <b>descending</b> order (so pure strategy 0 comes first, as lrsnash and
/// Gambit tend to list it).
/// </summary>
public sealed class EquilibriumOrder : IComparer<Equilibrium>, IComparer<ExactEquilibrium>
{
    /// <summary>The shared instance.</summary>
    public static EquilibriumOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(Equilibrium? x, Equilibrium? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int c = CompareDescending(x.Row, y.Row);
        return c != 0 ? c : CompareDescending(x.Column, y.Column);
    }

    /// <inheritdoc />
    public int Compare(ExactEquilibrium? x, ExactEquilibrium? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int c = CompareDescending(x.Row, y.Row);
        return c != 0 ? c : CompareDescending(x.Column, y.Column);
    }

    private static int CompareDescending(double[] a, double[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int k = 0; k < n; k++)
        {
            int c = b[k].CompareTo(a[k]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static int CompareDescending(Rational[] a, Rational[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int k = 0; k < n; k++)
        {
            int c = b[k].CompareTo(a[k]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
