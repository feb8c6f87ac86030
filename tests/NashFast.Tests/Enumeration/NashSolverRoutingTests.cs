using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Tests.Enumeration;

public class NashSolverRoutingTests
{
    // Full-precision continuous games: the small ones are proven nondegenerate and take support enumeration, the
    // others vertex enumeration; either way the flag is exact and the set equals the other method's.
    [Theory]
    [InlineData(3, 3, SolverMethod.SupportEnumeration)]
    [InlineData(4, 4, SolverMethod.SupportEnumeration)]
    [InlineData(4, 5, SolverMethod.SupportEnumeration)]
    [InlineData(7, 3, SolverMethod.SupportEnumeration)]
    [InlineData(2, 9, SolverMethod.SupportEnumeration)]
    [InlineData(5, 5, SolverMethod.VertexEnumeration)]
    [InlineData(6, 5, SolverMethod.VertexEnumeration)]
    [InlineData(5, 7, SolverMethod.VertexEnumeration)]
    [InlineData(4, 12, SolverMethod.VertexEnumeration)]
    [InlineData(14, 3, SolverMethod.VertexEnumeration)]
    [InlineData(6, 6, SolverMethod.VertexEnumeration)]
    [InlineData(10, 10, SolverMethod.VertexEnumeration)]
    public void Auto_OnAContinuousGame_PicksByShape_WithAnExactFlag(int m, int n, SolverMethod expected)
    {
        BimatrixGame game = VertexTestGames.RandomFullPrecision(new System.Random((100 * m) + n), m, n);
        SolveResult result = NashSolver.Solve(game);
        Assert.Equal(expected, result.Method);
        Assert.True(result.Complete);
        Assert.False(result.Degenerate);
        SolveResult other = NashSolver.Solve(game, new SolveOptions { Method = expected == SolverMethod.VertexEnumeration ? SolverMethod.SupportEnumeration : SolverMethod.VertexEnumeration });
        TestGames.AssertSameSet(other.Equilibria, result.Equilibria, 1e-9, "auto");
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
    public void Auto_OnASmallNondegenerateGame_EqualsTheReference()
    {
        BimatrixGame game = VertexTestGames.RandomFullPrecision(new System.Random(61), 3, 5);
        SolveResult result = NashSolver.Solve(game);
        Assert.Equal(SolverMethod.SupportEnumeration, result.Method);
        Assert.True(result.Complete);
        Assert.False(result.Degenerate);
        TestGames.AssertSameSet(ReferenceSolver.Solve(game).Equilibria, result.Equilibria, 1e-9, "auto");
    }

    [Fact]
    public void Auto_OnADegenerateGame_UsesVertexEnumeration_AndSaysSo()
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
    public void Auto_OnAnExactDegenerateGame_SolvesTheExactPayoffs()
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
    public void Auto_StreamsEachEquilibriumOnce_AndHonoursMaxEquilibria()
    {
        BimatrixGame game = BimatrixGame.FromRowMajor(3, 4, new double[12], new double[12]);
        int calls = 0;
        SolveResult result = NashSolver.Solve(game, new SolveOptions { MaxEquilibria = 5, OnEquilibrium = _ => calls++ });
        Assert.Equal(SolverMethod.VertexEnumeration, result.Method);
        Assert.Equal(5, result.Equilibria.Count);
        Assert.Equal(5, calls);
        Assert.False(result.Complete);
    }

    // On the certified support route the sink is called once per equilibrium, after the search, and the limit holds.
    [Fact]
    public void Auto_OnTheSupportRoute_StreamsEachEquilibriumOnce_AndHonoursMaxEquilibria()
    {
        BimatrixGame game = TestGames.Identity(4); // 15 equilibria, but payoffs 0..1 go to exact vertex enumeration
        game = BimatrixGame.FromRowMajor(4, 4, game.AFlat.ToArray().Select((x, k) => x + (k * 1e-9 * Math.PI)).ToArray(), game.BFlat.ToArray().Select((x, k) => x + (k * 1e-9 * Math.E)).ToArray());
        var seen = new List<Equilibrium>();
        SolveResult all = NashSolver.Solve(game, new SolveOptions { OnEquilibrium = seen.Add });
        Assert.Equal(SolverMethod.SupportEnumeration, all.Method);
        Assert.True(all.Complete);
        Assert.Equal(15, all.Equilibria.Count);
        Assert.Equal(all.Equilibria.Count, seen.Count);

        int calls = 0;
        SolveResult some = NashSolver.Solve(game, new SolveOptions { MaxEquilibria = 4, OnEquilibrium = _ => calls++ });
        Assert.Equal(SolverMethod.SupportEnumeration, some.Method);
        Assert.False(some.Complete);
        Assert.Equal(4, some.Equilibria.Count);
        Assert.Equal(4, calls);
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

    // Found by differential fuzzing: a copied row that no equilibrium uses. Support enumeration sees no sign of
    // degeneracy here, and auto used to take it (payoffs of 30 bits: the Hadamard bound is above 126 bits, so it was off
    // the small-exact route), reporting "nondegenerate".
    [Fact]
    public void Auto_OnAGameWithACopiedRow_GivesTheExactDegenerateFlag()
    {
        double[] a = [-67044157, -716710543, -304415239, 454887755, -31661045, 665438656, 706098814, 664833257, 657961807, 867410740, 791961118, 82120071, 706098814, 664833257, 657961807];
        double[] b = [994662271, 803347238, -661233970, -634810238, 116039934, -372836444, -804178353, -481772718, -924741441, 666670349, 197667056, -322389061, -804178353, -481772718, -924741441];
        BimatrixGame game = BimatrixGame.FromRowMajor(5, 3, a, b);
        Assert.False(SupportEnumeration.Solve(game).Degenerate); // the case auto used to get wrong
        AssertAutoEqualsTheReference(game);
    }

    // The column player's copy: two equal columns of B on a 3×5 game with payoffs of 30 bits (a seed for which support
    // enumeration alone says "nondegenerate").
    [Fact]
    public void Auto_OnAGameWithACopiedColumn_GivesTheExactDegenerateFlag()
    {
        var rng = new System.Random(24);
        int m = rng.Next(2, 6), n = rng.Next(3, 6);
        var a = new double[m * n];
        var b = new double[m * n];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = rng.Next(-1_000_000_000, 1_000_000_000);
            b[k] = rng.Next(-1_000_000_000, 1_000_000_000);
        }

        int c = rng.Next(n), d = (c + 1 + rng.Next(n - 1)) % n;
        for (int i = 0; i < m; i++)
        {
            b[(i * n) + d] = b[(i * n) + c];
        }

        var game = BimatrixGame.FromRowMajor(m, n, a, b);
        Assert.False(SupportEnumeration.Solve(game).Degenerate); // the case auto used to get wrong
        AssertAutoEqualsTheReference(game);
    }

    // A pure strategy equal to the average of two others (a mixed strategy listed as a pure one): degenerate, and
    // again invisible to support enumeration on this game (fuzzing seed; payoffs of 30 bits, the average exact).
    [Fact]
    public void Auto_OnAGameWithAnAveragedRow_GivesTheExactDegenerateFlag()
    {
        var rng = new System.Random(0);
        int m = 5, n = 5;
        var a = new double[m * n];
        var b = new double[m * n];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = rng.Next(-1_000_000_000, 1_000_000_000) * 2.0;
            b[k] = rng.Next(-1_000_000_000, 1_000_000_000) * 2.0;
        }

        for (int j = 0; j < n; j++)
        {
            a[(4 * n) + j] = (a[j] + a[n + j]) / 2;
        }

        var game = BimatrixGame.FromRowMajor(m, n, a, b);
        Assert.False(SupportEnumeration.Solve(game).Degenerate);
        AssertAutoEqualsTheReference(game);
    }

    private static void AssertAutoEqualsTheReference(BimatrixGame game)
    {
        SolveResult exact = ReferenceSolver.Solve(game);
        Assert.True(exact.Degenerate); // the copy must matter, or the test shows nothing
        SolveResult auto = NashSolver.Solve(game);
        Assert.Equal(SolverMethod.VertexEnumeration, auto.Method);
        Assert.True(auto.Degenerate);
        Assert.True(auto.Complete);
        TestGames.AssertSameSet(exact.Equilibria, auto.Equilibria, 0, "auto");
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
