using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// Pairing during the slower search (<see cref="VertexMatchStream"/>): with Q's search on a thread of its own the
/// searches always overlap, so the stream is really used; its answer must equal one thread's in every field.
/// </summary>
public class VertexMatchStreamTests
{
    [Fact]
    public void StreamedResult_EqualsOneThread_OnFullPrecisionGames()
    {
        var rng = new System.Random(71);
        int streamedCount = 0, games = 0;
        foreach ((int m, int n) in new[] { (7, 7), (7, 9), (9, 7), (8, 8), (10, 10), (7, 12), (12, 7), (11, 9) })
        {
            for (int t = 0; t < 3; t++)
            {
                BimatrixGame game = VertexTestGames.RandomFullPrecision(rng, m, n);
                AssertStreamedEqualsOneThread(game, $"{m}x{n} #{t}", new SolveOptions { Components = t == 0 }, out bool streamed);
                streamedCount += streamed ? 1 : 0;
                games++;
            }
        }

        // Both searches of these games complete in floating point, and the first to finish always follows the other.
        Assert.True(streamedCount == games, $"the stream was used in {streamedCount} of {games} games");
    }

    [Fact]
    public void OneDegeneratePolytope_FallsBack_ToTheSameAnswer()
    {
        // A: random doubles with a repeated column (column player's payoffs B random, so P is nondegenerate and its
        // search completes in floating point); the repeated column ties the row player's payoffs, so Q's float search
        // gives up and withdraws its set; whoever follows it must stop, and the caller pairs as usual.
        var rng = new System.Random(72);
        for (int t = 0; t < 6; t++)
        {
            int m = 7 + (t % 3), n = 8;
            var a = new double[m * n];
            var b = new double[m * n];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    a[(i * n) + j] = j == n - 1 ? a[(i * n) + 0] : rng.NextDouble();
                    b[(i * n) + j] = rng.NextDouble();
                }
            }

            BimatrixGame game = BimatrixGame.FromRowMajor(m, n, a, b);
            AssertStreamedEqualsOneThread(game, $"repeated column #{t}", new SolveOptions(), out bool streamed);
            Assert.False(streamed, $"repeated column #{t}: a withdrawn set must not be used");
        }
    }

    [Fact]
    public void OnePolytopeExactFromTheStart_FallsBack_ToTheSameAnswer()
    {
        // B small integers (P searched exactly in 64 bits from the start, never streamed), A full precision.
        var rng = new System.Random(73);
        for (int t = 0; t < 4; t++)
        {
            const int m = 8, n = 8;
            var a = new double[m * n];
            var b = new double[m * n];
            for (int k = 0; k < a.Length; k++)
            {
                a[k] = rng.NextDouble();
                b[k] = rng.Next(0, 1000);
            }

            BimatrixGame game = BimatrixGame.FromRowMajor(m, n, a, b);
            AssertStreamedEqualsOneThread(game, $"integral B #{t}", new SolveOptions(), out _);
        }
    }

    [Fact]
    public void MaxEquilibria_KeepsTheSameFirstPairs_WhenStreamed()
    {
        var rng = new System.Random(74);
        for (int t = 0; t < 6; t++)
        {
            BimatrixGame game = VertexTestGames.RandomFullPrecision(rng, 9, 9);
            int all = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 1 }).Equilibria.Count;
            if (all < 3)
            {
                continue;
            }

            var limited = new SolveOptions { MaxEquilibria = 2 };
            SolveResult one = VertexEnumeration.Solve(game, limited with { MaxDegreeOfParallelism = 1 });
            SolveResult two = VertexEnumeration.SolveOnDedicatedThreads(game, limited with { MaxDegreeOfParallelism = 2 }, out _);
            Assert.False(two.Complete);
            VertexTestGames.AssertSame(one with { Complete = true }, two with { Complete = true }, $"limited #{t}");
        }
    }

    [Fact]
    public void Sink_SeesTheSameEquilibria_InTheSameOrder_WhenStreamed()
    {
        var rng = new System.Random(75);
        int streamedCount = 0;
        for (int t = 0; t < 4; t++)
        {
            BimatrixGame game = VertexTestGames.RandomFullPrecision(rng, 9, 8);
            var one = new List<Equilibrium>();
            var two = new List<Equilibrium>();
            VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 1, OnEquilibrium = one.Add });
            VertexEnumeration.SolveOnDedicatedThreads(game, new SolveOptions { MaxDegreeOfParallelism = 2, OnEquilibrium = two.Add }, out bool streamed);
            streamedCount += streamed ? 1 : 0;
            Assert.Equal(one.Count, two.Count);
            for (int k = 0; k < one.Count; k++)
            {
                Assert.Equal(one[k].Row, two[k].Row);
                Assert.Equal(one[k].Column, two[k].Column);
            }
        }

        Assert.True(streamedCount == 4, $"the stream was used in {streamedCount} of 4 games");
    }

    [Fact]
    public void Cancellation_DuringTheOverlap_ReturnsGenuineEquilibria_MarkedIncomplete()
    {
        // A 14×14 game takes tens of milliseconds; the token fires a few milliseconds in, while both searches run.
        BimatrixGame game = VertexTestGames.RandomFullPrecision(new System.Random(76), 14, 14);
        SolveResult full = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 1 });
        var all = new HashSet<string>(full.ExactEquilibria!.Select(Key));
        int cancelled = 0;
        foreach (int delayMs in new[] { 1, 5, 15 })
        {
            // Cancelled from a thread of its own: a timer's callback waits for the thread pool, which a busy test host
            // may not give it for longer than the solve takes.
            using var cts = new CancellationTokenSource();
            var canceller = new Thread(() =>
            {
                Thread.Sleep(delayMs);
                cts.Cancel();
            });
            canceller.Start();
            SolveResult partial = VertexEnumeration.SolveOnDedicatedThreads(
                game, new SolveOptions { MaxDegreeOfParallelism = 2, CancellationToken = cts.Token }, out bool streamed);
            canceller.Join();
            if (partial.Complete)
            {
                VertexTestGames.AssertSame(full, partial, $"finished before the token ({delayMs} ms)");
                continue;
            }

            cancelled++;
            Assert.False(streamed, "a cancelled search's set must not be used");
            Assert.Equal("cancelled", partial.IncompleteReason);
            Assert.All(partial.ExactEquilibria!, e => Assert.Contains(Key(e), all));
        }

        Assert.True(cancelled > 0, "the token never fired during a solve"); // 1 ms against tens of milliseconds

        static string Key(ExactEquilibrium e) => string.Join(",", e.Row) + "|" + string.Join(",", e.Column);
    }

    private static void AssertStreamedEqualsOneThread(BimatrixGame game, string what, SolveOptions options, out bool streamed)
    {
        SolveResult one = VertexEnumeration.Solve(game, options with { MaxDegreeOfParallelism = 1 });
        SolveResult two = VertexEnumeration.SolveOnDedicatedThreads(game, options with { MaxDegreeOfParallelism = 2 }, out streamed);
        VertexTestGames.AssertSame(one, two, what);
        Assert.Equal(one.Complete, two.Complete);
        if (options.Components)
        {
            Assert.Equal(one.Components!.Count, two.Components!.Count);
            for (int k = 0; k < one.Components.Count; k++)
            {
                Assert.Equal(one.Components[k].Component, two.Components[k].Component);
                Assert.Equal(one.Components[k].RowVertices, two.Components[k].RowVertices);
                Assert.Equal(one.Components[k].ColumnVertices, two.Components[k].ColumnVertices);
            }
        }
    }
}
