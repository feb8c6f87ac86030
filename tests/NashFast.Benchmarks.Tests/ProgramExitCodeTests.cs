using System.Text.Json;
using NashFast.Benchmarks;

namespace NashFast.Benchmarks.Tests;

/// <summary>
/// Runs the real entry point on the infrastructure's self-test suites (dry, in-process) and checks that a failed
/// cross-check fails the run, and that a passing one does not.
/// </summary>
public sealed class ProgramExitCodeTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("nashfast-bench-test-").FullName;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(BenchParams.DryVariable, null);
        Directory.Delete(_artifacts, recursive: true);
    }

    [Fact]
    public void ACrossCheckThatThrowsInGlobalSetup_FailsTheRun()
    {
        var output = new StringWriter();
        int code = Program.Run(["--selftest", "--dry", "--filter", "*CrossCheckFails*", "--artifacts", _artifacts], output);
        Assert.Equal(1, code);
        Assert.Equal("0 passed, 1 failed", LastLine(output));
    }

    [Fact]
    public void ABenchmarkThatThrowsWhileTimed_FailsTheRun()
    {
        var output = new StringWriter();
        int code = Program.Run(["--selftest", "--dry", "--filter", "*BenchmarkThrows*", "--artifacts", _artifacts], output);
        Assert.Equal(1, code);
        Assert.Equal("0 passed, 1 failed", LastLine(output));
    }

    [Fact]
    public void APassingCrossCheck_PassesAndExportsFullJson()
    {
        var output = new StringWriter();
        int code = Program.Run(["--selftest", "--dry", "--filter", "*CrossCheckPasses*", "--artifacts", _artifacts], output);
        Assert.Equal(0, code);
        // Dry mode shrinks the ParamsSource to its dry list: one benchmark (Games=3), not two.
        Assert.Equal("1 passed, 0 failed", LastLine(output));
        string[] json = Directory.GetFiles(_artifacts, "*-report-full.json", SearchOption.AllDirectories);
        Assert.Single(json);
        using (JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json[0])))
        {
            JsonElement b = Assert.Single(doc.RootElement.GetProperty("Benchmarks").EnumerateArray());
            Assert.Equal("NashFast.Benchmarks.SelfTest.CrossCheckPasses.Sum(Games: 3)", b.GetProperty("FullName").GetString());
            Assert.Single(b.GetProperty("Statistics").GetProperty("OriginalValues").EnumerateArray());
        }

        // The markdown report carries the house columns: median/min/max, throughput, allocations.
        string md = File.ReadAllText(Assert.Single(Directory.GetFiles(_artifacts, "*-report-github.md", SearchOption.AllDirectories)));
        foreach (string column in new[] { "Median", "Min", "Max", "Games/s", "Allocated" })
        {
            Assert.Contains(column, md, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PassingAndFailingTogether_FailTheRunAndCountBoth()
    {
        var output = new StringWriter();
        int code = Program.Run(["--selftest", "--dry", "--filter", "*CrossCheck*", "--artifacts", _artifacts], output);
        Assert.Equal(1, code);
        Assert.Equal("1 passed, 1 failed", LastLine(output));
    }

    [Fact]
    public void AFilterThatMatchesNothing_FailsTheRun()
    {
        var output = new StringWriter();
        int code = Program.Run(["--selftest", "--dry", "--filter", "*NoSuchBenchmark*", "--artifacts", _artifacts], output);
        Assert.Equal(1, code);
        Assert.Equal("0 passed, 0 failed", LastLine(output));
    }

    [Theory]
    [InlineData("--dry", "--isa-jobs")]
    [InlineData("--isa-jobs", "--kernel-jobs")]
    [InlineData("--dry", "--inProcess")]
    [InlineData("--kernel-jobs", "--job")]
    public void ConflictingJobSwitches_ExitWithTwoAndSaySo(string first, string second)
    {
        var output = new StringWriter();
        int code = Program.Run([first, second, "--filter", "*"], output);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(first, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SelfTestSuites_AreHiddenFromANormalRun()
    {
        Type[] normal = Program.SuiteTypes(selfTest: false);
        Type[] self = Program.SuiteTypes(selfTest: true);
        Assert.DoesNotContain(typeof(SelfTest.CrossCheckFails), normal);
        Assert.DoesNotContain(typeof(SelfTest.CrossCheckPasses), normal);
        Assert.Equal(3, self.Length);
        Assert.DoesNotContain(typeof(SelfTest.BenchmarkThrows), normal);
        Assert.Contains(typeof(SelfTest.CrossCheckFails), self);
    }

    private static string LastLine(StringWriter w)
    {
        string[] lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines[^1];
    }
}
