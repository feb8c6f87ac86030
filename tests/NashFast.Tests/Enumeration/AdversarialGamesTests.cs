using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Tests.Enumeration;

public class AdversarialGamesTests
{
    // Probabilities of the double solver against the exact reference.
    private const double MatchTolerance = 1e-9;

    private static readonly Dictionary<string, Func<BimatrixGame>> Games = new()
    {
        ["1x1"] = () => BimatrixGame.FromRowMajor(1, 1, [3.0], [-2.0]),
        ["1x6 continuous"] = () => TestGames.Continuous(1, 6, 11),
        ["6x1 continuous"] = () => TestGames.Continuous(6, 1, 12),
        ["1x4 tied"] = () => BimatrixGame.FromRowMajor(1, 4, [0, 0, 0, 0], [1, 3, 3, 2]),
        ["duplicated row"] = () => DuplicateRow(TestGames.Continuous(4, 4, 13), 1, 3),
        ["duplicated column"] = () => DuplicateRow(TestGames.Continuous(4, 5, 14).Transpose(), 0, 2).Transpose(),
        ["constant row of A"] = () => ConstantRowOfA(TestGames.Continuous(4, 4, 15), 2, 0.5),
        ["scaled 1e-12"] = () => Scaled(TestGames.Continuous(5, 5, 16), 1e-12),
        ["scaled 1e12"] = () => Scaled(TestGames.Continuous(5, 5, 16), 1e12),
        ["negative payoffs"] = () => TestGames.Continuous(4, 6, 17, scale: 1000, offset: -5000),
        ["zero-sum 5x4"] = () => ZeroSum(TestGames.Continuous(5, 4, 18)),
        ["identity 2"] = () => TestGames.Identity(2),
        ["identity 3"] = () => TestGames.Identity(3),
        ["identity 5"] = () => TestGames.Identity(5),
        ["identity 6"] = () => TestGames.Identity(6),
        ["rock-paper-scissors-lizard-spock"] = () => ZeroSum(Rpsls(0, 0)),
        ["perturbed RPSLS (full support only)"] = () => ZeroSum(Rpsls(0.05, 19)),
        ["matching pennies 3x3 cyclic"] = () => BimatrixGame.FromRowMajor(3, 3, [1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 1, 0, 0, 0, 1, 1, 0, 0]),
        ["small integers 0..2 (4x4)"] = () => TestGames.SmallIntegers(4, 4, 20, 3),
        ["small integers 0..1 (3x5)"] = () => TestGames.SmallIntegers(3, 5, 21, 2),
        ["small integers 0..3 (5x5)"] = () => TestGames.SmallIntegers(5, 5, 22, 4),
        ["constant game 3x4"] = () => BimatrixGame.FromRowMajor(3, 4, new double[12], new double[12]),
    };

