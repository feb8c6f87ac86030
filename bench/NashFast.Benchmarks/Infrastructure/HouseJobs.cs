using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace NashFast.Benchmarks;

/// <summary>The jobs of the house config, one property per job set (see <see cref="JobSet"/>).</summary>
public static class HouseJobs
{
    /// <summary>The environment variable that forces one kernel of the 2×2 solver (read by the library's kernel factory).</summary>
    public const string KernelVariable = "NASHFAST_KERNEL";

    /// <summary>
    /// The job for results of record, tuned for a small, noisy machine (2 cores shared with other work), after
    /// dotnet/performance's <c>RecommendedConfig</c>.
    /// </summary>
    public static Job House { get; } = Job.Default
        .WithId("House")                                           // a stable name in the summary and in the JSON
        .WithLaunchCount(2)                                        // two processes: a bad JIT/layout draw in one launch shows up as a bimodal result instead of hiding
        .WithWarmupCount(3)                                        // three warm-ups: enough for tiered JIT to reach tier 1 with our 250 ms iterations
        .WithIterationTime(TimeInterval.FromMilliseconds(250))     // 250 ms per iteration (default 500 ms): more, shorter iterations average out noise from neighbours
        .WithMinIterationCount(15)                                 // at least 15 measurements per launch: the Mann–Whitney test in BenchCompare needs a real sample
        .WithMaxIterationCount(30)                                 // at most 30 per launch: bounds the run time on a noisy machine where the stop rule rarely triggers
        .DontEnforcePowerPlan();                                   // never touch the OS power plan (Windows): the machine's settings are part of the record

    /// <summary>The CI smoke job: one launch, one invocation, in-process (no per-benchmark build), no warm-up.</summary>
    public static Job Dry { get; } = Job.Dry
        .WithId("Dry")                                             // named so dry JSON is never mistaken for a measurement
        .WithToolchain(InProcessEmitToolchain.Instance);           // in-process: no project generation or child build, seconds per benchmark

    /// <summary>The house job under each instruction-set limit; the unrestricted job is the baseline.</summary>
    public static IReadOnlyList<Job> InstructionSets { get; } =
    [
        House.WithId("AllIsa").AsBaseline(),
        House.WithId("NoAvx512").WithEnvironmentVariable("DOTNET_EnableAVX512", "0"),
        House.WithId("NoAvx2").WithEnvironmentVariable("DOTNET_EnableAVX2", "0"),
        House.WithId("NoHWIntrinsic").WithEnvironmentVariable("DOTNET_EnableHWIntrinsic", "0"),
    ];

    /// <summary>
    /// The house job with each kernel forced; the scalar kernel is the baseline. A kernel the CPU lacks (e.g.
    /// Vector512 without AVX-512) is the library's business: it must fail clearly or fall back, as it documents.
    /// </summary>
    public static IReadOnlyList<Job> Kernels { get; } =
    [
        House.WithId("Scalar").WithEnvironmentVariable(KernelVariable, "Scalar").AsBaseline(),
        House.WithId("Vector128").WithEnvironmentVariable(KernelVariable, "Vector128"),
        House.WithId("Vector256").WithEnvironmentVariable(KernelVariable, "Vector256"),
        House.WithId("Vector512").WithEnvironmentVariable(KernelVariable, "Vector512"),
    ];
}
