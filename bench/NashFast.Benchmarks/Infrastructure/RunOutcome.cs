using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NashFast.Benchmarks;

/// <summary>
/// How a run went: benchmarks that produced a result, and benchmarks that did not (an exception in a setup such as
/// a failed cross-check, a crash, a build failure) or that a critical validation error stopped.
/// </summary>
public readonly record struct RunOutcome(int Passed, int Failed)
{
    /// <summary>True when nothing failed and something ran.</summary>
    public bool Success => Failed == 0 && Passed > 0;

    /// <summary>Counts the outcome of every benchmark case in <paramref name="summaries"/>.</summary>
    public static RunOutcome From(IEnumerable<Summary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        int passed = 0;
        int failed = 0;
        foreach (Summary s in summaries)
        {
            if (s.HasCriticalValidationErrors)
            {
                // Nothing of this summary ran; count its cases (at least one, so the failure is never silent).
                failed += Math.Max(1, s.BenchmarksCases.Length);
                continue;
            }

            foreach (BenchmarkCase c in s.BenchmarksCases)
            {
                BenchmarkReport? r = s[c];
                if (r is not null && r.Success && r.ResultStatistics is not null && !HasErrors(r))
                {
                    passed++;
                }
                else
                {
                    failed++;
                }
            }
        }

        return new RunOutcome(passed, failed);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Passed} passed, {Failed} failed";

    private static bool HasErrors(BenchmarkReport r)
    {
        foreach (var e in r.ExecuteResults)
        {
            if (!e.IsSuccess)
            {
                return true;
            }
        }

        return false;
    }
}
