using BenchmarkDotNet.Running;

namespace NashFast.Benchmarks;

/// <summary>Runs the suites selected on the command line (BenchmarkDotNet's switcher).</summary>
public static class Program
{
    /// <summary>Entry point; returns non-zero when any benchmark failed.</summary>
    public static int Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        foreach (var s in summaries)
        {
            if (s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success))
            {
                return 1;
            }
        }

        return 0;
    }
}
