using NashFast.Games;
using NashFast.MonteCarlo;
using NashFast.Random;

namespace NashFast.Tests.MonteCarlo;

public class MxNMonteCarloTests
{
    [Theory]
    [InlineData(3, 52.0 / 243)]
    [InlineData(4, 2115.0 / 8192)]
    public void PureEquilibriaOfIidNormalSquareGames(int n, double noPure)
    {
        // 2^16 games: P(no pure) SE = sqrt(p(1−p)/n) ≈ 1.7e-3 → 4σ ≈ 6.8e-3; E[#pure] = 1 for every shape, SE from the sample.
        const long games = 1 << 16;
        MonteCarloSummary s = MonteCarloRunner.Run(new MonteCarloOptions { Rows = n, Columns = n, Games = games, Method = SolverMethod.Pure, Seed = 99 });
        Assert.True(s.PureOnly);
        Assert.Null(s.DegenerateGames);
        Stats.Proportion(s.PureHistogram[0], games, noPure, $"P(no pure) {n}x{n}");
        Stats.Mean(s.PureHistogram, 1.0, $"E[#pure] {n}x{n}");
    }

    [Theory]
    [InlineData(2, 5)]
    [InlineData(1, 6)]
    [InlineData(6, 1)]
    public void MeanPureIsOneForRectangularGames(int rows, int columns)
    {
        const long games = 1 << 16;
        MonteCarloSummary s = MonteCarloRunner.Run(new MonteCarloOptions { Rows = rows, Columns = columns, Games = games, Method = SolverMethod.Pure, Distribution = UniformDistribution.Instance });
        Stats.Mean(s.PureHistogram, 1.0, $"E[#pure] {rows}x{columns}");
        if (rows == 1 || columns == 1)
        {
            Assert.Equal(games, s.PureHistogram[1]); // a one-strategy player: exactly one pure equilibrium
        }
    }

    [Fact]
    public void PureCounterAgreesWithTheReferenceOnTiedGames()
    {
        // Small integer payoffs: ties everywhere. Same games via method pure and via the exact reference solver.
        foreach ((int m, int n) in new[] { (2, 3), (3, 3), (1, 4), (3, 1) })
        {
            var o = new MonteCarloOptions { Rows = m, Columns = n, Games = 300, Distribution = new IntegerDistribution(0, 2), Seed = 5 };
            MonteCarloSummary pure = MonteCarloRunner.Run(o with { Method = SolverMethod.Pure });
            MonteCarloSummary exact = MonteCarloRunner.Run(o with { Method = SolverMethod.Reference });
            Assert.Equal(exact.PureHistogram, pure.PureHistogram);
            Assert.Equal(exact.PureEquilibria, pure.PureEquilibria);
            Assert.Equal(exact.SupportHistogram.GetValueOrDefault((1, 1)), pure.PureEquilibria);
        }
    }

    // E[#eq] for n×n iid normal payoffs (McLennan & Berg 2005): 1.625 (3×3), 2.0978 (4×4). `auto` sends these games to
    // support enumeration. 3×3: 4000 games, SE ≈ sd/sqrt(n) ≈ 1.0/63 ≈ 0.016 → 4σ ≈ 0.06; 4×4: 8000 games, sd ≈ 1.4,
    // SE ≈ 0.016 → 4σ ≈ 0.06 (Stats.Mean takes the SE from the sample).
    [Theory]
    [InlineData(3, 4000, 1.625)]
    [InlineData(4, 8000, 2.0978)]
    public void NormalSquareGames_HaveTheKnownMeanNumberOfEquilibria(int n, long games, double mean)
    {
        MonteCarloSummary s = MonteCarloRunner.Run(new MonteCarloOptions { Rows = n, Columns = n, Games = games, Seed = 31 });
        Assert.Equal("auto", s.Method);
        Assert.Equal(0, s.DegenerateGames);
        Assert.Equal(0, s.IncompleteGames);
        Assert.All(s.EquilibriaHistogram.Keys, k => Assert.True(k % 2 == 1, "a nondegenerate game has an odd number of equilibria"));
        Stats.Mean(s.EquilibriaHistogram, mean, $"E[#eq] {n}x{n}");
        Stats.Mean(s.PureHistogram, 1.0, $"E[#pure] {n}x{n}");
        Assert.Equal(s.Equilibria, s.SupportHistogram.Values.Sum());
        Assert.Equal(s.CompletelyMixedGames, s.SupportHistogram.GetValueOrDefault((n, n)));
        Assert.Equal(s.CompletelyMixedGames, s.PHistogram.Sum());
    }
}
