using System.Globalization;

namespace NashFast.BenchCompare.Tests;

/// <summary>The comparer end to end on the hand-made fixture runs.</summary>
public class CompareScenarioTests
{
    [Fact]
    public void ARealRegression_IsDetected_AndExitsWithOne()
    {
        var (code, output, error) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("regression"));
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("## Slower (1)", output);
        string? row = Fixture.RowIn(output, "Slower", "Solve");
        Assert.NotNull(row);
        // The fixture made Solve 20% slower; the median ratio has 2% noise on each side.
        double ratio = RatioOf(row!);
        Assert.InRange(ratio, 1.15, 1.25);
    }

    [Fact]
    public void PureNoise_IsNotFlagged_AndExitsWithZero()
    {
        var (code, output, _) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("noise"));
        Assert.Equal(0, code);
        Assert.Contains("Compared 6: 0 slower, 0 faster, 6 same, 0 without result; 0 missing in diff, 0 new in diff.", output);
        Assert.DoesNotContain("## Slower", output);
        Assert.DoesNotContain("## Faster", output);
    }

    [Fact]
    public void AFasterBenchmark_IsReported_AndIsNoRegression()
    {
        var (code, output, _) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("faster"));
        Assert.Equal(0, code);
        Assert.Contains("## Faster (1)", output);
        double ratio = RatioOf(Fixture.RowIn(output, "Faster", "Fast")!);
        Assert.InRange(ratio, 0.65, 0.75);
        Assert.DoesNotContain("## Slower", output);
    }

    [Fact]
    public void MissingAndNewBenchmarks_AreListed_NotACrash()
    {
        var (_, output, _) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("regression"));
        Assert.Contains("## Missing in diff (base only) (1)", output);
        Assert.Contains("- NashFast.Benchmarks.Fixture.TwoByTwoFixture.Removed(Games: 3)", output);
        Assert.Contains("## New in diff (diff only) (1)", output);
        Assert.Contains("- NashFast.Benchmarks.Fixture.TwoByTwoFixture.New(Games: 5)", output);
    }

    [Fact]
    public void ABenchmarkThatFailedInOneRun_IsListedWithoutResult_NotCountedAsRegression()
    {
        var (_, output, _) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("regression"));
        Assert.NotNull(Fixture.RowIn(output, "Without result", "Broken"));
        Assert.Null(Fixture.RowIn(output, "Slower", "Broken"));
    }

    [Fact]
    public void AChangeUnderTheNoiseFloor_IsNotFlagged_ButIsWithALowerFloor()
    {
        // Tiny goes from 0.30 ns to 0.40 ns: +33%, but only 0.1 ns, under the default 0.5 ns floor.
        var (_, output, _) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("regression"));
        Assert.Null(Fixture.RowIn(output, "Slower", "Tiny"));
        var (_, lowFloor, _) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("regression"), "--noise", "0.05ns");
        Assert.NotNull(Fixture.RowIn(lowFloor, "Slower", "Tiny"));
    }

    [Fact]
    public void AThresholdAboveTheChange_HidesTheRegression()
    {
        var (code, output, _) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("regression"), "--threshold", "30%");
        Assert.Equal(0, code);
        Assert.Null(Fixture.RowIn(output, "Slower", "Solve"));
    }

    [Fact]
    public void TheGeometricMean_IsThatOfTheMedianRatios()
    {
        var baseRun = ReportReader.ReadFolder(Fixture.Folder("base"));
        var diffRun = ReportReader.ReadFolder(Fixture.Folder("regression"));
        // Independent computation: medians by sorting, over the benchmarks with results on both sides.
        double logSum = 0;
        int n = 0;
        foreach (var (key, b) in baseRun)
        {
            if (diffRun.TryGetValue(key, out var d) && b.Values.Length > 0 && d.Values.Length > 0)
            {
                logSum += Math.Log(MedianBySort(d.Values) / MedianBySort(b.Values));
                n++;
            }
        }

        Assert.Equal(4, n); // Solve, Reference, Tiny, Fast (Removed missing, Broken failed)
        string expected = Math.Exp(logSum / n).ToString("F3", CultureInfo.InvariantCulture);
        var (_, output, _) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("regression"));
        Assert.Contains($"Geometric mean of ratios: {expected}.", output);
    }

    [Fact]
    public void TheReportIsAlsoWrittenToAFile_WithOut()
    {
        string file = Path.Combine(Path.GetTempPath(), $"benchcompare-{Guid.NewGuid():N}.md");
        try
        {
            var (_, output, _) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("faster"), "--out", file);
            Assert.Equal(output, File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ARunComparedWithItself_IsAllSame_EvenWithSeveralJobsPerFullName()
    {
        // A real report from NashFast.Benchmarks --selftest --isa-jobs: each full name under four jobs.
        var (code, output, _) = Fixture.Run(Fixture.Folder("multijob"), Fixture.Folder("multijob"));
        Assert.Equal(0, code);
        Assert.Contains("Compared 8: 0 slower, 0 faster, 8 same", output);
    }

    private static double RatioOf(string row)
    {
        // | Benchmark | Base median | Diff median | Ratio | Samples |
        string[] cells = row.Split('|', StringSplitOptions.TrimEntries);
        return double.Parse(cells[4], CultureInfo.InvariantCulture);
    }

    private static double MedianBySort(double[] values)
    {
        double[] s = (double[])values.Clone();
        Array.Sort(s);
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
