using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NashFast.Benchmarks;

/// <summary>
/// Throughput column: the benchmark's size parameter (e.g. <c>Games</c>, the games solved per invocation) divided by
/// the median time of one invocation, in units per second. Shows "-" for a benchmark without that parameter or
/// without a result; hidden when no benchmark in the summary has the parameter.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    private readonly string _parameterName;

    /// <summary>Creates a column that divides parameter <paramref name="parameterName"/> by the median time.</summary>
    /// <param name="parameterName">Name of the <c>[Params]</c>/<c>[ParamsSource]</c> member holding the count per invocation.</param>
    /// <param name="columnName">Header shown in the summary, e.g. "Games/s".</param>
    public ThroughputColumn(string parameterName, string columnName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(columnName);
        _parameterName = parameterName;
        ColumnName = columnName;
    }

    /// <summary>The column counting games per second from the <c>Games</c> parameter.</summary>
    public static ThroughputColumn GamesPerSecond { get; } = new("Games", "Games/s");

    /// <summary>The column counting bytes per second from a <c>Bytes</c> parameter (file-reading suites).</summary>
    public static ThroughputColumn BytesPerSecond { get; } = new("Bytes", "Bytes/s");

    /// <inheritdoc/>
    public string Id => nameof(ThroughputColumn) + "." + _parameterName;

    /// <inheritdoc/>
    public string ColumnName { get; }

    /// <inheritdoc/>
    public bool AlwaysShow => false;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => $"{_parameterName} per invocation divided by the median time (per second; k = 10^3, M = 10^6, G = 10^9)";

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        foreach (BenchmarkCase c in summary.BenchmarksCases)
        {
            if (TryGetCount(c, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        double? perSecond = PerSecond(summary[benchmarkCase]?.ResultStatistics?.Median, benchmarkCase);
        return perSecond is double v ? Format(v) : "-";
    }

    /// <summary>Count per invocation divided by <paramref name="medianNanoseconds"/>, per second; null when either is missing.</summary>
    public double? PerSecond(double? medianNanoseconds, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        if (medianNanoseconds is not double ns || !(ns > 0) || !TryGetCount(benchmarkCase, out double count))
        {
            return null;
        }

        return count / (ns * 1e-9);
    }

    /// <summary>Formats a rate with an SI prefix and three significant digits ("12.3 M").</summary>
    public static string Format(double perSecond)
    {
        (double scaled, string prefix) = Math.Abs(perSecond) switch
        {
            >= 1e9 => (perSecond / 1e9, " G"),
            >= 1e6 => (perSecond / 1e6, " M"),
            >= 1e3 => (perSecond / 1e3, " k"),
            _ => (perSecond, string.Empty),
        };
        string digits = Math.Abs(scaled) >= 100 ? "F0" : Math.Abs(scaled) >= 10 ? "F1" : "F2";
        return scaled.ToString(digits, CultureInfo.InvariantCulture) + prefix;
    }

    /// <inheritdoc/>
    public override string ToString() => ColumnName;

    private bool TryGetCount(BenchmarkCase benchmarkCase, out double count)
    {
        foreach (var p in benchmarkCase.Parameters.Items)
        {
            if (string.Equals(p.Name, _parameterName, StringComparison.Ordinal) && p.Value is IConvertible c)
            {
                count = c.ToDouble(CultureInfo.InvariantCulture);
                return true;
            }
        }

        count = 0;
        return false;
    }
}
