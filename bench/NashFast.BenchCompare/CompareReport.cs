namespace NashFast.BenchCompare;

/// <summary>Everything the comparison found: the matched benchmarks with verdicts, and the unmatched ones.</summary>
/// <param name="Options">The options it ran with.</param>
/// <param name="Compared">Benchmarks present in both runs, sorted by key.</param>
/// <param name="Missing">Keys in the base run only (removed, renamed, or filtered out of the changed run).</param>
/// <param name="Added">Keys in the changed run only.</param>
public sealed record CompareReport(CompareOptions Options, IReadOnlyList<Comparison> Compared, IReadOnlyList<string> Missing, IReadOnlyList<string> Added)
{
    /// <summary>True when any benchmark is slower beyond the threshold (exit code 1).</summary>
    public bool HasRegression
    {
        get
        {
            foreach (Comparison c in Compared)
            {
                if (c.Conclusion == Conclusion.Slower)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The comparisons with the given verdict, most changed first.</summary>
    public IReadOnlyList<Comparison> With(Conclusion conclusion)
    {
        var list = new List<Comparison>();
        foreach (Comparison c in Compared)
        {
            if (c.Conclusion == conclusion)
            {
                list.Add(c);
            }
        }

        // Most changed first: slower by descending ratio, faster by ascending ratio.
        list.Sort((x, y) => conclusion == Conclusion.Faster ? x.Ratio.CompareTo(y.Ratio) : y.Ratio.CompareTo(x.Ratio));
        return list;
    }

    /// <summary>The geometric mean of the median ratios (diff / base) over every benchmark with results on both sides.</summary>
    public double GeometricMeanRatio
    {
        get
        {
            var ratios = new List<double>();
            foreach (Comparison c in Compared)
            {
                if (c.Conclusion != Conclusion.NoResult && c.Ratio > 0 && double.IsFinite(c.Ratio))
                {
                    ratios.Add(c.Ratio);
                }
            }

            return Statistics.GeometricMean(ratios);
        }
    }
}
