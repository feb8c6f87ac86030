using NashFast.Games;
using NashFast.MonteCarlo;
using NashFast.Random;

namespace NashFast.Tests.MonteCarlo;

public class ReproducibilityTests
{
    public static TheoryData<string, int, int, string> Runs => new()
    {
        { "normal", 2, 2, "auto" },
        { "int:0..3", 2, 2, "auto" },
        { "uniform", 2, 2, "pure" },
        { "covariant:-0.3", 3, 3, "pure" },
        { "int:0..2", 3, 2, "reference" },
    };

    private static MonteCarloOptions Options(string dist, int rows, int columns, string method, long games)
    {
        Assert.True(SolverMethodNames.TryParse(method, out SolverMethod m));
        return new MonteCarloOptions { Distribution = GameDistributions.Parse(dist), Rows = rows, Columns = columns, Method = m, Games = games, Seed = 2024 };
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void SameSeedSameSummaryForAnyThreadsAndShards(string dist, int rows, int columns, string method)
    {
        // Not a multiple of the block sizes, so the last block is partial and shards cut blocks in odd places.
        long games = rows * columns == 4 && method != "reference" ? 140_001 : 601;
        MonteCarloOptions o = Options(dist, rows, columns, method, games);
        MonteCarloSummary one = MonteCarloRunner.Run(o with { Threads = 1 });
        MonteCarloSummary two = MonteCarloRunner.Run(o with { Threads = 2 });
        MonteCarloSummary three = MonteCarloRunner.Run(o with { Threads = 3 });
        Assert.True(one.StatisticsEqual(two));
        Assert.True(one.StatisticsEqual(three));

        var shards = new List<MonteCarloSummary>();
        for (int k = 4; k >= 1; k--)
        {
            shards.Add(MonteCarloRunner.Run(o with { Shard = new Shard(k, 4), Threads = 1 + (k % 2) }));
        }

        Assert.Equal(games, shards.Sum(s => s.Games));
        Assert.False(shards[0].StatisticsEqual(one));
        MonteCarloSummary merged = MonteCarloSummary.Merge(shards);
        Assert.True(merged.StatisticsEqual(one), "merged shards differ from the unsharded run");

        // Through JSON (what `nashfast merge` does): exact round trip, and merging the files gives the same.
        var fromJson = shards.Select(s => MonteCarloJson.Parse(MonteCarloJson.Serialize(s))).ToList();
        for (int k = 0; k < shards.Count; k++)
        {
            Assert.True(fromJson[k].StatisticsEqual(shards[k]));
        }

        Assert.True(MonteCarloSummary.Merge(fromJson).StatisticsEqual(one));
        Assert.Equal(MonteCarloJson.Serialize(one).Split('\n').Where(l => !l.Contains("elapsed", StringComparison.Ordinal) && !l.Contains("PerSecond", StringComparison.Ordinal)),
                     MonteCarloJson.Serialize(merged).Split('\n').Where(l => !l.Contains("elapsed", StringComparison.Ordinal) && !l.Contains("PerSecond", StringComparison.Ordinal)));
    }

    [Fact]
    public void MergeRefusesOverlapsAndForeignRuns()
    {
        MonteCarloOptions o = Options("uniform", 2, 2, "auto", 1000);
        MonteCarloSummary a = MonteCarloRunner.Run(o with { Shard = new Shard(1, 2) });
        MonteCarloSummary b = MonteCarloRunner.Run(o with { Shard = new Shard(2, 2) });
        Assert.Throws<ArgumentException>(() => MonteCarloSummary.Merge([a, a]));
        Assert.Throws<ArgumentException>(() => MonteCarloSummary.Merge([a, MonteCarloRunner.Run(o with { Seed = 1, Shard = new Shard(2, 2) })]));
        Assert.Throws<ArgumentException>(() => MonteCarloSummary.Merge([a, MonteCarloRunner.Run(o with { Bins = 7, Shard = new Shard(2, 2) })]));
        Assert.Throws<ArgumentException>(() => MonteCarloSummary.Merge([]));
        MonteCarloSummary ab = MonteCarloSummary.Merge([b, a]);
        Assert.Equal([new GameRange(0, 1000)], ab.Ranges);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("{\"schema\": \"nashfast-montecarlo/1\"}")]
    [InlineData("{\"schema\": \"other/1\"}")]
    [InlineData("not json")]
    public void BadSummaryJsonIsAFormatError(string json)
    {
        FormatException ex = Assert.Throws<FormatException>(() => MonteCarloJson.Parse(json, "x.json"));
        Assert.StartsWith("x.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeCountsInJsonAreRefused()
    {
        string json = MonteCarloJson.Serialize(MonteCarloRunner.Run(Options("uniform", 2, 2, "auto", 100)));
        Assert.Throws<FormatException>(() => MonteCarloJson.Parse(json.Replace("\"games\": 100", "\"games\": -100", StringComparison.Ordinal)));
    }

    [Fact]
    public void ProgressIsReportedAndCancellationStopsEarly()
    {
        var seen = new List<long>();
        MonteCarloSummary s = MonteCarloRunner.Run(Options("uniform", 2, 2, "auto", 200_000) with { Progress = seen.Add, ProgressInterval = TimeSpan.FromMilliseconds(1) });
        Assert.Equal(200_000, seen[^1]);
        Assert.True(seen.SequenceEqual(seen.Order()));

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        MonteCarloSummary c = MonteCarloRunner.Run(Options("uniform", 2, 2, "auto", 200_000) with { CancellationToken = cts.Token });
        Assert.True(c.Cancelled);
        Assert.True(c.Games < 200_000);
    }

    [Fact]
    public void BadOptionsAreRefused()
    {
        MonteCarloOptions o = Options("uniform", 2, 2, "auto", 100);
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloRunner.Run(o with { Games = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloRunner.Run(o with { Games = MonteCarloRunner.MaxGames + 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloRunner.Run(o with { Games = long.MaxValue }));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloRunner.Run(o with { Bins = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloRunner.Run(o with { Threads = -2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloRunner.Run(o with { Rows = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloRunner.Run(o with { Shard = new Shard(3, 2) }));
        Assert.Throws<ArgumentException>(() => Shard.Parse("0/4"));
        Assert.Throws<ArgumentException>(() => Shard.Parse("5/4"));
        Assert.Throws<ArgumentException>(() => Shard.Parse("1-4"));
        Assert.Equal(new Shard(2, 4), Shard.Parse("2/4"));
    }

    [Fact]
    public void InvalidGamesFromACustomGeneratorAreCountedApart()
    {
        var d = new NaNEveryThird();
        foreach (MonteCarloOptions o in new[] { new MonteCarloOptions { Distribution = d, Games = 300 }, new MonteCarloOptions { Distribution = d, Games = 300, Rows = 2, Columns = 3 } })
        {
            MonteCarloSummary s = MonteCarloRunner.Run(o);
            Assert.Equal(300, s.Games);
            Assert.Equal(100, s.InvalidGames);
            Assert.Equal(200, s.PureHistogram.Values.Sum());
        }
    }

    private sealed class NaNEveryThird : IGameDistribution
    {
        public string Name => "nan-every-third";

        public void Fill(ulong seed, long gameIndex, Span<double> a, Span<double> b)
        {
            UniformDistribution.Instance.Fill(seed, gameIndex, a, b);
            if (gameIndex % 3 == 0)
            {
                b[^1] = double.NaN;
            }
        }
    }
}
