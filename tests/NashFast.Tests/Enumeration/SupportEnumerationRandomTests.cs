using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Tests.Enumeration;

public class SupportEnumerationRandomTests
{
    // Regret bound of the issue: 1e-9 of the payoff scale (the solver's decision tolerance is the same size).
    private const double RegretTolerance = 1e-9;

    // Two answers of the same equilibrium (double vs exact) agree to this, per probability.
    private const double MatchTolerance = 1e-9;

    /// <summary>
    /// Every shape m, n ≤ 8 with m + n ≤ 10 (two seeds up to m + n = 8), and a few with m + n = 12 (the exact reference takes
    /// about a second there on a loaded machine, so they are kept few).
    /// </summary>
    public static TheoryData<int, int, int> ShapesAgainstReference()
    {
        var data = new TheoryData<int, int, int>();
        for (int m = 1; m <= 8; m++)
        {
            for (int n = 1; n <= 8; n++)
            {
                if (m + n <= 10)
                {
                    data.Add(m, n, (100 * m) + n);
                }

                if (m + n <= 8)
                {
                    data.Add(m, n, (100 * m) + n + 5000);
                }
            }
        }

        data.Add(6, 6, 606);
        data.Add(4, 8, 408);
        data.Add(7, 5, 705);

        return data;
    }

    [Theory]
    [MemberData(nameof(ShapesAgainstReference))]
    public void ContinuousGame_EqualsTheExactReference(int m, int n, int seed)
    {
        BimatrixGame game = TestGames.Continuous(m, n, seed);
        SolveResult fast = SupportEnumeration.Solve(game);
        SolveResult exact = ReferenceSolver.Solve(game);

        Assert.False(exact.Degenerate, "a continuous random game is nondegenerate with probability 1");
        Assert.True(fast.Complete, fast.IncompleteReason);
        Assert.False(fast.Degenerate);
        Assert.Equal(SolverMethod.SupportEnumeration, fast.Method);
        TestGames.AssertSameSet(exact.Equilibria, fast.Equilibria, MatchTolerance, $"{m}x{n} seed {seed}");
        Assert.True(fast.Equilibria.Count % 2 == 1, $"{fast.Equilibria.Count} equilibria");
        foreach (Equilibrium e in fast.Equilibria)
        {
            Assert.True(TestGames.Regret(game, e) <= RegretTolerance * game.PayoffScale, $"regret {TestGames.Regret(game, e)}");
        }

        // Sorted by the one deterministic order.
        for (int k = 1; k < fast.Equilibria.Count; k++)
        {
            Assert.True(EquilibriumOrder.Instance.Compare(fast.Equilibria[k - 1], fast.Equilibria[k]) < 0);
        }
    }

    /// <summary>8×8 games (beyond the reference's quick range): regret and parity only.</summary>
    [Theory]
    [InlineData(8, 8, 1)]
    [InlineData(8, 8, 2)]
    [InlineData(8, 7, 3)]
    [InlineData(7, 8, 4)]
    public void LargerContinuousGame_HasOddCountAndZeroRegret(int m, int n, int seed)
    {
        BimatrixGame game = TestGames.Continuous(m, n, seed);
        SolveResult fast = SupportEnumeration.Solve(game);
        Assert.True(fast.Complete, fast.IncompleteReason);
        Assert.True(fast.Equilibria.Count % 2 == 1);
        foreach (Equilibrium e in fast.Equilibria)
        {
            Assert.True(TestGames.Regret(game, e) <= RegretTolerance * game.PayoffScale);
            Assert.Equal(1.0, e.Row.Sum(), 12);
            Assert.Equal(1.0, e.Column.Sum(), 12);
        }
    }
}
