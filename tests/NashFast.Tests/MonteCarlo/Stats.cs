namespace NashFast.Tests.MonteCarlo;

/// <summary>4σ tolerances from binomial / CLT standard errors.</summary>
internal static class Stats
{
    /// <summary>Asserts that k of n is within 4 binomial standard errors of probability p: 4·sqrt(p(1−p)/n).</summary>
    public static void Proportion(long k, long n, double p, string what)
    {
        double se = Math.Sqrt(p * (1 - p) / n);
        double f = (double)k / n;
        Assert.True(Math.Abs(f - p) <= 4 * se, $"{what}: {f} vs {p} (4σ = {4 * se})");
    }

    /// <summary>
    /// Asserts that the mean of a count histogram is within 4 standard errors of <paramref name="expected"/>, the
    /// standard error being the sample standard deviation over sqrt(n) (CLT).
    /// </summary>
    public static void Mean(IReadOnlyDictionary<int, long> histogram, double expected, string what)
    {
        long n = 0;
        double s = 0, ss = 0;
        foreach (KeyValuePair<int, long> kv in histogram)
        {
            n += kv.Value;
            s += (double)kv.Key * kv.Value;
            ss += (double)kv.Key * kv.Key * kv.Value;
        }

        double mean = s / n;
        double variance = (ss / n) - (mean * mean);
        double se = Math.Sqrt(variance / n);
        Assert.True(Math.Abs(mean - expected) <= 4 * se, $"{what}: {mean} vs {expected} (4σ = {4 * se})");
    }
}
