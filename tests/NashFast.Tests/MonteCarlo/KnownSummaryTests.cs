using NashFast.MonteCarlo;
using NashFast.Random;

namespace NashFast.Tests.MonteCarlo;

/// <summary>
/// Known answers recorded from one run of the fused 2×2 runner (block-seeded xoshiro256++ games; recorded with
/// DOTNET_EnableHWIntrinsic=0 and checked equal by default and with DOTNET_EnableAVX512=0): the exact integer statistics (counts and fixed-point
/// payoff sums) of a fixed-seed run must be the same in every instruction-set mode CI runs (default, no AVX-512, no AVX2,
/// no hardware intrinsics) and for any kernel — generation, solve and fold together are bit-for-bit reproducible.
/// </summary>
public class KnownSummaryTests
{
    [Theory]
    [InlineData("uniform", "1:87453,3:12547", 24901, "340520412853672", "340565528913342")]
    [InlineData("normal", "1:87537,3:12463", 24690, "241372033775938", "245063645921139")]
    public void FixedSeedRunHasTheRecordedStatistics(string distribution, string histogram, long mixed, string rowSum, string columnSum)
    {
        MonteCarloSummary s = MonteCarloRunner.Run(new MonteCarloOptions
        {
            Distribution = GameDistributions.Parse(distribution), Games = 100_000, Seed = 5, Shard = Shard.Whole, Threads = 2,
        });
        Assert.Equal(histogram, string.Join(",", s.EquilibriaHistogram.Select(kv => $"{kv.Key}:{kv.Value}")));
        Assert.Equal(mixed, s.CompletelyMixedGames);
        Assert.Equal(rowSum, s.RowPayoffSum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(columnSum, s.ColumnPayoffSum.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
