using NashFast.MonteCarlo;
using NashFast.Random;
using NashFast.Games;

namespace NashFast.Tests.MonteCarlo;

/// <summary>
/// The m×n runner reads a built-in distribution's games block by block from one open stream; a wrapper that hides the
/// distribution (so every game is drawn by its own <see cref="IGameDistribution.Fill"/>) must give the same summary, on
/// shard splits whose ranges start inside a block.
/// </summary>
public class StreamedMxNTests
{
    [Theory]
    [InlineData("uniform", 3, 3, "pure")]
    [InlineData("normal", 3, 2, "pure")]
    [InlineData("int:0..3", 2, 3, "pure")]
    [InlineData("covariant:-0.5", 3, 3, "pure")]
    [InlineData("normal", 3, 3, "auto")]
    public void StreamedGamesEqualPerGameFills(string distribution, int rows, int columns, string method)
    {
        IGameDistribution d = GameDistributions.Parse(distribution);
        foreach (Shard shard in new[] { new Shard(1, 1), new Shard(2, 3) })
        {
            MonteCarloSummary streamed = Run(d, rows, columns, method, shard);
            MonteCarloSummary perGame = Run(new Hidden(d), rows, columns, method, shard);
            Assert.Equal(perGame.Games, streamed.Games);
            Assert.Equal(perGame.PureEquilibria, streamed.PureEquilibria);
            Assert.Equal(perGame.Equilibria, streamed.Equilibria);
            Assert.Equal(perGame.RowPayoffSum, streamed.RowPayoffSum);
            Assert.Equal(perGame.ColumnPayoffSum, streamed.ColumnPayoffSum);
            Assert.Equal(perGame.PureHistogram, streamed.PureHistogram);
        }
    }

    private static MonteCarloSummary Run(IGameDistribution d, int rows, int columns, string method, Shard shard) =>
        MonteCarloRunner.Run(new MonteCarloOptions
        {
            Distribution = d, Rows = rows, Columns = columns, Games = method == "pure" ? 5000 : 700, Seed = 17, Threads = 2, Shard = shard,
            Method = method == "pure" ? SolverMethod.Pure : SolverMethod.Auto,
        });

    private sealed class Hidden(IGameDistribution inner) : IGameDistribution
    {
        public string Name => inner.Name;

        public void Fill(ulong seed, long gameIndex, Span<double> a, Span<double> b) => inner.Fill(seed, gameIndex, a, b);
    }
}
