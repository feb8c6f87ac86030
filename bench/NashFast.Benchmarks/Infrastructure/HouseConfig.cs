using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Validators;

namespace NashFast.Benchmarks;

/// <summary>
/// The house benchmark config, applied to every suite by <see cref="Program"/> (suites carry no <c>[Config]</c>).
/// After dotnet/performance's <c>RecommendedConfig</c>: every line is a decision, and says why.
/// </summary>
public sealed class HouseConfig : ManualConfig
{
    /// <summary>Builds the config with the given jobs.</summary>
    public HouseConfig(JobSet jobs = JobSet.House)
    {
        JobSet = jobs;
        IConfig defaults = DefaultConfig.Instance;                 // take BenchmarkDotNet's own defaults piece by piece, never its exporters
        AddLogger([.. defaults.GetLoggers()]);                     // console log as usual (plus BenchmarkDotNet's log file in the artifacts)
        AddColumnProvider([.. defaults.GetColumnProviders()]);     // method, job, parameters, mean, error, stddev, ratio, ... as usual
        AddAnalyser([.. defaults.GetAnalysers()]);                 // warnings for outliers, bimodal distributions, zero measurements
        AddValidator([.. defaults.GetValidators()]);               // BenchmarkDotNet's standard checks (baselines, setup methods, ...)
        AddValidator(JitOptimizationsValidator.FailOnError);       // timing a Debug build is an error, not a warning
        AddColumn(StatisticColumn.Median,                          // the median is what BenchCompare compares (robust to outliers)
                  StatisticColumn.Min,                             // the best case: the least disturbed by neighbours on a shared machine
                  StatisticColumn.Max);                            // the worst case: shows how noisy the run was
        AddColumn(ThroughputColumn.GamesPerSecond,                 // Games/s from the suite's `Games` parameter ("-" without one)
                  ThroughputColumn.BytesPerSecond);                // Bytes/s from a `Bytes` parameter (file-reading suites)
        AddDiagnoser(MemoryDiagnoser.Default);                     // allocated bytes per operation and GC counts: hot paths must stay at 0 B
        AddExporter(JsonExporter.Full);                            // *-report-full.json with every measurement: the input of BenchCompare
        AddExporter(MarkdownExporter.GitHub);                      // *-report-github.md: what goes into bench/results/<machine>/
        WithSummaryStyle(SummaryStyle.Default                      // the default style, except:
            .WithMaxParameterColumnWidth(40));                     // parameter values are not cut at 20 characters
        WithOption(ConfigOptions.StopOnFirstError, false);         // run everything: one broken suite must not hide the state of the others
        WithOption(ConfigOptions.JoinSummary, false);              // one summary (and one JSON file) per suite, named after the class
        switch (jobs)                                              // the jobs, by job set:
        {
            case JobSet.House:
                AddJob(HouseJobs.House.AsDefault());               // default job: command-line tweaks (--iterationCount, --envVars, ...) apply to it
                break;
            case JobSet.InstructionSets:
                AddJob([.. HouseJobs.InstructionSets]);            // one job per DOTNET_Enable*=0 limit, out of process (env vars need a child process)
                break;
            case JobSet.Kernels:
                AddJob([.. HouseJobs.Kernels]);                    // one job per NASHFAST_KERNEL value, out of process
                break;
            case JobSet.Dry:
                AddJob(HouseJobs.Dry);                             // each benchmark once, in-process
                break;
            case JobSet.CommandLine:
                break;                                             // --job/--inProcess/--runtimes on the command line define the jobs
            default:
                throw new ArgumentOutOfRangeException(nameof(jobs), jobs, "Unknown job set.");
        }
    }

    /// <summary>The job set this config was built with.</summary>
    public JobSet JobSet { get; }
}
