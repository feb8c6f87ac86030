using System.Globalization;

namespace NashFast.BenchCompare;

/// <summary>Writes a <see cref="CompareReport"/> as GitHub markdown.</summary>
public static class MarkdownReport
{
    /// <summary>Writes the report: a summary line, then the slower, faster, no-result, missing and new benchmarks.</summary>
    public static void Write(CompareReport report, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(w);
        CompareOptions o = report.Options;
        IReadOnlyList<Comparison> slower = report.With(Conclusion.Slower);
        IReadOnlyList<Comparison> faster = report.With(Conclusion.Faster);
        IReadOnlyList<Comparison> noResult = report.With(Conclusion.NoResult);
        int same = report.Compared.Count - slower.Count - faster.Count - noResult.Count;
        w.WriteLine("# Benchmark comparison");
        w.WriteLine();
        w.WriteLine(Inv($"Base: `{o.BaseFolder}`; diff: `{o.DiffFolder}`."));
        w.WriteLine(Inv($"Mann–Whitney test on the original measurements, threshold {o.ThresholdPercent}%, noise floor {FormatTime(o.NoiseNanoseconds)}, alpha {o.Alpha}. Ratio = diff median / base median (above 1 is slower)."));
        w.WriteLine();
        w.WriteLine(Inv($"Compared {report.Compared.Count}: {slower.Count} slower, {faster.Count} faster, {same} same, {noResult.Count} without result; {report.Missing.Count} missing in diff, {report.Added.Count} new in diff."));
        double g = report.GeometricMeanRatio;
        w.WriteLine(double.IsNaN(g) ? "Geometric mean of ratios: n/a (nothing to compare)." : Inv($"Geometric mean of ratios: {g:F3}."));
        Table(w, "Slower", slower);
        Table(w, "Faster", faster);
        Table(w, "Without result (failed in one run)", noResult);
        List(w, "Missing in diff (base only)", report.Missing);
        List(w, "New in diff (diff only)", report.Added);
    }

    /// <summary>Formats nanoseconds with a unit that keeps three or four significant digits.</summary>
    public static string FormatTime(double ns)
    {
        if (double.IsNaN(ns))
        {
            return "-";
        }

        return ns switch
        {
            >= 1e9 => Inv($"{ns / 1e9:F3} s"),
            >= 1e6 => Inv($"{ns / 1e6:F3} ms"),
            >= 1e3 => Inv($"{ns / 1e3:F3} μs"),
            _ => Inv($"{ns:F3} ns"),
        };
    }

    private static void Table(TextWriter w, string title, IReadOnlyList<Comparison> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine(Inv($"## {title} ({rows.Count})"));
        w.WriteLine();
        w.WriteLine("| Benchmark | Base median | Diff median | Ratio | Samples (base/diff) |");
        w.WriteLine("|---|---:|---:|---:|---:|");
        foreach (Comparison c in rows)
        {
            string ratio = double.IsNaN(c.Ratio) ? "-" : Inv($"{c.Ratio:F3}");
            string samples = Inv($"{c.Base.Values.Length}/{c.Diff.Values.Length}") + (c.FewSamples ? " (too few for the test; by ratio)" : string.Empty);
            w.WriteLine($"| {Escape(c.Key)} | {FormatTime(c.Base.Median)} | {FormatTime(c.Diff.Median)} | {ratio} | {samples} |");
        }
    }

    private static void List(TextWriter w, string title, IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine(Inv($"## {title} ({keys.Count})"));
        w.WriteLine();
        foreach (string k in keys)
        {
            w.WriteLine($"- {Escape(k)}");
        }
    }

    // A pipe inside a benchmark name (a string parameter) would split the table cell.
    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
