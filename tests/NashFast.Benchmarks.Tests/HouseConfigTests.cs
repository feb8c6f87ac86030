using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NashFast.Benchmarks;

namespace NashFast.Benchmarks.Tests;

public class HouseConfigTests
{
    [Fact]
    public void HouseConfig_ExportsFullJsonAndGitHubMarkdown_AndNothingElse()
    {
        IExporter[] exporters = [.. new HouseConfig().GetExporters()];
        Assert.Contains(JsonExporter.Full, exporters);
        Assert.Contains(MarkdownExporter.GitHub, exporters);
        Assert.Equal(2, exporters.Length);
    }

    [Fact]
    public void HouseConfig_HasTheMemoryDiagnoser()
    {
        Assert.Contains(MemoryDiagnoser.Default, new HouseConfig().GetDiagnosers());
    }

    [Fact]
    public void HouseJob_IsTheDefaultJob_SoCommandLineTweaksApplyToIt()
    {
        Job job = Assert.Single(new HouseConfig().GetJobs());
        Assert.True(job.Meta.IsDefault);
        Assert.Equal("House", job.Job.Id);
        Assert.Equal(15, job.Run.MinIterationCount);
    }

    [Fact]
    public void CommandLineJobSet_AddsNoJob()
    {
        Assert.Empty(new HouseConfig(JobSet.CommandLine).GetJobs());
    }

    [Fact]
    public void DryJob_RunsOnceInProcess()
    {
        Job job = Assert.Single(new HouseConfig(JobSet.Dry).GetJobs());
        Assert.Same(InProcessEmitToolchain.Instance, job.Infrastructure.Toolchain);
        Assert.Equal(1, job.Run.IterationCount);
        Assert.Equal(1, job.Run.LaunchCount);
    }

    [Theory]
    [InlineData(JobSet.InstructionSets, "", "DOTNET_EnableAVX512=0", "DOTNET_EnableAVX2=0", "DOTNET_EnableHWIntrinsic=0")]
    [InlineData(JobSet.Kernels, "NASHFAST_KERNEL=Scalar", "NASHFAST_KERNEL=Vector128", "NASHFAST_KERNEL=Vector256", "NASHFAST_KERNEL=Vector512")]
    public void JobSets_SetOneEnvironmentVariablePerJob_FirstIsBaseline(JobSet set, string e0, string e1, string e2, string e3)
    {
        Job[] jobs = [.. new HouseConfig(set).GetJobs()];
        Assert.Equal(4, jobs.Length);
        string[] expected = [e0, e1, e2, e3];
        for (int i = 0; i < jobs.Length; i++)
        {
            string actual = string.Join(";", jobs[i].Environment.EnvironmentVariables?.Select(v => v.Key + "=" + v.Value) ?? []);
            Assert.Equal(expected[i], actual);
            Assert.Equal(i == 0, jobs[i].Meta.Baseline);
            Assert.Equal(15, jobs[i].Run.MinIterationCount);
        }
    }
}
