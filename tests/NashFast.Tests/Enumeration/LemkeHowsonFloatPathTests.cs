using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>The certified floating-point Lemke–Howson path ends exactly where the exact path does, or gives up.</summary>
public class LemkeHowsonFloatPathTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FloatPath_EndsAtTheExactPathsEnd_AndCompletesOnContinuousGames(bool normal)
    {
        var rng = new System.Random(normal ? 71 : 70);
        int paths = 0, completed = 0;
        for (int t = 0; t < 30; t++)
        {
            int m = rng.Next(1, 9), n = rng.Next(1, 9);
            BimatrixGame game = normal ? TestGames.Continuous(m, n, seed: rng.Next()) : VertexTestGames.RandomFullPrecision(rng, m, n);
            (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(ExactBimatrixGame.FromDouble(game));
            for (int label = 0; label < m + n; label++)
            {
                paths++;
                LemkeHowsonEnd exact = LemkeHowsonPath<BigInteger, VertexBigArithmetic>.Run(cp, cq, m, n, label, CancellationToken.None)!.Value;
                if (LemkeHowsonFloatPath.Run(cp, cq, m, n, label, CancellationToken.None) is not { } certified)
                {
                    continue;
                }

                completed++;
                Assert.Equal(exact.Pivots, certified.Pivots);
                Assert.False(exact.DegeneracySeen);
                AssertProportional(exact.X, certified.X, $"game {t} ({m}x{n}) label {label}: x");
                AssertProportional(exact.Y, certified.Y, $"game {t} ({m}x{n}) label {label}: y");
            }
        }

        // The float path must actually carry continuous games (else this test would prove nothing).
        Assert.True(completed >= paths * 9 / 10, $"the float path completed only {completed} of {paths} paths");
    }

    // Ties and small integers: the float path must give up wherever a step is not certain, and the public answer stays
    // exactly the exact path's (the public solver tries the float path first only beyond 64-bit integers, so force it).
    [Fact]
    public void DegenerateGames_FloatPathGivesUpOrAgrees()
    {
        var rng = new System.Random(72);
        int gaveUp = 0;
        for (int t = 0; t < 40; t++)
        {
            int m = rng.Next(1, 7), n = rng.Next(1, 7);
            BimatrixGame game = VertexTestGames.Random(rng, m, n, smallIntegers: true);
            (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(ExactBimatrixGame.FromDouble(game));
            for (int label = 0; label < m + n; label++)
            {
                LemkeHowsonEnd exact = LemkeHowsonPath<BigInteger, VertexBigArithmetic>.Run(cp, cq, m, n, label, CancellationToken.None)!.Value;
                if (LemkeHowsonFloatPath.Run(cp, cq, m, n, label, CancellationToken.None) is { } certified)
                {
                    Assert.Equal(exact.Pivots, certified.Pivots);
                    AssertProportional(exact.X, certified.X, $"game {t} label {label}: x");
                    AssertProportional(exact.Y, certified.Y, $"game {t} label {label}: y");
                }
                else
                {
                    gaveUp++;
                }
            }
        }

        Assert.True(gaveUp > 0, "payoffs 0..3 never made the float path give up");
    }

    // Beyond 64 labels (no bit masks on this path): a 40×30 game, every answer checked exactly to be a Nash equilibrium.
    [Fact]
    public void LargeGame_BeyondSixtyFourLabels_EndsAtANashEquilibrium()
    {
        BimatrixGame game = TestGames.Continuous(40, 30, seed: 9);
        ExactBimatrixGame exact = ExactBimatrixGame.FromDouble(game);
        (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(exact);
        foreach (int label in new[] { 0, 17, 39, 40, 69 })
        {
            LemkeHowsonEnd end = LemkeHowsonFloatPath.Run(cp, cq, 40, 30, label, CancellationToken.None)
                ?? throw new Xunit.Sdk.XunitException($"label {label}: the float path gave up on a continuous game");
            SolveResult viaSolver = LemkeHowson.Solve(exact, new SolveOptions { LemkeHowsonLabel = label });
            ExactEquilibrium e = Assert.Single(viaSolver.ExactEquilibria!);
            AssertProportional(end.X, Array.ConvertAll(e.Row, r => r.Numerator * (Lcm(e.Row) / r.Denominator)), $"label {label}: x");
            Assert.True(IsNash(exact, e), $"label {label}: not a Nash equilibrium");
        }
    }

    private static BigInteger Lcm(Rational[] values)
    {
        BigInteger l = BigInteger.One;
        foreach (Rational v in values)
        {
            l = l / BigInteger.GreatestCommonDivisor(l, v.Denominator) * v.Denominator;
        }

        return l;
    }

    private static bool IsNash(ExactBimatrixGame game, ExactEquilibrium e)
    {
        var rowValues = new Rational[game.Rows];
        var colValues = new Rational[game.Columns];
        Array.Fill(rowValues, Rational.Zero);
        Array.Fill(colValues, Rational.Zero);
        for (int i = 0; i < game.Rows; i++)
        {
            for (int j = 0; j < game.Columns; j++)
            {
                rowValues[i] += game.RowPayoff(i, j) * e.Column[j];
                colValues[j] += game.ColumnPayoff(i, j) * e.Row[i];
            }
        }

        Rational bestRow = rowValues.Max(), bestCol = colValues.Max();
        return Enumerable.Range(0, game.Rows).All(i => e.Row[i].IsZero || rowValues[i] == bestRow)
            && Enumerable.Range(0, game.Columns).All(j => e.Column[j].IsZero || colValues[j] == bestCol)
            && e.Row.Aggregate(Rational.Zero, (a, b) => a + b) == Rational.One
            && e.Column.Aggregate(Rational.Zero, (a, b) => a + b) == Rational.One;
    }

    private static void AssertProportional(BigInteger[] expected, BigInteger[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        BigInteger se = BigInteger.Zero, sa = BigInteger.Zero;
        foreach (BigInteger v in expected)
        {
            se += v;
        }

        foreach (BigInteger v in actual)
        {
            sa += v;
        }

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] * sa == actual[i] * se, $"{what}[{i}] differs");
        }
    }
}
