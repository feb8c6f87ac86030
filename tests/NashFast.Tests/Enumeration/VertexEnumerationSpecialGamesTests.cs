using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>Adversarial structures: output volume, duplicated and constant strategies, extreme shapes, huge payoffs.</summary>
public class VertexEnumerationSpecialGamesTests
{
    private static ExactBimatrixGame Permutation(int n, int[] perm) =>
        VertexTestGames.Exact(n, n, (i, j) => j == perm[i] ? 1 : 0, (i, j) => j == perm[i] ? 1 : 0);

    // The n×n identity game has one equilibrium per nonempty support S: both players uniform on S.
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(10)]
    public void IdentityGame_HasTwoToTheNMinusOneEquilibria_UniformOnEachSupport(int n)
    {
        int[] identity = Enumerable.Range(0, n).ToArray();
        SolveResult result = VertexEnumeration.Solve(Permutation(n, identity), new SolveOptions { MaxDegreeOfParallelism = 2 });
        Assert.True(result.Complete);
        Assert.False(result.Degenerate);
        Assert.Equal((1 << n) - 1, result.ExactEquilibria!.Count);
        var supports = new HashSet<int>();
        foreach (ExactEquilibrium e in result.ExactEquilibria)
        {
            int mask = 0, size = 0;
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(e.Row[i], e.Column[i]);
                if (!e.Row[i].IsZero)
                {
                    mask |= 1 << i;
                    size++;
                }
            }

            for (int i = 0; i < n; i++)
            {
                Assert.True(e.Row[i].IsZero || e.Row[i] == new Rational(1, size));
            }

            Assert.Equal(new Rational(1, size), e.RowPayoff);
            Assert.True(supports.Add(mask));
        }
    }

    [Fact]
    public void PermutationGames_EqualTheReference()
    {
        VertexTestGames.AssertSameAsReference(Permutation(6, [3, 0, 5, 1, 2, 4]), VertexEnumeration.Solve(Permutation(6, [3, 0, 5, 1, 2, 4])), "perm 6");
        ExactBimatrixGame g = Permutation(5, [4, 3, 2, 1, 0]);
        SolveResult r = VertexEnumeration.Solve(g);
        Assert.Equal(31, r.Equilibria.Count);
        VertexTestGames.AssertSameAsReference(g, r, "perm 5");
    }

    [Fact]
    public void DuplicatedStrategies_EqualTheReference()
    {
        var rng = new System.Random(11);
        for (int t = 0; t < 8; t++)
        {
            int m = rng.Next(2, 6), n = rng.Next(2, 6);
            BimatrixGame baseGame = VertexTestGames.Random(rng, m, n, smallIntegers: t % 2 == 0);
            int dupRow = rng.Next(m), dupCol = rng.Next(n);

            // Row m copies row dupRow, column n copies column dupCol.
            ExactBimatrixGame g = VertexTestGames.Exact(m + 1, n + 1,
                (i, j) => Rational.FromDouble(baseGame.RowPayoff(i == m ? dupRow : i, j == n ? dupCol : j)),
                (i, j) => Rational.FromDouble(baseGame.ColumnPayoff(i == m ? dupRow : i, j == n ? dupCol : j)));
            SolveResult r = VertexEnumeration.Solve(g);
            Assert.True(r.Degenerate);
            VertexTestGames.AssertSameAsReference(g, r, $"game {t}");
        }
    }

    [Fact]
    public void ConstantRowOrColumn_EqualTheReference()
    {
        var rng = new System.Random(12);
        for (int t = 0; t < 8; t++)
        {
            int m = rng.Next(2, 6), n = rng.Next(2, 6);
            int row = rng.Next(m), col = rng.Next(n);
            int[] a = new int[m * n], b = new int[m * n];
            for (int k = 0; k < a.Length; k++)
            {
                a[k] = rng.Next(-5, 6);
                b[k] = rng.Next(-5, 6);
            }

            // Player 1's payoff constant along a column, player 2's constant along a row (and the reverse on odd t).
            ExactBimatrixGame g = VertexTestGames.Exact(m, n,
                (i, j) => t % 2 == 0 && j == col ? 2 : a[(i * n) + j],
                (i, j) => t % 2 == 1 || i == row ? (i == row ? 3 : b[(i * n) + j]) : b[(i * n) + j]);
            VertexTestGames.AssertSameAsReference(g, VertexEnumeration.Solve(g), $"game {t}");
        }
    }

    [Fact]
    public void OneByOne_OneByN_NByOne()
    {
        ExactBimatrixGame one = VertexTestGames.Exact(1, 1, (_, _) => 5, (_, _) => -2);
        SolveResult r = VertexEnumeration.Solve(one);
        ExactEquilibrium e = Assert.Single(r.ExactEquilibria!);
        Assert.Equal(Rational.One, e.Row[0]);
        Assert.Equal(new Rational(5), e.RowPayoff);
        Assert.Equal(new Rational(-2), e.ColumnPayoff);
        VertexTestGames.AssertSameAsReference(one, r, "1x1");

        var rng = new System.Random(13);
        for (int n = 2; n <= 9; n++)
        {
            BimatrixGame row = VertexTestGames.Random(rng, 1, n, smallIntegers: n % 2 == 0);
            BimatrixGame col = VertexTestGames.Random(rng, n, 1, smallIntegers: n % 2 == 1);
            VertexTestGames.AssertSameAsReference(ExactBimatrixGame.FromDouble(row), VertexEnumeration.Solve(row), $"1x{n}");
            VertexTestGames.AssertSameAsReference(ExactBimatrixGame.FromDouble(col), VertexEnumeration.Solve(col), $"{n}x1");
        }
    }

    // Payoffs around ±2^60 make the first pivots overflow 64 bits; huge-denominator rationals do not even fit at the
    // start. Both take the BigInteger path and must still equal the reference.
    [Fact]
    public void HugePayoffs_OverflowToBigInteger_AndEqualTheReference()
    {
        var rng = new System.Random(14);
        for (int t = 0; t < 6; t++)
        {
            int m = rng.Next(2, 6), n = rng.Next(2, 6);
            var a = new double[m * n];
            var b = new double[m * n];
            for (int k = 0; k < a.Length; k++)
            {
                a[k] = Math.Round(((rng.NextDouble() * 2) - 1) * (double)(1L << 60));
                b[k] = Math.Round(((rng.NextDouble() * 2) - 1) * (double)(1L << 60));
            }

            var game = BimatrixGame.FromRowMajor(m, n, a, b);
            ExactBimatrixGame exact = ExactBimatrixGame.FromDouble(game);
            (BigInteger[] cp, BigInteger[] _) = VertexPolytopes.Build(exact);
            Assert.Null(VertexSearch<long, VertexLongArithmetic>.Run(cp, n, m, 0, CancellationToken.None));
            VertexTestGames.AssertSameAsReference(exact, VertexEnumeration.Solve(game), $"2^60 game {t}");

            BigInteger big = BigInteger.Pow(10, 30) + 7;
            ExactBimatrixGame rational = VertexTestGames.Exact(m, n,
                (_, _) => new Rational(rng.Next(1, 1000), big + rng.Next(100)),
                (_, _) => new Rational(rng.Next(1, 1000), big - rng.Next(100)));
            VertexTestGames.AssertSameAsReference(rational, VertexEnumeration.Solve(rational), $"rational game {t}");
        }
    }

    // The 64-bit path really is the one taken on small integer payoffs (so the tests above cover both paths).
    [Fact]
    public void SmallIntegerPayoffs_StayInSixtyFourBits()
    {
        BimatrixGame game = VertexTestGames.Random(new System.Random(15), 7, 5, smallIntegers: true);
        (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(ExactBimatrixGame.FromDouble(game));
        VertexSet? p = VertexSearch<long, VertexLongArithmetic>.Run(cp, 5, 7, 0, CancellationToken.None);
        VertexSet? q = VertexSearch<long, VertexLongArithmetic>.Run(cq, 7, 5, 7, CancellationToken.None);
        Assert.NotNull(p);
        Assert.NotNull(q);
        VertexSet pb = VertexSearch<BigInteger, VertexBigArithmetic>.Run(cp, 5, 7, 0, CancellationToken.None)!;
        Assert.Equal(pb.Count, p.Count);
        for (int v = 0; v < p.Count; v++)
        {
            Assert.Equal(pb.Labels(v), p.Labels(v));
        }
    }
}