    public static TheoryData<string> Names() => new(Games.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void SupportEnumeration_IsRightOrFlagsDegeneracy_AndAutoEqualsTheReference(string name)
    {
        BimatrixGame game = Games[name]();
        SolveResult exact = ReferenceSolver.Solve(game);
        SolveResult support = SupportEnumeration.Solve(game);

        if (exact.Degenerate)
        {
            Assert.True(support.Degenerate, $"{name}: degenerate game not flagged");
            Assert.False(support.Complete);
            Assert.Contains("not valid for degenerate games", support.IncompleteReason, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(support.Complete, $"{name}: {support.IncompleteReason}");
            TestGames.AssertSameSet(exact.Equilibria, support.Equilibria, MatchTolerance, name);
        }

        // Whatever support enumeration found is a real equilibrium.
        foreach (Equilibrium e in support.Equilibria)
        {
            Assert.True(TestGames.Regret(game, e) <= 1e-9 * game.PayoffScale * 2, $"{name}: regret {TestGames.Regret(game, e)}");
        }

        SolveResult auto = NashSolver.Solve(game);
        Assert.True(auto.Complete, auto.IncompleteReason);
        Assert.Equal(exact.Degenerate, auto.Degenerate);
        TestGames.AssertSameSet(exact.Equilibria, auto.Equilibria, MatchTolerance, name + " (auto)");
        // 2x2: the closed form. A degenerate game always ends in vertex enumeration; a small nondegenerate one may
        // take support enumeration once it is proven nondegenerate (NondegeneracyCertificate).
        if (game.Rows == 2 && game.Columns == 2)
        {
            Assert.Equal(SolverMethod.TwoByTwo, auto.Method);
        }
        else if (exact.Degenerate)
        {
            Assert.Equal(SolverMethod.VertexEnumeration, auto.Method);
        }
        else
        {
            Assert.Contains(auto.Method, new[] { SolverMethod.SupportEnumeration, SolverMethod.VertexEnumeration });
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    public void IdentityGame_HasTwoToTheNMinusOneEquilibria_UniformOnEachSupport(int n)
    {
        SolveResult result = SupportEnumeration.Solve(TestGames.Identity(n));
        Assert.True(result.Complete, result.IncompleteReason);
        Assert.Equal((1 << n) - 1, result.Equilibria.Count);
        foreach (Equilibrium e in result.Equilibria)
        {
            int k = e.RowSupportSize;
            Assert.Equal(k, e.ColumnSupportSize);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(e.Row[i], e.Column[i], 14);
                Assert.True(e.Row[i] == 0 || Math.Abs(e.Row[i] - (1.0 / k)) < 1e-14);
            }
        }
    }

    [Fact]
    public void PerturbedRpsls_EveryEquilibriumHasFullSupport()
    {
        SolveResult result = SupportEnumeration.Solve(ZeroSum(Rpsls(0.05, 19)));
        Assert.True(result.Complete, result.IncompleteReason);
        Assert.NotEmpty(result.Equilibria);
        Assert.All(result.Equilibria, e => Assert.Equal(5, e.RowSupportSize));
        Assert.All(result.Equilibria, e => Assert.Equal(5, e.ColumnSupportSize));
    }

    /// <summary>Random games with payoffs in {0, 1, 2}: degenerate ones are flagged and auto still equals the reference.</summary>
    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, 4)]
    [InlineData(4, 3)]
    [InlineData(4, 4)]
    public void RandomTernaryGames_FlaggedWhenDegenerate_AutoExact(int m, int n)
    {
        int degenerate = 0;
        for (int seed = 0; seed < 12; seed++)
        {
            BimatrixGame game = TestGames.SmallIntegers(m, n, 1000 + seed, 3);
            SolveResult exact = ReferenceSolver.Solve(game);
            SolveResult support = SupportEnumeration.Solve(game);
            if (exact.Degenerate)
            {
                degenerate++;
                Assert.True(support.Degenerate, $"seed {seed}: not flagged");
            }
            else
            {
                TestGames.AssertSameSet(exact.Equilibria, support.Equilibria, MatchTolerance, $"seed {seed}");
            }

            SolveResult auto = NashSolver.Solve(game);
            TestGames.AssertSameSet(exact.Equilibria, auto.Equilibria, MatchTolerance, $"seed {seed} (auto)");
            Assert.True(auto.Complete);
        }

        Assert.True(degenerate > 0, "the sample should contain degenerate games");
    }

    private static BimatrixGame DuplicateRow(BimatrixGame g, int source, int target)
    {
        double[] a = g.AFlat.ToArray(), b = g.BFlat.ToArray();
        int n = g.Columns;
        Array.Copy(a, source * n, a, target * n, n);
        Array.Copy(b, source * n, b, target * n, n);
        return BimatrixGame.FromRowMajor(g.Rows, n, a, b);
    }

    private static BimatrixGame ConstantRowOfA(BimatrixGame g, int row, double value)
    {
        double[] a = g.AFlat.ToArray();
        Array.Fill(a, value, row * g.Columns, g.Columns);
        return BimatrixGame.FromRowMajor(g.Rows, g.Columns, a, g.BFlat);
    }

    private static BimatrixGame Scaled(BimatrixGame g, double factor)
    {
        double[] a = g.AFlat.ToArray(), b = g.BFlat.ToArray();
        for (int k = 0; k < a.Length; k++)
        {
            a[k] *= factor;
            b[k] *= factor;
        }

        return BimatrixGame.FromRowMajor(g.Rows, g.Columns, a, b);
    }

    private static BimatrixGame ZeroSum(BimatrixGame g)
    {
        double[] b = g.AFlat.ToArray();
        for (int k = 0; k < b.Length; k++)
        {
            b[k] = -b[k];
        }

        return BimatrixGame.FromRowMajor(g.Rows, g.Columns, g.AFlat, b);
    }

    /// <summary>Rock-paper-scissors-lizard-spock (each strategy beats two, loses to two), plus seeded noise.</summary>
    private static BimatrixGame Rpsls(double noise, int seed)
    {
        var rng = new System.Random(seed);
        var a = new double[25];
        for (int i = 0; i < 5; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                int d = (j - i + 5) % 5;
                a[(i * 5) + j] = (d == 0 ? 0 : d % 2 == 1 ? -1 : 1) + (noise * (rng.Next(1 << 20) / (double)(1 << 20)));
            }
        }

        return BimatrixGame.FromRowMajor(5, 5, a, new double[25]);
    }
}
