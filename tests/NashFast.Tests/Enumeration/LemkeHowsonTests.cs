using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// Lemke–Howson ends at an extreme equilibrium: every path's answer must be, exactly, one of the reference's extreme
/// equilibria — on nondegenerate and degenerate games, from every starting label, in every arithmetic tier.
/// </summary>
public class LemkeHowsonTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void EveryLabel_ReachesAnExtremeEquilibriumOfTheReference(int seed, bool smallIntegers)
    {
        var rng = new System.Random(1000 + seed);
        int degenerate = 0;
        for (int t = 0; t < 25; t++)
        {
            int m = rng.Next(1, 7), n = rng.Next(1, 7);
            BimatrixGame game = VertexTestGames.Random(rng, m, n, smallIntegers);
            ExactBimatrixGame exact = ExactBimatrixGame.FromDouble(game);
            SolveResult reference = ReferenceSolver.Solve(exact);
            degenerate += reference.Degenerate ? 1 : 0;
            for (int label = 0; label < m + n; label++)
            {
                SolveResult lh = LemkeHowson.Solve(exact, new SolveOptions { LemkeHowsonLabel = label });
                AssertOneExtremeEquilibrium(reference, lh, $"seed {seed} game {t} ({m}x{n}) label {label}");
                // A sign of degeneracy is only ever seen on a degenerate game.
                Assert.True(!lh.Degenerate || reference.Degenerate, $"game {t} label {label}: degenerate flag on a nondegenerate game");
            }
        }

        Assert.True(!smallIntegers || degenerate > 5, $"only {degenerate} degenerate games drawn");
    }

    // 53-bit payoffs start in the wide tiers; payoffs spanning 2^±1000 need BigInteger.
    [Fact]
    public void FullPrecisionAndExtremeMagnitudes_ReachAnExtremeEquilibrium()
    {
        var rng = new System.Random(17);
        for (int t = 0; t < 20; t++)
        {
            int m = rng.Next(1, 5), n = rng.Next(1, 5);
            BimatrixGame game = VertexTestGames.RandomFullPrecision(rng, m, n);
            if (t % 2 == 1)
            {
                double[] a = game.AFlat.ToArray(), b = game.BFlat.ToArray();
                a[0] = 1e300;
                b[^1] = Math.ScaleB(1, -1000);
                a[^1] = -1e-300;
                game = BimatrixGame.FromRowMajor(m, n, a, b);
            }

            ExactBimatrixGame exact = ExactBimatrixGame.FromDouble(game);
            SolveResult reference = ReferenceSolver.Solve(exact);
            SolveResult all = LemkeHowson.Solve(exact, new SolveOptions { LemkeHowsonLabel = -1 });
            Assert.True(all.Complete);
            Assert.NotEmpty(all.Equilibria);
            foreach (ExactEquilibrium e in all.ExactEquilibria!)
            {
                Assert.Contains(reference.ExactEquilibria!, r => EquilibriumOrder.Instance.Compare(r, e) == 0);
            }
        }
    }

    [Fact]
    public void AllLabels_GiveDistinctSortedEquilibria_EachReachedBySomeLabel()
    {
        BimatrixGame game = TestGames.Continuous(5, 4, seed: 3);
        SolveResult all = LemkeHowson.Solve(game, new SolveOptions { LemkeHowsonLabel = -1 });
        var single = new List<ExactEquilibrium>();
        for (int label = 0; label < 9; label++)
        {
            single.Add(LemkeHowson.Solve(game, new SolveOptions { LemkeHowsonLabel = label }).ExactEquilibria![0]);
        }

        IReadOnlyList<ExactEquilibrium> found = all.ExactEquilibria!;
        for (int k = 1; k < found.Count; k++)
        {
            Assert.True(EquilibriumOrder.Instance.Compare(found[k - 1], found[k]) < 0, "not sorted or not distinct");
        }

        Assert.All(found, e => Assert.Contains(single, s => EquilibriumOrder.Instance.Compare(s, e) == 0));
        Assert.All(single, s => Assert.Contains(found, e => EquilibriumOrder.Instance.Compare(s, e) == 0));
    }

    // The classic example: in the identity (coordination) game every label's path from (0, 0) ends at a pure equilibrium.
    [Fact]
    public void IdentityGame_EachLabelReachesThePureEquilibriumOfItsStrategy()
    {
        BimatrixGame game = TestGames.Identity(4);
        for (int label = 0; label < 8; label++)
        {
            SolveResult lh = NashSolver.Solve(game, new SolveOptions { Method = SolverMethod.LemkeHowson, LemkeHowsonLabel = label });
            Assert.Equal(SolverMethod.LemkeHowson, lh.Method);
            Equilibrium e = Assert.Single(lh.Equilibria);
            int strategy = label % 4;
            Assert.Equal(1.0, e.Row[strategy]);
            Assert.Equal(1.0, e.Column[strategy]);
        }
    }

    [Fact]
    public void BadOptions_AreRefused_CancellationIsReported()
    {
        BimatrixGame game = TestGames.Continuous(3, 2, seed: 1);
        Assert.Throws<ArgumentException>(() => LemkeHowson.Solve(game, new SolveOptions { LemkeHowsonLabel = 5 }));
        Assert.Throws<ArgumentException>(() => LemkeHowson.Solve(game, new SolveOptions { LemkeHowsonLabel = -2 }));
        Assert.Throws<ArgumentException>(() => LemkeHowson.Solve(game, new SolveOptions { MaxEquilibria = 0 }));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        SolveResult result = LemkeHowson.Solve(game, new SolveOptions { CancellationToken = cancelled.Token, LemkeHowsonLabel = -1 });
        Assert.False(result.Complete);
        Assert.Equal("cancelled", result.IncompleteReason);
        Assert.Empty(result.Equilibria);
    }

    [Fact]
    public void MaxEquilibria_CutsTheAllLabelsResult()
    {
        // Identity 3x3: the six labels reach three distinct pure equilibria.
        BimatrixGame game = TestGames.Identity(3);
        SolveResult cut = LemkeHowson.Solve(game, new SolveOptions { LemkeHowsonLabel = -1, MaxEquilibria = 2 });
        Assert.False(cut.Complete);
        Assert.Equal(2, cut.Equilibria.Count);
        Assert.Equal(3, LemkeHowson.Solve(game, new SolveOptions { LemkeHowsonLabel = -1 }).Equilibria.Count);
    }

    private static void AssertOneExtremeEquilibrium(SolveResult reference, SolveResult lh, string what)
    {
        Assert.True(lh.Complete, what);
        Assert.Equal(SolverMethod.LemkeHowson, lh.Method);
        ExactEquilibrium e = Assert.Single(lh.ExactEquilibria!);
        Assert.True(
            reference.ExactEquilibria!.Any(r => EquilibriumOrder.Instance.Compare(r, e) == 0 && r.RowPayoff == e.RowPayoff && r.ColumnPayoff == e.ColumnPayoff),
            $"{what}: {e.ToDouble()} is not an extreme equilibrium of the reference");
    }
}
