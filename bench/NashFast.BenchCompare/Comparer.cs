using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace NashFast.BenchCompare;

/// <summary>
/// Compares two runs benchmark by benchmark, as dotnet/performance's ResultsComparer does: a Mann–Whitney-based
/// equivalence test on the original measurements with a relative threshold, then a noise floor on the medians.
/// </summary>
public static class Comparer
{
    /// <summary>With fewer values on a side the test has no power; the verdict is then the median ratio against the threshold.</summary>
    public const int MinSamplesForTest = 3;

    /// <summary>Compares every benchmark present in both runs; the result lists the unmatched ones too.</summary>
    public static CompareReport Compare(
        IReadOnlyDictionary<string, BenchmarkResult> baseRun,
        IReadOnlyDictionary<string, BenchmarkResult> diffRun,
        CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseRun);
        ArgumentNullException.ThrowIfNull(diffRun);
        ArgumentNullException.ThrowIfNull(options);
        var compared = new List<Comparison>();
        var missing = new List<string>();
        var added = new List<string>();
        foreach ((string key, BenchmarkResult b) in baseRun)
        {
            if (diffRun.TryGetValue(key, out BenchmarkResult? d))
            {
                compared.Add(CompareOne(key, b, d, options));
            }
            else
            {
                missing.Add(key);
            }
        }

        foreach (string key in diffRun.Keys)
        {
            if (!baseRun.ContainsKey(key))
            {
                added.Add(key);
            }
        }

        compared.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        missing.Sort(StringComparer.Ordinal);
        added.Sort(StringComparer.Ordinal);
        return new CompareReport(options, compared, missing, added);
    }

    /// <summary>The verdict on one benchmark.</summary>
    public static Comparison CompareOne(string key, BenchmarkResult baseResult, BenchmarkResult diffResult, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseResult);
        ArgumentNullException.ThrowIfNull(diffResult);
        ArgumentNullException.ThrowIfNull(options);
        if (!baseResult.HasValues || !diffResult.HasValues)
        {
            return new Comparison(key, baseResult, diffResult, Conclusion.NoResult, FewSamples: false);
        }

        // The noise floor: a change of the median smaller than this is never a finding, whatever its percentage.
        if (Math.Abs(diffResult.Median - baseResult.Median) < options.NoiseNanoseconds)
        {
            return new Comparison(key, baseResult, diffResult, Conclusion.Same, FewSamples: false);
        }

        bool few = baseResult.Values.Length < MinSamplesForTest || diffResult.Values.Length < MinSamplesForTest;
        Conclusion c = few ? ByRatio(baseResult.Median, diffResult.Median, options.ThresholdPercent) : ByTest(baseResult, diffResult, options);
        return new Comparison(key, baseResult, diffResult, c, few);
    }

    private static Conclusion ByTest(BenchmarkResult baseResult, BenchmarkResult diffResult, CompareOptions options)
    {
        var threshold = Threshold.Parse(options.ThresholdPercent.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%");
        var test = new SimpleEquivalenceTest(MannWhitneyTest.Instance);
        // Is the changed run greater (slower) than the base by more than the threshold, at significance alpha?
        var result = test.Perform(new Sample(diffResult.Values), new Sample(baseResult.Values), threshold, new SignificanceLevel(options.Alpha));
        return result switch
        {
            ComparisonResult.Greater => Conclusion.Slower,
            ComparisonResult.Lesser => Conclusion.Faster,
            _ => Conclusion.Same,
        };
    }

    private static Conclusion ByRatio(double baseMedian, double diffMedian, double thresholdPercent)
    {
        double limit = 1 + thresholdPercent / 100;
        double ratio = diffMedian / baseMedian;
        return ratio > limit ? Conclusion.Slower : ratio < 1 / limit ? Conclusion.Faster : Conclusion.Same;
    }
}
