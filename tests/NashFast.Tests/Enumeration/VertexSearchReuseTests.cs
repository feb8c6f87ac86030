using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The state a vertex search keeps per thread between searches (the DFS frame stack, <see cref="VertexDfsFrames"/>,
/// and the basis sets' pooled slot arrays): a search after others on the same thread — deeper, shallower, cancelled
/// midway, of another tier — finds exactly what it finds on a fresh thread.
/// </summary>
public class VertexSearchReuseTests
{
    [Fact]
    public void Frames_GrowPopAndComeBackEmpty()
    {
        VertexDfsFrames frames = VertexDfsFrames.Rent();
        for (int f = 0; f < 1000; f++)
        {
            frames.Push(f, f + 1);
            frames.Next(f) = f + 2;
            frames.Skip(f) = ((ulong)f << 3) | 1;
        }

        Assert.Equal(1000, frames.Count);
        for (int f = 999; f >= 0; f--)
        {
            Assert.Equal(f, frames.Row(f));
            Assert.Equal(f + 1, frames.Slot(f));
            Assert.Equal(f + 2, frames.Next(f));
            Assert.Equal(((ulong)f << 3) | 1, frames.Skip(f));
            frames.Pop();
        }

        frames.Push(7, 8);
        frames.Return();

        // The returned stack comes back empty, and a pushed frame starts with nothing to skip and slot 0 next.
        VertexDfsFrames again = VertexDfsFrames.Rent();
        Assert.Same(frames, again);
        Assert.Equal(0, again.Count);
        again.Push(1, 2);
        Assert.Equal(0, again.Next(0));
        Assert.Equal(0UL, again.Skip(0));

        // While one search holds the thread's stack, another (nested) gets its own.
        VertexDfsFrames nested = VertexDfsFrames.Rent();
        Assert.NotSame(again, nested);
        nested.Return();
        again.Return();
    }

    [Fact]
    public void SearchesInSequence_MatchSearchesOnFreshThreads()
    {
        var rng = new System.Random(8800);
        var polytopes = new List<(BigInteger[] C, int K, int D, int Shift, string Name)>();
        for (int t = 0; t < 30; t++)
        {
            // Degenerate (payoffs 0..3, ties and zero rows), all-equal, 1×n / n×1 and up to 10×10, in a shuffled order
            // so that deep and shallow searches alternate on the thread.
            int m = t % 7 == 0 ? 1 : rng.Next(1, 11), n = t % 11 == 0 ? 1 : rng.Next(1, 11);
            int max = t % 5 == 0 ? 0 : 3;
            ExactBimatrixGame game = VertexTestGames.Exact(m, n, (_, _) => rng.Next(0, max + 1), (_, _) => rng.Next(0, max + 1));
            (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(game);
            polytopes.Add((cp, n, m, 0, $"P of {m}x{n} game {t}"));
            polytopes.Add((cq, m, n, m, $"Q of {m}x{n} game {t}"));
        }

        var expected = new VertexSet[polytopes.Count];
        for (int i = 0; i < polytopes.Count; i++)
        {
            (BigInteger[] c, int k, int d, int shift, _) = polytopes[i];
            VertexSet? found = null;
            var thread = new Thread(() => found = VertexSearch<long, VertexLongArithmetic>.Run(c, k, d, shift, CancellationToken.None));
            thread.Start();
            thread.Join();
            expected[i] = found!;
        }

        using (var cancelled = new CancellationTokenSource())
        {
            cancelled.Cancel();
            foreach ((BigInteger[] c, int k, int d, int shift, _) in polytopes)
            {
                // Stopped at its first check: leaves its frames and sets behind mid-search.
                Assert.True(VertexSearch<long, VertexLongArithmetic>.Run(c, k, d, shift, cancelled.Token)!.Truncated);
            }
        }

        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < polytopes.Count; i++)
            {
                (BigInteger[] c, int k, int d, int shift, string name) = polytopes[i];
                VertexSet actual = VertexSearch<long, VertexLongArithmetic>.Run(c, k, d, shift, CancellationToken.None)!;
                VertexTestGames.AssertSameVertices(expected[i], actual, name);

                // Another tier in between shares the thread's frame stack.
                VertexSet big = VertexSearch<BigInteger, VertexBigArithmetic>.Run(c, k, d, shift, CancellationToken.None)!;
                VertexTestGames.AssertSameVertices(expected[i], big, name + " (BigInteger)");
            }
        }
    }
}
