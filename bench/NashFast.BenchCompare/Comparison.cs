namespace NashFast.BenchCompare;

/// <summary>One benchmark in both runs: the medians, their ratio (diff / base, above 1 is slower) and the verdict.</summary>
/// <param name="Key">The matched key (full name, with the job when needed).</param>
/// <param name="Base">The base run's result.</param>
/// <param name="Diff">The changed run's result.</param>
/// <param name="Conclusion">Slower, faster, same, or no result.</param>
/// <param name="FewSamples">True when a side had fewer than <see cref="Comparer.MinSamplesForTest"/> values, so the verdict is by ratio alone.</param>
public sealed record Comparison(string Key, BenchmarkResult Base, BenchmarkResult Diff, Conclusion Conclusion, bool FewSamples)
{
    /// <summary>Median of the changed run divided by median of the base run (NaN without results).</summary>
    public double Ratio => Base.HasValues && Diff.HasValues ? Diff.Median / Base.Median : double.NaN;
}
