using NashFast.MonteCarlo;
using NashFast.Random;

namespace NashFast.Tests.MonteCarlo;

/// <summary>
/// The vector folds give exactly the statistics of the scalar reference fold on the same chunks: every count, every
/// histogram bin and the exact fixed-point payoff sums, for continuous, tied (degenerate), large and correlated payoffs.
/// </summary>
public class VectorFoldTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        string[] distributions = ["uniform", "normal", "int:0..2", "int:-3..3", "int:-1000000000..1000000000", "covariant:0.9", "covariant:-1", "covariant:0"];
        foreach (string d in distributions)
        {
            foreach (FoldPath path in new[] { FoldPath.Auto, FoldPath.Vector128, FoldPath.Vector256, FoldPath.Vector512 })
            {
                data.Add(d, (int)path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void VectorFoldMatchesScalarFold(string distribution, int pathValue)
    {
        var path = (FoldPath)pathValue;
        if (!Fused2x2Worker.IsSupported(path))
        {
            return; // this processor (or the CI instruction-set mode) does not accelerate the path; the others still run
        }

        IGameDistribution d = GameDistributions.Parse(distribution);
        var reference = new Fused2x2Worker(20, FoldPath.Scalar);
        var vector = new Fused2x2Worker(20, path);

        // Whole chunks, then a range with a ragged start and a tail shorter than any vector.
        reference.Run(d, 7, 0, 6 * Fused2x2Worker.ChunkGames, pureOnly: false);
        vector.Run(d, 7, 0, 6 * Fused2x2Worker.ChunkGames, pureOnly: false);
        reference.Run(d, 7, (1L << 33) + 5, (1L << 33) + 5 + (2 * Fused2x2Worker.ChunkGames) + 7, pureOnly: false);
        vector.Run(d, 7, (1L << 33) + 5, (1L << 33) + 5 + (2 * Fused2x2Worker.ChunkGames) + 7, pureOnly: false);
        reference.Flush();
        vector.Flush();

        Accumulator r = reference.Statistics, v = vector.Statistics;
        Assert.Equal(r.Games, v.Games);
        Assert.Equal(r.InvalidGames, v.InvalidGames);
        Assert.Equal(r.DegenerateGames, v.DegenerateGames);
        Assert.Equal(r.CompletelyMixedGames, v.CompletelyMixedGames);
        Assert.Equal(r.IncompleteGames, v.IncompleteGames);
        Assert.Equal(r.Equilibria, v.Equilibria);
        Assert.Equal(r.PureEquilibria, v.PureEquilibria);
        Assert.Equal(r.RowPayoffSum, v.RowPayoffSum);
        Assert.Equal(r.ColumnPayoffSum, v.ColumnPayoffSum);
        Assert.Equal(r.EquilibriaHistogram, v.EquilibriaHistogram);
        Assert.Equal(r.PureHistogram, v.PureHistogram);
        Assert.Equal(r.P, v.P);
        Assert.Equal(r.Q, v.Q);
        Assert.Equal(r.Supports.OrderBy(kv => kv.Key).ToArray(), v.Supports.OrderBy(kv => kv.Key).ToArray());

        // The comparison is not vacuous: the chunks held completely mixed games and games with a pure equilibrium
        // (zero-sum covariant:-1 games never have two strict pure equilibria, so that kind is not required).
        Assert.True(r.CompletelyMixedGames > 0 && r.PureHistogram[1] > 0);
        Assert.Equal(0, reference.VectorFoldedGames);
        if (distribution is "uniform" or "normal" && path != FoldPath.Auto)
        {
            Assert.True(vector.VectorFoldedGames > v.Games / 2, "continuous payoffs: the vector fast path folds most games");
        }
    }
}
