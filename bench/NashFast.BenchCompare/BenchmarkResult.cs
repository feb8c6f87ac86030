namespace NashFast.BenchCompare;

/// <summary>
/// One benchmark of a BenchmarkDotNet full JSON report: its key (the full name, plus the job when one folder holds
/// the same full name under several jobs), and the time of one operation in each result iteration (ns).
/// </summary>
/// <param name="Key">What benchmarks are matched on across the two folders.</param>
/// <param name="FullName">BenchmarkDotNet's <c>FullName</c> (namespace, type, method, parameters).</param>
/// <param name="Job">The job id taken from <c>DisplayInfo</c> ("House", "NoAvx2", ...), or empty.</param>
/// <param name="Values">Nanoseconds per operation of every workload result iteration; empty when the benchmark failed.</param>
/// <param name="File">The report file it came from (for messages).</param>
public sealed record BenchmarkResult(string Key, string FullName, string Job, double[] Values, string File)
{
    /// <summary>True when the benchmark produced measurements.</summary>
    public bool HasValues => Values.Length > 0;

    /// <summary>The median of <see cref="Values"/> (NaN when there are none).</summary>
    public double Median => Statistics.Median(Values);
}
