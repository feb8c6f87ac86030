namespace NashFast.BenchCompare.Tests;

public class ReaderTests
{
    [Fact]
    public void OnlyWorkloadResultMeasurements_AreTaken_PerOperation()
    {
        var run = ReportReader.ReadFolder(Fixture.Folder("base"));
        BenchmarkResult solve = run["NashFast.Benchmarks.Fixture.TwoByTwoFixture.Solve(Games: 1001)"];
        // 20 result iterations; pilot/overhead/warm-up entries (10x-50x slower) must not leak in.
        Assert.Equal(20, solve.Values.Length);
        Assert.All(solve.Values, v => Assert.InRange(v, 900, 1100));
        Assert.Equal("House", solve.Job);
    }

    [Fact]
    public void AFailedBenchmark_HasNoValues()
    {
        var run = ReportReader.ReadFolder(Fixture.Folder("regression"));
        Assert.Empty(run["NashFast.Benchmarks.Fixture.TwoByTwoFixture.Broken(Games: 3)"].Values);
    }

    [Fact]
    public void SeveralJobsOfOneFullName_AreKeyedByJob()
    {
        var run = ReportReader.ReadFolder(Fixture.Folder("multijob"));
        Assert.Equal(8, run.Count);
        foreach (string job in new[] { "AllIsa", "NoAvx512", "NoAvx2", "NoHWIntrinsic" })
        {
            Assert.True(run.ContainsKey($"NashFast.Benchmarks.SelfTest.CrossCheckPasses.Sum(Games: 3) [{job}]"), job);
        }
    }

    [Theory]
    [InlineData("CrossCheckPasses.Sum: AllIsa(PowerPlanMode=00000000, EnvironmentVariables=A=1) [Games=3]", "AllIsa")]
    [InlineData("CrossCheckPasses.Sum: Dry(Toolchain=InProcessEmitToolchain) [Games=3]", "Dry")]
    [InlineData("Type.Method: DefaultJob", "DefaultJob")]
    [InlineData("Type.Method: DefaultJob [N=1]", "DefaultJob")]
    [InlineData("no job here", "")]
    public void JobOf_ReadsTheJobIdFromDisplayInfo(string displayInfo, string job)
    {
        Assert.Equal(job, ReportReader.JobOf(displayInfo));
    }

    [Fact]
    public void SingleMeasurementRuns_AreComparedByRatio()
    {
        static BenchmarkResult R(double v) => new("K", "K", "Dry", [v], "f");
        var options = new CompareOptions("a", "b", 5, 0.5, 0.001, null);
        Comparison slower = Comparer.CompareOne("K", R(1000), R(1100), options);
        Assert.Equal(Conclusion.Slower, slower.Conclusion);
        Assert.True(slower.FewSamples);
        Assert.Equal(Conclusion.Same, Comparer.CompareOne("K", R(1000), R(1040), options).Conclusion);
        Assert.Equal(Conclusion.Faster, Comparer.CompareOne("K", R(1000), R(900), options).Conclusion);
    }
}
