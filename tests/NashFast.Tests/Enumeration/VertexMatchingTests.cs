using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The degenerate matching (bitset intersection over Q's vertices) against a brute-force superset test over all
/// pairs, on polytopes with hundreds of vertices (many 64-bit words per label), sequentially and on two threads.
/// </summary>
public class VertexMatchingTests
{
    [Theory]
    [InlineData(3, 8, 8)]
    [InlineData(2, 9, 7)]
    [InlineData(1, 10, 10)]
    [InlineData(3, 1, 9)]
    [InlineData(3, 9, 1)]
    public void DegenerateMatching_EqualsTheBruteForcePairs(int maxPayoff, int m, int n)
    {
        var rng = new System.Random(4500 + (maxPayoff * 100) + (m * 10) + n);
        int multiWord = 0;
        for (int t = 0; t < 4; t++)
        {
            ExactBimatrixGame game = VertexTestGames.Exact(m, n, (_, _) => rng.Next(0, maxPayoff + 1), (_, _) => rng.Next(0, maxPayoff + 1));
            (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(game);
            VertexSet p = VertexTiers.Enumerate(cp, n, m, 0, VertexTier.Auto, CancellationToken.None)!;
            VertexSet q = VertexTiers.Enumerate(cq, m, n, m, VertexTier.Auto, CancellationToken.None)!;
            multiWord += q.Count > 64 ? 1 : 0;
            ulong all = (1UL << (m + n)) - 1;
            var expected = new List<(int X, int Y)>();
            for (int x = 0; x < p.Count; x++)
            {
                for (int y = 0; y < q.Count; y++)
                {
                    if (!p.IsZero(x) && !q.IsZero(y) && (p.Labels(x) | q.Labels(y)) == all)
                    {
                        expected.Add((x, y));
                    }
                }
            }

            if (!p.Degenerate && !q.Degenerate)
            {
                continue; // the hash path; covered by the reference tests
            }

            foreach (int threads in new[] { 1, 2 })
            {
                List<(int X, int Y)> pairs = VertexMatching.Match(p, q, m + n, threads, CancellationToken.None, out bool cancelled);
                Assert.False(cancelled);
                Assert.Equal(expected, pairs);
            }
        }

        if (m > 1 && n > 1 && maxPayoff > 1)
        {
            Assert.True(multiWord > 0, "no polytope with more than 64 vertices drawn");
        }
    }
}
