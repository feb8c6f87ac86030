using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>Vertex enumeration equals the exact reference (same extreme equilibria, exactly, and degenerate flag).</summary>
public class VertexEnumerationReferenceTests
{
    public static TheoryData<int, bool> Seeds()
    {
        var data = new TheoryData<int, bool>();
        for (int seed = 0; seed < 6; seed++)
        {
            data.Add(seed, false);
            data.Add(seed, true);
        }

        return data;
    }

    // Shapes 1x1 … up to m + n = 12, continuous (nondegenerate with probability 1) and payoffs 0..3 (highly degenerate).
    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomGames_EqualTheReference(int seed, bool smallIntegers)
    {
        var rng = new System.Random((seed * 2) + (smallIntegers ? 1 : 0));
        int degenerate = 0;
        for (int t = 0; t < (smallIntegers ? 30 : 15); t++)
        {
            int m = rng.Next(1, 8), n = rng.Next(1, 8);
            if (m + n > 12)
            {
                n = 12 - m;
            }

            BimatrixGame game = VertexTestGames.Random(rng, m, n, smallIntegers);
            SolveResult result = VertexEnumeration.Solve(game);
            VertexTestGames.AssertSameAsReference(ExactBimatrixGame.FromDouble(game), result, $"seed {seed} game {t} ({m}x{n})");
            degenerate += result.Degenerate ? 1 : 0;
            if (!smallIntegers && !result.Degenerate)
            {
                // A nondegenerate game has an odd number of equilibria.
                Assert.Equal(1, result.Equilibria.Count % 2);
            }
        }

        // The integer batch must actually exercise the degenerate path.
        Assert.True(!smallIntegers || degenerate > 8, $"only {degenerate} degenerate games drawn");
    }

    // Full 53-bit doubles: every pivot beyond the first runs in BigInteger.
    [Fact]
    public void FullPrecisionDoubles_EqualTheReference()
    {
        var rng = new System.Random(99);
        for (int t = 0; t < 25; t++)
        {
            int m = rng.Next(1, 6), n = rng.Next(1, 9 - m);
            BimatrixGame game = VertexTestGames.RandomFullPrecision(rng, m, n);
            VertexTestGames.AssertSameAsReference(ExactBimatrixGame.FromDouble(game), VertexEnumeration.Solve(game), $"game {t} ({m}x{n})");
        }
    }

    [Fact]
    public void SixBySix_SmallIntegers_WithBothCores_EqualTheReference()
    {
        var rng = new System.Random(77);
        for (int t = 0; t < 12; t++)
        {
            BimatrixGame game = VertexTestGames.Random(rng, 6, 6, smallIntegers: true);
            SolveResult result = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 2 });
            VertexTestGames.AssertSameAsReference(ExactBimatrixGame.FromDouble(game), result, $"game {t}");
        }
    }

    // Rational payoffs with large coprime denominators: exact scaling by the lcm.
    [Fact]
    public void RationalPayoffs_EqualTheReference()
    {
        var rng = new System.Random(5);
        for (int t = 0; t < 10; t++)
        {
            int m = rng.Next(2, 6), n = rng.Next(2, 6);
            ExactBimatrixGame game = VertexTestGames.Exact(m, n,
                (_, _) => new Rational(rng.Next(-50, 50), rng.Next(1, 40)),
                (_, _) => new Rational(rng.Next(-50, 50), rng.Next(1, 40)));
            VertexTestGames.AssertSameAsReference(game, VertexEnumeration.Solve(game), $"game {t}");
        }
    }
}
