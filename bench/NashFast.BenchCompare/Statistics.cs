namespace NashFast.BenchCompare;

/// <summary>The few statistics the comparer computes itself (the test comes from Perfolizer).</summary>
public static class Statistics
{
    /// <summary>The median of <paramref name="values"/>; NaN for an empty list.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        double[] sorted = [.. values];
        Array.Sort(sorted);
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The geometric mean of positive ratios; NaN for an empty list.</summary>
    public static double GeometricMean(IReadOnlyList<double> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        if (ratios.Count == 0)
        {
            return double.NaN;
        }

        // Sum of logs, not a product: a product of hundreds of ratios under- or overflows.
        double sum = 0;
        foreach (double r in ratios)
        {
            sum += Math.Log(r);
        }

        return Math.Exp(sum / ratios.Count);
    }
}
