using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Tests.Reference;

public class ReferenceSolverTests
{
    private static ExactEquilibrium[] Solve(double[,] a, double[,] b, out bool degenerate)
    {
        SolveResult r = ReferenceSolver.Solve(new BimatrixGame(a, b));
        Assert.True(r.Complete);
        Assert.Equal(SolverMethod.Reference, r.Method);
        degenerate = r.Degenerate;
        Assert.NotNull(r.ExactEquilibria);
        return [.. r.ExactEquilibria!];
    }

    private static string Show(ExactEquilibrium e) =>
        $"[{string.Join(",", e.Row)}] [{string.Join(",", e.Column)}] ({e.RowPayoff}, {e.ColumnPayoff})";

    [Fact]
    public void BattleOfTheSexes_TwoPureAndOneMixed()
    {
        ExactEquilibrium[] eqs = Solve(new double[,] { { 3, 0 }, { 0, 2 } }, new double[,] { { 2, 0 }, { 0, 3 } }, out bool deg);
        Assert.False(deg);
        Assert.Equal(
            ["[1,0] [1,0] (3, 2)", "[3/5,2/5] [2/5,3/5] (6/5, 6/5)", "[0,1] [0,1] (2, 3)"],
            eqs.Select(Show));
    }

    [Fact]
    public void RockPaperScissors_UniqueUniform()
    {
        var a = new double[,] { { 0, -1, 1 }, { 1, 0, -1 }, { -1, 1, 0 } };
        var b = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                b[i, j] = -a[i, j];
            }
        }

        ExactEquilibrium[] eqs = Solve(a, b, out bool deg);
        Assert.False(deg);
        Assert.Equal(["[1/3,1/3,1/3] [1/3,1/3,1/3] (0, 0)"], eqs.Select(Show));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void IdentityGame_HasTwoToTheNMinusOneEquilibria(int n)
    {
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            a[i, i] = 1;
        }

        ExactEquilibrium[] eqs = Solve(a, a, out bool deg);
        Assert.Equal((1 << n) - 1, eqs.Length);
        Assert.False(deg); // identity games are nondegenerate (every vertex has exactly dim tight constraints)
    }

    [Fact]
    public void AllZero2x2_IsDegenerateWithFourPureExtremeEquilibria()
    {
        ExactEquilibrium[] eqs = Solve(new double[2, 2], new double[2, 2], out bool deg);
        Assert.True(deg);
        Assert.Equal(4, eqs.Length);
        Assert.All(eqs, e => Assert.True(e.Row.Concat(e.Column).All(p => p.IsZero || p == Rational.One)));
    }

    [Fact]
    public void EveryReportedPairIsAnEquilibrium_OnRandomSmallIntegerGames()
    {
        var rng = new System.Random(12345);
        for (int t = 0; t < 60; t++)
        {
            int m = rng.Next(1, 5), n = rng.Next(1, 5);
            var a = new double[m, n];
            var b = new double[m, n];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    a[i, j] = rng.Next(0, 3);
                    b[i, j] = rng.Next(0, 3);
                }
            }

            ExactEquilibrium[] eqs = Solve(a, b, out _);
            Assert.NotEmpty(eqs); // every finite game has an equilibrium, so it has an extreme one
            var game = ExactBimatrixGame.FromDouble(new BimatrixGame(a, b));
            foreach (ExactEquilibrium e in eqs)
            {
                AssertExactEquilibrium(game, e);
            }

            Assert.Equal(eqs.Length, eqs.Select(Show).Distinct().Count());
        }
    }

    /// <summary>Exact best-response check: no pure strategy earns more than the equilibrium payoff.</summary>
    internal static void AssertExactEquilibrium(ExactBimatrixGame g, ExactEquilibrium e)
    {
        Assert.Equal(Rational.One, e.Row.Aggregate(Rational.Zero, (s, p) => s + p));
        Assert.Equal(Rational.One, e.Column.Aggregate(Rational.Zero, (s, p) => s + p));
        for (int i = 0; i < g.Rows; i++)
        {
            Rational u = Rational.Zero;
            for (int j = 0; j < g.Columns; j++)
            {
                u += g.RowPayoff(i, j) * e.Column[j];
            }

            Assert.True(u <= e.RowPayoff, "row player can gain by deviating");
            Assert.True(e.Row[i].IsZero || u == e.RowPayoff, "row support not a best response");
        }

        for (int j = 0; j < g.Columns; j++)
        {
            Rational v = Rational.Zero;
            for (int i = 0; i < g.Rows; i++)
            {
                v += g.ColumnPayoff(i, j) * e.Row[i];
            }

            Assert.True(v <= e.ColumnPayoff, "column player can gain by deviating");
            Assert.True(e.Column[j].IsZero || v == e.ColumnPayoff, "column support not a best response");
        }
    }

    [Fact]
    public void RejectsHugeGames() =>
        Assert.Throws<ArgumentException>(() => ReferenceSolver.Solve(new BimatrixGame(new double[40, 40], new double[40, 40])));

    [Fact]
    public void Cancellation_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var rng = new System.Random(1);
        var a = new double[9, 9];
        for (int i = 0; i < 9; i++)
        {
            for (int j = 0; j < 9; j++)
            {
                a[i, j] = rng.NextDouble();
            }
        }

        Assert.ThrowsAny<OperationCanceledException>(() => ReferenceSolver.Solve(new BimatrixGame(a, a), cts.Token));
    }
}
