using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>Threads, streaming, limits, cancellation, the front door and bad input.</summary>
public class VertexEnumerationOptionsTests
{
    [Fact]
    public void Output_IsIdenticalForEveryThreadCount()
    {
        var rng = new System.Random(31);
        for (int t = 0; t < 6; t++)
        {
            BimatrixGame game = VertexTestGames.Random(rng, 6, 6, smallIntegers: t % 2 == 0);
            SolveResult one = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 1, Components = true });
            foreach (int threads in new[] { 2, 3, 0 })
            {
                SolveResult other = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = threads, Components = true });
                VertexTestGames.AssertSame(one, other, $"game {t}, {threads} threads");
                Assert.Equal(one.Components!.Count, other.Components!.Count);
                for (int k = 0; k < one.Components.Count; k++)
                {
                    Assert.Equal(one.Components[k].Component, other.Components[k].Component);
                    Assert.Equal(one.Components[k].RowVertices.Count, other.Components[k].RowVertices.Count);
                    Assert.Equal(one.Components[k].ColumnVertices.Count, other.Components[k].ColumnVertices.Count);
                }
            }
        }
    }

    // Uniform games of 7×7 to 10×10 on two threads: both searches in floating point, so the payoffs are shared with the
    // helper thread; the answer (exact payoffs included) equals one thread's, and the sink is called on the caller's
    // thread once per equilibrium, in the same order as on one thread.
    [Fact]
    public void TwoThreadPayoffs_EqualOneThreads_AndTheSinkStaysOnTheCaller()
    {
        var rng = new System.Random(47);
        int shared = 0;
        for (int t = 0; t < 8; t++)
        {
            int n = 7 + (t % 4);
            BimatrixGame game = VertexTestGames.Random(rng, n, n, smallIntegers: false);
            var seenOne = new List<Equilibrium>();
            SolveResult one = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 1, OnEquilibrium = seenOne.Add });
            var seenTwo = new List<Equilibrium>();
            int caller = Environment.CurrentManagedThreadId;
            bool elsewhere = false;
            SolveResult two = VertexEnumeration.Solve(game, new SolveOptions
            {
                MaxDegreeOfParallelism = 2,
                OnEquilibrium = e =>
                {
                    elsewhere |= Environment.CurrentManagedThreadId != caller;
                    seenTwo.Add(e);
                },
            });
            VertexTestGames.AssertSame(one, two, $"game {t} ({n}x{n})");
            for (int k = 0; k < one.ExactEquilibria!.Count; k++)
            {
                Assert.Equal(one.ExactEquilibria[k].RowPayoff, two.ExactEquilibria![k].RowPayoff);
                Assert.Equal(one.ExactEquilibria[k].ColumnPayoff, two.ExactEquilibria[k].ColumnPayoff);
            }

            Assert.False(elsewhere);
            Assert.Equal(seenOne.Count, seenTwo.Count);
            for (int k = 0; k < seenOne.Count; k++)
            {
                Assert.Equal(seenOne[k].Row, seenTwo[k].Row);
                Assert.Equal(seenOne[k].RowPayoff, seenTwo[k].RowPayoff);
                Assert.Equal(seenOne[k].ColumnPayoff, seenTwo[k].ColumnPayoff);
            }

            shared += one.Equilibria.Count >= 4 ? 1 : 0;
        }

        Assert.True(shared >= 4, $"only {shared} games had enough equilibria to share their payoffs");
    }

    [Fact]
    public void Sink_SeesEveryEquilibriumOnce()
    {
        var seen = new List<Equilibrium>();
        ExactBimatrixGame identity = VertexTestGames.Exact(5, 5, (i, j) => i == j ? 1 : 0, (i, j) => i == j ? 1 : 0);
        SolveResult r = VertexEnumeration.Solve(identity, new SolveOptions { OnEquilibrium = seen.Add, MaxDegreeOfParallelism = 2 });
        Assert.Equal(31, seen.Count);
        seen.Sort(EquilibriumOrder.Instance);
        for (int k = 0; k < seen.Count; k++)
        {
            Assert.Equal(r.Equilibria[k].Row, seen[k].Row);
            Assert.Equal(r.Equilibria[k].Column, seen[k].Column);
        }
    }

    [Fact]
    public void MaxEquilibria_StopsAndMarksIncomplete_Deterministically()
    {
        ExactBimatrixGame identity = VertexTestGames.Exact(6, 6, (i, j) => i == j ? 1 : 0, (i, j) => i == j ? 1 : 0);
        int calls = 0;
        SolveResult r = VertexEnumeration.Solve(identity, new SolveOptions { MaxEquilibria = 10, OnEquilibrium = _ => calls++ });
        Assert.False(r.Complete);
        Assert.NotNull(r.IncompleteReason);
        Assert.Equal(10, r.Equilibria.Count);
        Assert.Equal(10, calls);
        SolveResult again = VertexEnumeration.Solve(identity, new SolveOptions { MaxEquilibria = 10, MaxDegreeOfParallelism = 2 });
        VertexTestGames.AssertSame(r, again with { Complete = true }, "limit");

        // A limit that is not reached leaves the result complete.
        Assert.True(VertexEnumeration.Solve(identity, new SolveOptions { MaxEquilibria = 63 }).Complete);
    }

    [Fact]
    public void Cancellation_ReturnsPromptly_MarkedIncomplete()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        BimatrixGame game = VertexTestGames.Random(new System.Random(32), 14, 14, smallIntegers: false);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        SolveResult r = VertexEnumeration.Solve(game, new SolveOptions { CancellationToken = cts.Token, MaxDegreeOfParallelism = 2 });
        Assert.False(r.Complete);
        Assert.Equal("cancelled", r.IncompleteReason);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");

        // Whatever was found before cancellation is genuine: every reported pair is an equilibrium of the reference set.
        using var late = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        BimatrixGame smaller = VertexTestGames.Random(new System.Random(33), 8, 8, smallIntegers: false);
        SolveResult partial = VertexEnumeration.Solve(smaller, new SolveOptions { CancellationToken = late.Token });
        SolveResult full = VertexEnumeration.Solve(smaller);
        var all = new HashSet<string>();
        foreach (ExactEquilibrium e in full.ExactEquilibria!)
        {
            all.Add(string.Join(",", e.Row) + "|" + string.Join(",", e.Column));
        }

        foreach (ExactEquilibrium e in partial.ExactEquilibria!)
        {
            Assert.Contains(string.Join(",", e.Row) + "|" + string.Join(",", e.Column), all);
        }
    }

    [Fact]
    public void NashSolver_MethodVertex_UsesVertexEnumeration_ExactGameGivesExactPayoffs()
    {
        ExactBimatrixGame g = VertexTestGames.Exact(3, 3, (i, j) => new Rational((i * 3) + j, 7), (i, j) => new Rational(j - i, 3));
        SolveResult exact = NashSolver.Solve(g, new SolveOptions { Method = SolverMethod.VertexEnumeration });
        VertexTestGames.AssertSameAsReference(g, exact, "front door exact");
        SolveResult viaDouble = NashSolver.Solve(g.ToDouble(), new SolveOptions { Method = SolverMethod.VertexEnumeration });
        Assert.Equal(SolverMethod.VertexEnumeration, viaDouble.Method);
        Assert.NotNull(viaDouble.ExactEquilibria);
    }

    [Fact]
    public void BadInput_IsRejectedWithClearErrors()
    {
        Assert.Throws<ArgumentNullException>(() => VertexEnumeration.Solve((BimatrixGame)null!));
        Assert.Throws<ArgumentNullException>(() => VertexEnumeration.Solve((ExactBimatrixGame)null!));
        ExactBimatrixGame g = VertexTestGames.Exact(2, 2, (_, _) => 0, (_, _) => 0);
        ArgumentException e = Assert.Throws<ArgumentException>(() => VertexEnumeration.Solve(g, new SolveOptions { MaxEquilibria = 0 }));
        Assert.Contains("MaxEquilibria", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => VertexEnumeration.Solve(g, new SolveOptions { MaxDegreeOfParallelism = -2 }));
        Assert.Contains("MaxDegreeOfParallelism", e.Message, StringComparison.Ordinal);
        ExactBimatrixGame wide = VertexTestGames.Exact(1, 64, (_, _) => 0, (_, _) => 0);
        e = Assert.Throws<ArgumentException>(() => VertexEnumeration.Solve(wide));
        Assert.Contains("m + n", e.Message, StringComparison.Ordinal);
    }
}
