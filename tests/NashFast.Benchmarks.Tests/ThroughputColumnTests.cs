using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using NashFast.Benchmarks;

namespace NashFast.Benchmarks.Tests;

public class ThroughputColumnTests
{
    [Theory]
    [InlineData(1e6, 3, 3e3)]            // 3 games in 1 ms
    [InlineData(250.0, 1001, 4.004e9)]   // 1001 games in 250 ns
    [InlineData(7.5e9, 1001, 133.4666666666667)]
    public void GamesPerSecond_IsGamesDividedByTheMedian(double medianNs, int games, double expected)
    {
        BenchmarkCase c = CaseWithGames(games);
        double? perSecond = ThroughputColumn.GamesPerSecond.PerSecond(medianNs, c);
        Assert.NotNull(perSecond);
        Assert.Equal(expected, perSecond!.Value, expected * 1e-12);
    }

    [Fact]
    public void WithoutAGamesParameter_ThereIsNoValue()
    {
        BenchmarkCase c = Assert.Single(BenchmarkConverter.TypeToBenchmarks(typeof(NoGames)).BenchmarksCases);
        Assert.Null(ThroughputColumn.GamesPerSecond.PerSecond(1000, c));
    }

    [Fact]
    public void WithoutAMedian_ThereIsNoValue()
    {
        Assert.Null(ThroughputColumn.GamesPerSecond.PerSecond(null, CaseWithGames(3)));
        Assert.Null(ThroughputColumn.GamesPerSecond.PerSecond(0, CaseWithGames(3)));
    }

    [Theory]
    [InlineData(3e3, "3.00 k")]
    [InlineData(4.004e9, "4.00 G")]
    [InlineData(123_456_789, "123 M")]
    [InlineData(12.345, "12.3")]
    public void Format_UsesSiPrefixesAndThreeDigits(double value, string expected)
    {
        Assert.Equal(expected, ThroughputColumn.Format(value));
    }

    private static BenchmarkCase CaseWithGames(int games)
    {
        foreach (BenchmarkCase c in BenchmarkConverter.TypeToBenchmarks(typeof(WithGames)).BenchmarksCases)
        {
            if ((int)c.Parameters["Games"] == games)
            {
                return c;
            }
        }

        throw new InvalidOperationException($"no case with Games={games}");
    }

    public class WithGames
    {
        [Params(3, 1001)]
        public int Games { get; set; }

        [Benchmark]
        public int Work() => Games;
    }

    public class NoGames
    {
        [Benchmark]
        public int Work() => 1;
    }
}
