using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Tests.Enumeration;

public class NashSolverRoutingTests
{
    [Theory]
    [InlineData(10, 10, true)]
    [InlineData(6, 6, true)]
    [InlineData(8, 5, true)]
    [InlineData(6, 5, false)]
    [InlineData(5, 7, false)]
    [InlineData(4, 12, false)]
    [InlineData(14, 3, false)]
    public void Auto_OnALargeContinuousGame_UsesVertexEnumeration(int m, int n, bool vertex)
    {
        BimatrixGame game = TestGames.Continuous(m, n, 7);
        SolveResult result = NashSolver.Solve(game);
        Assert.Equal(vertex ? SolverMethod.VertexEnumeration : SolverMethod.SupportEnumeration, result.Method);
        Assert.True(result.Complete);
        Assert.False(result.Degenerate);
        SolveResult exact = NashSolver.Solve(game, new SolveOptions { Method = SolverMethod.VertexEnumeration });
        TestGames.AssertSameSet(exact.Equilibria, result.Equilibria, vertex ? 0 : 1e-9, "auto");
    }

    // Many support pairs but more than 64 strategies in all: beyond vertex enumeration's label masks, so auto must keep
    // to support enumeration instead of throwing (the support size is capped here only to keep the test fast).
    [Fact]
    public void Auto_BeyondSixtyFourStrategies_StaysWithSupportEnumeration()
    {
        BimatrixGame game = TestGames.Continuous(4, 61, 5);
        SolveResult result = NashSolver.Solve(game, new SolveOptions { MaxSupportSize = 1 });
        Assert.Equal(SolverMethod.SupportEnumeration, result.Method);
    }

    [Fact]
    public void Auto_OnANondegenerateGame_UsesSupportEnumeration()
    {
        BimatrixGame game = TestGames.Continuous(3, 5, 61);
        SolveResult result = NashSolver.Solve(game);
        Assert.Equal(SolverMethod.SupportEnumeration, result.Method);
        Assert.True(result.Complete);
        TestGames.AssertSameSet(ReferenceSolver.Solve(game).Equilibria, result.Equilibria, 1e-9, "auto");
    }

    [Fact]
    public void Auto_OnADegenerateGame_FallsBackToVertexEnumeration_AndSaysSo()
    {
        BimatrixGame game = TestGames.SmallIntegers(4, 3, 62, 2);
        SolveResult exact = ReferenceSolver.Solve(game);
        Assert.True(exact.Degenerate);
        SolveResult result = NashSolver.Solve(game);
        Assert.Equal(SolverMethod.VertexEnumeration, result.Method);
        Assert.True(result.Degenerate);
        Assert.NotNull(result.ExactEquilibria);
        TestGames.AssertSameSet(exact.Equilibria, result.Equilibria, 0, "fallback");
    }

    [Fact]
    public void Auto_OnAnExactDegenerateGame_FallsBackOnTheExactPayoffs()
    {
        // 1/3 is not a double: the exact game must be the one solved.
        var third = new Rational(1, 3);
        var game = new ExactBimatrixGame(2, 3, [third, third, 0, 0, 0, 1], [1, 1, 0, 0, 1, 0]);
        SolveResult result = NashSolver.Solve(game);
        SolveResult exact = ReferenceSolver.Solve(game);
        Assert.Equal(SolverMethod.VertexEnumeration, result.Method);
        Assert.Equal(exact.ExactEquilibria!.Count, result.ExactEquilibria!.Count);
        for (int k = 0; k < exact.ExactEquilibria.Count; k++)
        {
            Assert.Equal(exact.ExactEquilibria[k].Row, result.ExactEquilibria[k].Row);
            Assert.Equal(exact.ExactEquilibria[k].Column, result.ExactEquilibria[k].Column);
            Assert.Equal(third, result.ExactEquilibria[k].RowPayoff);
        }
    }

    [Fact]
    public void Auto_StreamsEachEquilibriumOnce_AndHonoursMaxEquilibriaInTheFallback()
    {
        BimatrixGame game = BimatrixGame.FromRowMajor(3, 4, new double[12], new double[12]);
        int calls = 0;
        SolveResult result = NashSolver.Solve(game, new SolveOptions { MaxEquilibria = 5, OnEquilibrium = _ => calls++ });
        Assert.Equal(SolverMethod.VertexEnumeration, result.Method);
        Assert.Equal(5, result.Equilibria.Count);
        Assert.Equal(5, calls);
        Assert.False(result.Complete);
    }

    [Fact]
    public void Auto_OnALargeDegenerateGame_IsCompleteThroughVertexEnumeration()
    {
        // The 9x9 all-zero game: every pure profile is an extreme equilibrium (81), far beyond the reference's reach.
        int n = 9;
        BimatrixGame game = BimatrixGame.FromRowMajor(n, n, new double[n * n], new double[n * n]);
        SolveResult result = NashSolver.Solve(game);
        Assert.Equal(SolverMethod.VertexEnumeration, result.Method);
        Assert.True(result.Degenerate);
        Assert.True(result.Complete);
        Assert.Equal(n * n, result.Equilibria.Count);
    }

    [Fact]
    public void Auto_OnALargeDegenerateGame_FindsEverythingSupportEnumerationFinds()
    {
        // Identity 9 with one duplicated column: degenerate, m + n = 19.
        int n = 9;
        double[] a = TestGames.Identity(n).AFlat.ToArray();
        a[(0 * n) + 8] = 1; // row 0 now ties between columns 0 and 8: a pure best-response tie for the row player
        BimatrixGame game = BimatrixGame.FromRowMajor(n, n, a, TestGames.Identity(n).BFlat);
        SolveResult auto = NashSolver.Solve(game);
        SolveResult support = NashSolver.Solve(game, new SolveOptions { Method = SolverMethod.SupportEnumeration });
        Assert.True(auto.Degenerate);
        Assert.True(auto.Complete);
        Assert.False(support.Complete);
        foreach (Equilibrium e in support.Equilibria)
        {
            Assert.Contains(auto.Equilibria, x => TestGames.Distance(x, e) <= 1e-9);
        }
    }

    [Fact]
    public void Pure_RejectsANonPositiveLimit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NashSolver.Solve(TestGames.Identity(3), new SolveOptions { Method = SolverMethod.Pure, MaxEquilibria = 0 }));
    }

    [Theory]
    [InlineData(SolverMethod.Pure)]
    [InlineData(SolverMethod.SupportEnumeration)]
    public void ExplicitMethods_AreRoutedAndReported(SolverMethod method)
    {
        BimatrixGame game = TestGames.Identity(3);
        SolveResult result = NashSolver.Solve(game, new SolveOptions { Method = method });
        Assert.Equal(method, result.Method);
        Assert.Equal(method == SolverMethod.Pure ? 3 : 7, result.Equilibria.Count);
    }
}
