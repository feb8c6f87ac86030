using NashFast.Tests.Infrastructure;
using System.Diagnostics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

[Collection(TimingCollection.Name)]
public class SupportEnumerationRunTests
{
    public static TheoryData<string> DeterminismGames() => new() { "continuous 8x8", "continuous 7x9", "identity 6", "ternary 5x5" };

    private static BimatrixGame Game(string name) => name switch
    {
        "continuous 8x8" => TestGames.Continuous(8, 8, 31),
        "continuous 7x9" => TestGames.Continuous(7, 9, 32),
        "identity 6" => TestGames.Identity(6),
        "ternary 5x5" => TestGames.SmallIntegers(5, 5, 33, 3),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(DeterminismGames))]
    public void Result_IsIdenticalFor1_2_16Threads(string name)
    {
        BimatrixGame game = Game(name);
        SolveResult one = SupportEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 1 });
        foreach (int threads in new[] { 2, 16 })
        {
            SolveResult many = SupportEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = threads });
            Assert.Equal(one.Complete, many.Complete);
            Assert.Equal(one.Degenerate, many.Degenerate);
            Assert.Equal(one.Equilibria.Count, many.Equilibria.Count);
            for (int k = 0; k < one.Equilibria.Count; k++)
            {
                // Bit-identical: every pair is computed by the same arithmetic whichever thread runs it.
                Assert.Equal(one.Equilibria[k].Row, many.Equilibria[k].Row);
                Assert.Equal(one.Equilibria[k].Column, many.Equilibria[k].Column);
                Assert.Equal(one.Equilibria[k].RowPayoff, many.Equilibria[k].RowPayoff);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void OnEquilibrium_SeesEachEquilibriumOnce_OneCallAtATime(int threads)
    {
        BimatrixGame game = TestGames.Identity(7);
        var seen = new List<Equilibrium>();
        int inside = 0, overlaps = 0;
        var options = new SolveOptions
        {
            MaxDegreeOfParallelism = threads,
            OnEquilibrium = e =>
            {
                if (Interlocked.Increment(ref inside) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                seen.Add(e);
                Thread.SpinWait(200);
                Interlocked.Decrement(ref inside);
            },
        };
        SolveResult result = SupportEnumeration.Solve(game, options);
        Assert.Equal(0, overlaps);
        Assert.Equal(127, seen.Count);
        seen.Sort(EquilibriumOrder.Instance);
        Assert.Equal(result.Equilibria, seen);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Cancellation_StopsWithin100Ms_AndReturnsWhatWasFound(int threads)
    {
        // 18x18: C(36, 18) ≈ 9e9 support pairs, far more than finishes.
        BimatrixGame game = TestGames.Continuous(18, 18, 41);
        using var cts = new CancellationTokenSource();
        long cancelledAt = 0;
        cts.Token.Register(() => Volatile.Write(ref cancelledAt, Stopwatch.GetTimestamp()));
        cts.CancelAfter(150);
        SolveResult result = SupportEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = threads, CancellationToken = cts.Token });
        long returnedAt = Stopwatch.GetTimestamp();
        // The token's flag is set before its callbacks run, so the solver may return before the timestamp is written.
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref cancelledAt) != 0, TimeSpan.FromSeconds(5)));
        TimeSpan late = Stopwatch.GetElapsedTime(Volatile.Read(ref cancelledAt), returnedAt);
        Assert.True(late < TimeSpan.FromMilliseconds(100), $"returned {late.TotalMilliseconds} ms after cancellation");
        Assert.False(result.Complete);
        Assert.Contains("cancelled", result.IncompleteReason, StringComparison.Ordinal);
        Assert.All(result.Equilibria, e => Assert.True(TestGames.Regret(game, e) <= 1e-9));
    }

    [Fact]
    public void MaxEquilibria_CutsAndMarksIncomplete()
    {
        BimatrixGame game = TestGames.Identity(5);
        SolveResult cut = SupportEnumeration.Solve(game, new SolveOptions { MaxEquilibria = 3 });
        Assert.Equal(3, cut.Equilibria.Count);
        Assert.False(cut.Complete);
        Assert.False(cut.Degenerate);
        Assert.Contains("maximum number of equilibria", cut.IncompleteReason, StringComparison.Ordinal);

        // Sequentially the smallest supports come first: the three pure equilibria (0,0), (1,1), (2,2).
        Assert.All(cut.Equilibria, e => Assert.Equal(1, e.RowSupportSize));

        SolveResult enough = SupportEnumeration.Solve(game, new SolveOptions { MaxEquilibria = 31 });
        Assert.False(enough.Complete); // the search stopped at the 31st, so more could exist as far as it knows
        SolveResult all = SupportEnumeration.Solve(game, new SolveOptions { MaxEquilibria = 32 });
        Assert.True(all.Complete);
        Assert.Equal(31, all.Equilibria.Count);
    }

    [Fact]
    public void MaxSupportSize_CutsAndMarksIncomplete()
    {
        BimatrixGame game = TestGames.Identity(5);
        SolveResult cut = SupportEnumeration.Solve(game, new SolveOptions { MaxSupportSize = 2 });
        Assert.Equal(5 + 10, cut.Equilibria.Count);
        Assert.False(cut.Complete);
        Assert.Contains("support sizes above 2", cut.IncompleteReason, StringComparison.Ordinal);

        // A limit at or above min(m, n) cuts nothing.
        Assert.True(SupportEnumeration.Solve(game, new SolveOptions { MaxSupportSize = 5 }).Complete);
    }

    [Fact]
    public void BadOptions_AreRejectedByName()
    {
        BimatrixGame game = TestGames.Identity(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => SupportEnumeration.Solve(game, new SolveOptions { MaxEquilibria = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SupportEnumeration.Solve(game, new SolveOptions { MaxSupportSize = -1 }));
        Assert.Throws<ArgumentNullException>(() => SupportEnumeration.Solve(null!));
        var ex = Assert.Throws<ArgumentException>(() => SupportEnumeration.Solve(BimatrixGame.FromRowMajor(100, 100, new double[10000], new double[10000])));
        Assert.Contains("too many support pairs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequential_AllocatesNothingPerSupportPair()
    {
        // 8x8 has C(16, 8) = 12870 support pairs; a single allocation per pair would be hundreds of KB.
        BimatrixGame game = TestGames.Continuous(8, 8, 51);
        SupportEnumeration.Solve(game);
        long before = GC.GetAllocatedBytesForCurrentThread();
        SolveResult result = SupportEnumeration.Solve(game);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;

        // Per equilibrium: two strategy arrays and the record (~300 bytes); per call: the run, lists, offsets.
        long budget = 4096 + (result.Equilibria.Count * 512);
        Assert.True(bytes <= budget, $"{bytes} bytes for {result.Equilibria.Count} equilibria (budget {budget})");
    }
}
