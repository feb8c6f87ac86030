using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The vertex search's bookkeeping paths, each against an independent run: the 64-bit tier's small-entry fast path
/// (plain long products, division by shift and inverse) and its hand-over to 128-bit products when entries grow past
/// 2^30, the dictionaries kept along the DFS path versus pivoting in place and back beyond the level budget, and the
/// shared pool of level arrays under concurrent searches.
/// </summary>
public class VertexSearchPathTests
{
    private static ExactBimatrixGame IntegerGame(System.Random rng, int m, int n, int maxPayoff) =>
        VertexTestGames.Exact(m, n, (_, _) => rng.Next(0, maxPayoff + 1), (_, _) => rng.Next(0, maxPayoff + 1));

    private static int MaxCoordinateBits(VertexSet set)
    {
        long bits = 0;
        for (int v = 0; v < set.Count; v++)
        {
            foreach (BigInteger c in set.Coordinates(v))
            {
                bits = Math.Max(bits, c.GetBitLength());
            }
        }

        return (int)bits;
    }

    // Payoffs from 0..1 up to 0..2^20: the 64-bit tier starts in small mode and, for the larger payoffs, must leave it
    // mid-search (coordinates above 2^30 are entries above 2^30); every vertex, in order, as BigInteger finds them.
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(255)]
    [InlineData(1 << 12)]
    [InlineData(1 << 20)]
    public void LongTier_SmallAndWideEntries_GiveTheBigIntegerVertices(int maxPayoff)
    {
        var rng = new System.Random(4100 + maxPayoff);
        int crossed = 0;
        for (int t = 0; t < 12; t++)
        {
            // 20-bit payoffs: 3 or 4 strategies, so that full-support coordinates (3×3 minors) pass 2^31 while most
            // searches still fit 2^62.
            (int m, int n) = maxPayoff > 1 << 12 ? (rng.Next(3, 5), rng.Next(3, 5)) : (rng.Next(1, 8), rng.Next(1, 8));
            ExactBimatrixGame game = IntegerGame(rng, m, n, maxPayoff);
            (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(game);
            foreach ((BigInteger[] c, int k, int d, int shift, string name) in new[] { (cp, n, m, 0, "P"), (cq, m, n, m, "Q") })
            {
                VertexSet big = VertexSearch<BigInteger, VertexBigArithmetic>.Run(c, k, d, shift, CancellationToken.None)!;
                VertexSet? small = VertexSearch<long, VertexLongArithmetic>.Run(c, k, d, shift, CancellationToken.None);
                if (small is null)
                {
                    // Overflowed 2^62: only possible when some coordinate needs that many bits.
                    Assert.True(MaxCoordinateBits(big) > 30, $"{name} of game {t}: long tier overflowed on small entries");
                    continue;
                }

                VertexTestGames.AssertSameVertices(big, small, $"0..{maxPayoff} game {t} ({m}x{n}) {name}");
                crossed += MaxCoordinateBits(big) > 31 ? 1 : 0;
            }
        }

        if (maxPayoff >= 1 << 12)
        {
            Assert.True(crossed > 0, "no search left the small-entry range");
        }
    }

    // A level budget of 2, 3 or 5 dictionaries forces the in-place pivot and pivot back for every deeper basis.
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void SmallLevelBudget_GivesTheSameVertices_InEveryArithmetic(int maxLevels)
    {
        var rng = new System.Random(4200 + maxLevels);
        for (int t = 0; t < 10; t++)
        {
            int m = rng.Next(1, 8), n = rng.Next(1, 8);
            ExactBimatrixGame game = IntegerGame(rng, m, n, t % 2 == 0 ? 3 : 1_000_000);
            (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(game);
            foreach ((BigInteger[] c, int k, int d, int shift, string name) in new[] { (cp, n, m, 0, "P"), (cq, m, n, m, "Q") })
            {
                string what = $"budget {maxLevels} game {t} ({m}x{n}) {name}";
                VertexSet big = VertexSearch<BigInteger, VertexBigArithmetic>.Run(c, k, d, shift, CancellationToken.None)!;
                VertexTestGames.AssertSameVertices(big, VertexSearch<BigInteger, VertexBigArithmetic>.Run(c, k, d, shift, CancellationToken.None, maxLevels)!, what + " big");
                VertexTestGames.AssertSameVertices(big, VertexSearch<Int128, VertexInt128Arithmetic>.Run(c, k, d, shift, CancellationToken.None, maxLevels)!, what + " int128");
                VertexSet? narrow = VertexSearch<long, VertexLongArithmetic>.Run(c, k, d, shift, CancellationToken.None, maxLevels);
                if (narrow is not null)
                {
                    VertexTestGames.AssertSameVertices(big, narrow, what + " long");
                }
            }
        }
    }

    // Degenerate 0..3 games of every shape with m + n ≤ 12 (1×n and n×1 included), against the reference.
    [Fact]
    public void SmallIntegerGames_OfEveryShape_EqualTheReference()
    {
        var rng = new System.Random(4300);
        foreach (int maxPayoff in new[] { 1, 2, 3 })
        {
            for (int m = 1; m <= 7; m++)
            {
                for (int n = 1; m + n <= (m == 1 || n == 1 ? 12 : 10); n++)
                {
                    ExactBimatrixGame game = IntegerGame(rng, m, n, maxPayoff);
                    VertexTestGames.AssertSameAsReference(game, VertexEnumeration.Solve(game), $"0..{maxPayoff} {m}x{n}");
                }
            }
        }
    }

    // Many searches at once share the pool of level arrays: every result equals the one-at-a-time result.
    [Fact]
    public void ConcurrentSolves_EqualSequentialSolves()
    {
        var rng = new System.Random(4400);
        ExactBimatrixGame[] games = new ExactBimatrixGame[24];
        for (int g = 0; g < games.Length; g++)
        {
            games[g] = IntegerGame(rng, 4 + (g % 5), 4 + ((g * 3) % 5), g % 3 == 0 ? 1_000 : 3);
        }

        SolveResult[] sequential = games.Select(g => VertexEnumeration.Solve(g)).ToArray();
        var concurrent = new SolveResult[games.Length];
        var options = new SolveOptions { MaxDegreeOfParallelism = 2 };
        Parallel.For(0, games.Length * 3, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            int g = i % games.Length;
            SolveResult r = VertexEnumeration.Solve(games[g], options);
            VertexTestGames.AssertSame(sequential[g], r, $"game {g}, run {i / games.Length}");
            concurrent[g] = r;
        });
        Assert.All(concurrent, Assert.NotNull);
    }

    // With two threads the second polytope's search runs on a pool thread or, when none has started it in time, on the
    // caller: both hand-offs give the one-thread answer, also while every pool thread is blocked.
    [Fact]
    public async Task TwoThreads_WithASaturatedPool_EqualOneThread()
    {
        var rng = new System.Random(4600);
        ExactBimatrixGame game = IntegerGame(rng, 7, 7, 3);
        SolveResult expected = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 1 });
        using var release = new ManualResetEventSlim(false);
        ThreadPool.GetMinThreads(out int workers, out _);
        var blockers = new List<Task>();
        try
        {
            for (int b = 0; b < workers + 2; b++)
            {
                blockers.Add(Task.Run(() => release.Wait(TimeSpan.FromSeconds(30))));
            }

            VertexTestGames.AssertSame(expected, VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 2 }), "saturated pool");
        }
        finally
        {
            release.Set();
        }

        await Task.WhenAll(blockers);
        for (int run = 0; run < 5; run++)
        {
            VertexTestGames.AssertSame(expected, VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 2 }), $"free pool, run {run}");
        }
    }
}
