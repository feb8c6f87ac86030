using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The certified floating-point vertex search: forced alone (<see cref="VertexTier.Float"/>) it either gives up or
/// returns exactly what the exact tiers return; it does complete on continuous random games; it gives up on every
/// degenerate game; and Auto (float first, exact fallback) stays exact on adversarial games.
/// </summary>
public class VertexFloatSearchTests
{
    private static readonly SolveOptions Sequential = new() { MaxDegreeOfParallelism = 1 };

    /// <summary>The exact tier the pivot bound names for the game (what Auto ran before the float search).</summary>
    private static VertexTier ExactTier(ExactBimatrixGame game)
    {
        (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(game);
        double bits = Math.Max(VertexTiers.EntryBitsBound(cp, game.Columns, game.Rows), VertexTiers.EntryBitsBound(cq, game.Rows, game.Columns));
        return VertexTiers.ForBits(bits);
    }

    private static BimatrixGame Normal(System.Random rng, int m, int n)
    {
        double Next() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var a = new double[m * n];
        var b = new double[m * n];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = Next();
            b[k] = Next();
        }

        return BimatrixGame.FromRowMajor(m, n, a, b);
    }

    /// <summary>Float alone vs the exact tier: null, or the same equilibria (exactly) and degenerate flag.</summary>
    private static bool FloatMatchesExact(ExactBimatrixGame game, string what)
    {
        SolveResult exact = VertexEnumeration.Solve(game, Sequential, ExactTier(game));
        SolveResult? fl = VertexEnumeration.SolveFloatOnly(game, Sequential);
        SolveResult auto = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 2 });
        VertexTestGames.AssertSame(exact, auto, what + " (auto)");
        if (fl is null)
        {
            return false;
        }

        VertexTestGames.AssertSame(exact, fl, what + " (float)");
        Assert.False(fl.Degenerate, what + ": the float search completed, so no vertex was degenerate");
        return true;
    }

    [Fact]
    public void ContinuousRandomGames_FloatEqualsExactAndUsuallyCompletes()
    {
        var rng = new System.Random(2026);
        var shapes = new List<(int M, int N)> { (1, 1), (1, 5), (5, 1), (1, 9), (9, 1), (2, 7), (7, 2), (3, 8), (8, 3), (6, 9) };
        for (int n = 2; n <= 10; n++)
        {
            shapes.Add((n, n));
            shapes.Add((n, n + 1));
        }

        int games = 0, completed = 0;
        foreach ((int m, int n) in shapes)
        {
            int repeats = m * n <= 36 ? 6 : m * n <= 80 ? 2 : 1;
            for (int t = 0; t < repeats; t++)
            {
                foreach (bool normal in new[] { false, true })
                {
                    BimatrixGame g = normal ? Normal(rng, m, n) : VertexTestGames.RandomFullPrecision(rng, m, n);
                    games++;
                    completed += FloatMatchesExact(ExactBimatrixGame.FromDouble(g), $"{m}x{n} {(normal ? "normal" : "uniform")} #{t}") ? 1 : 0;
                }
            }
        }

        // Continuous payoffs give simple polytopes with probability one; giving up must stay the exception.
        Assert.True(completed >= games * 9 / 10, $"float search completed on {completed} of {games} continuous games");
    }

    [Fact]
    public void FloatVertices_HaveTheExactTiersLabelsAndCoordinates()
    {
        var rng = new System.Random(77);
        for (int t = 0; t < 12; t++)
        {
            int m = rng.Next(1, 8), n = rng.Next(1, 8);
            ExactBimatrixGame game = ExactBimatrixGame.FromDouble(VertexTestGames.RandomFullPrecision(rng, m, n));
            (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(game);
            foreach ((BigInteger[] c, int k, int d, int shift) in new[] { (cp, n, m, 0), (cq, m, n, m) })
            {
                VertexSet? fl = VertexTiers.Enumerate(c, k, d, shift, VertexTier.Float, CancellationToken.None);
                VertexSet exact = VertexTiers.Enumerate(c, k, d, shift, VertexTier.Big, CancellationToken.None)!;
                Assert.NotNull(fl);
                Assert.Equal(VertexTier.Float, fl.Tier);
                Assert.Equal(exact.Count, fl.Count);
                var byLabels = new Dictionary<ulong, int>();
                for (int v = 0; v < exact.Count; v++)
                {
                    byLabels.Add(exact.Labels(v), v);
                }

                for (int v = 0; v < fl.Count; v++)
                {
                    Assert.True(byLabels.TryGetValue(fl.Labels(v), out int e), $"{m}x{n}: float vertex {v} has labels the exact search never found");
                    Assert.Equal(exact.IsZero(e), fl.IsZero(v));
                    if (!fl.IsZero(v))
                    {
                        // Same point: coordinates proportional (each set has its own common denominator).
                        BigInteger[] a = fl.Coordinates(v), b = exact.Coordinates(e);
                        for (int i = 0; i < d; i++)
                        {
                            Assert.True(a[i].Sign >= 0);
                            Assert.Equal(a[i] * b.Aggregate(BigInteger.Zero, (s, x) => s + x), b[i] * a.Aggregate(BigInteger.Zero, (s, x) => s + x));
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Every way the search can give a level its entries back or recompute a tableau — pivots back, recomputation
    /// from the anchor, recomputation from C — yields the exact tier's vertices (same labels, same zero vertex), or
    /// null (only on small-integer games, always on a degenerate polytope); and each way is actually taken.
    /// </summary>
    [Fact]
    public void BacktrackingAndRecomputationPaths_AllGiveTheExactVertices()
    {
        var rng = new System.Random(4242);
        (int Back, int Anchor)[] settings = [(VertexFloatSearch.DefaultMaxPivotsBack, VertexFloatSearch.DefaultMaxAnchorExchanges), (0, -1), (1000, 1000), (1, 0)];
        var refreshes = new long[settings.Length];
        var anchored = new long[settings.Length];
        var materialised = new long[settings.Length];
        int searches = 0, completed = 0, degenerateGaveUp = 0;
        for (int t = 0; t < 14; t++)
        {
            int m = rng.Next(3, 10), n = rng.Next(3, 10);
            bool ints = t % 5 == 4;
            ExactBimatrixGame game = ExactBimatrixGame.FromDouble(ints ? VertexTestGames.Random(rng, m, n, smallIntegers: true) : VertexTestGames.RandomFullPrecision(rng, m, n));
            (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(game);
            foreach ((BigInteger[] c, int k, int d, int shift) in new[] { (cp, n, m, 0), (cq, m, n, m) })
            {
                VertexSet exact = VertexTiers.Enumerate(c, k, d, shift, VertexTier.Big, CancellationToken.None)!;
                var expected = new SortedDictionary<ulong, bool>();
                for (int v = 0; v < exact.Count; v++)
                {
                    expected[exact.Labels(v)] = exact.IsZero(v);
                }

                for (int i = 0; i < settings.Length; i++)
                {
                    searches++;
                    VertexSet? fl = VertexFloatSearch.Run(c, k, d, shift, CancellationToken.None, out VertexFloatSearchStats stats, settings[i].Back, settings[i].Anchor);
                    refreshes[i] += stats.Refreshes;
                    anchored[i] += stats.AnchorRefreshes;
                    materialised[i] += stats.Materialisations;
                    if (fl is null)
                    {
                        // Small integers may also leave an exact zero entry, which no radius can certify non-positive.
                        Assert.True(ints, $"{m}x{n} #{t} setting {i}: the float search gave up on a continuous game");
                        degenerateGaveUp += exact.Degenerate ? 1 : 0;
                        continue;
                    }

                    completed++;
                    Assert.False(exact.Degenerate, $"{m}x{n} #{t} setting {i}: completed on a degenerate polytope");
                    var found = new SortedDictionary<ulong, bool>();
                    for (int v = 0; v < fl.Count; v++)
                    {
                        found.Add(fl.Labels(v), fl.IsZero(v)); // throws on a vertex found twice
                    }

                    Assert.Equal(expected, found);
                }
            }
        }

        Assert.True(completed > searches / 2, $"completed {completed} of {searches}");
        Assert.True(degenerateGaveUp > 0, "no degenerate polytope drawn: giving up was not exercised");
        Assert.True(anchored[0] > 0 && refreshes[0] > anchored[0], $"default: {anchored[0]} of {refreshes[0]} recomputations from the anchor; both kinds must occur");
        Assert.Equal(0, anchored[1]);
        Assert.True(materialised[1] > 0 && refreshes[1] >= materialised[1], $"no pivots back: every one of {materialised[1]} restored levels must be recomputed ({refreshes[1]})");
        Assert.True(materialised[2] > 0, "no level needed its entries back");
    }

    /// <summary>
    /// Batched neighbour lookups (used for visited tables past the cache) and one lookup per neighbour at its turn
    /// take the same traversal: the same vertices in the same order with the same work, equal to the exact tier's.
    /// </summary>
    [Fact]
    public void BatchedAndUnbatchedLookups_TakeTheSameTraversal()
    {
        var rng = new System.Random(777);
        int compared = 0;
        for (int t = 0; t < 12; t++)
        {
            int m = rng.Next(1, 10), n = rng.Next(1, 10);
            ExactBimatrixGame game = ExactBimatrixGame.FromDouble(t % 4 == 3 ? VertexTestGames.Random(rng, m, n, smallIntegers: true) : VertexTestGames.RandomFullPrecision(rng, m, n));
            (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(game);
            foreach ((BigInteger[] c, int k, int d, int shift) in new[] { (cp, n, m, 0), (cq, m, n, m) })
            {
                VertexSet? batched = VertexFloatSearch.Run(c, k, d, shift, CancellationToken.None, out VertexFloatSearchStats batchedStats, batchLookupSlots: 0);
                VertexSet? single = VertexFloatSearch.Run(c, k, d, shift, CancellationToken.None, out VertexFloatSearchStats singleStats, batchLookupSlots: int.MaxValue);
                Assert.Equal(batched is null, single is null);
                Assert.Equal(batchedStats, singleStats);
                if (batched is null || single is null)
                {
                    continue;
                }

                compared++;
                VertexSet exact = VertexTiers.Enumerate(c, k, d, shift, VertexTier.Big, CancellationToken.None)!;
                Assert.Equal(exact.Count, single.Count);
                var expected = new HashSet<ulong>();
                for (int v = 0; v < exact.Count; v++)
                {
                    expected.Add(exact.Labels(v));
                }

                Assert.Equal(batched.Count, single.Count);
                for (int v = 0; v < single.Count; v++)
                {
                    Assert.Equal(batched.Labels(v), single.Labels(v));
                    Assert.Equal(batched.IsZero(v), single.IsZero(v));
                    Assert.Contains(single.Labels(v), expected);
                }
            }
        }

        Assert.True(compared >= 12, $"only {compared} polytopes completed");
    }

    public static TheoryData<string> AdversarialKinds() =>
        ["int0to3", "ties", "duplicated", "constant", "zeros", "huge-tiny", "dyadic-tiny", "mixed-scale"];

    [Theory]
    [MemberData(nameof(AdversarialKinds))]
    public void AdversarialGames_GiveUpWhenDegenerate_AndAutoStaysExact(string kind)
    {
        var rng = new System.Random(kind.Aggregate(17, (h, ch) => (h * 31) + ch)); // stable across runs (string hashes are randomised)
        int degenerate = 0;
        for (int t = 0; t < 12; t++)
        {
            int m = rng.Next(1, 7), n = rng.Next(1, 7);
            ExactBimatrixGame game = Adversarial(rng, kind, m, n);
            SolveResult exact = VertexEnumeration.Solve(game, Sequential, VertexTier.Big);
            SolveResult? fl = VertexEnumeration.SolveFloatOnly(game, Sequential);
            VertexTestGames.AssertSame(exact, VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 2 }), $"{kind} {m}x{n} #{t} (auto)");
            if (exact.Degenerate)
            {
                degenerate++;
                Assert.True(fl is null, $"{kind} {m}x{n} #{t}: the float search completed on a degenerate game");
            }
            else if (fl is not null)
            {
                VertexTestGames.AssertSame(exact, fl, $"{kind} {m}x{n} #{t} (float)");
            }

            if (kind == "huge-tiny" && m * n > 1)
            {
                Assert.True(fl is null, "payoffs 1e300 and 1e-300 in one matrix exceed the float search's range");
            }
        }

        if (kind is "int0to3" or "ties" or "duplicated" or "constant")
        {
            Assert.True(degenerate > 0, $"{kind}: no degenerate game drawn, the test would prove nothing");
        }
    }

    private static ExactBimatrixGame Adversarial(System.Random rng, string kind, int m, int n)
    {
        double[] a = RandomMatrix(rng, m, n), b = RandomMatrix(rng, m, n);
        switch (kind)
        {
            case "int0to3":
                for (int k = 0; k < a.Length; k++)
                {
                    a[k] = rng.Next(4);
                    b[k] = rng.Next(4);
                }

                break;
            case "ties":
                // Each column of A has a tie for the best response; B likewise by rows.
                for (int j = 0; j < n && m > 1; j++)
                {
                    a[j] = a[n + j] = 2;
                }

                for (int i = 0; i < m && n > 1; i++)
                {
                    b[i * n] = b[(i * n) + 1] = 2;
                }

                break;
            case "duplicated":
                if (m > 1)
                {
                    Array.Copy(a, 0, a, n, n);
                    Array.Copy(b, 0, b, n, n);
                }
                else if (n > 1)
                {
                    a[1] = a[0];
                    b[1] = b[0];
                }

                break;
            case "constant":
                for (int j = 0; j < n; j++)
                {
                    b[j] = 0.5; // row 0 of B constant: that row strategy makes the column player indifferent
                }

                for (int i = 0; i < m; i++)
                {
                    a[i * n] = 0.25; // column 0 of A constant
                }

                break;
            case "zeros":
                for (int k = 0; k < a.Length; k++)
                {
                    if (rng.Next(2) == 0)
                    {
                        a[k] = 0;
                    }

                    if (rng.Next(2) == 0)
                    {
                        b[k] = 0;
                    }
                }

                break;
            case "huge-tiny":
                a[0] = 1e300;
                a[^1] = 1e-300;
                b[0] = 1e-300;
                b[^1] = 1e300;
                break;
            case "dyadic-tiny":
                for (int k = 0; k < a.Length; k++)
                {
                    a[k] = rng.Next(3) * Math.ScaleB(1.0, -1000) + (rng.Next(2) == 0 ? 1 : 0);
                    b[k] = rng.Next(3) * Math.ScaleB(1.0, -1000);
                }

                break;
            case "mixed-scale":
                for (int k = 0; k < a.Length; k++)
                {
                    a[k] = Math.ScaleB(a[k], rng.Next(-200, 200));
                    b[k] = Math.ScaleB(b[k], rng.Next(-200, 200));
                }

                break;
            default:
                throw new ArgumentException(kind);
        }

        return ExactBimatrixGame.FromDouble(BimatrixGame.FromRowMajor(m, n, a, b));
    }

    private static double[] RandomMatrix(System.Random rng, int m, int n)
    {
        var x = new double[m * n];
        for (int k = 0; k < x.Length; k++)
        {
            x[k] = rng.NextDouble();
        }

        return x;
    }

    [Fact]
    public void Cancellation_StopsTheFloatSearchWithATruncatedSet()
    {
        ExactBimatrixGame game = ExactBimatrixGame.FromDouble(VertexTestGames.RandomFullPrecision(new System.Random(5), 8, 8));
        (BigInteger[] cp, _) = VertexPolytopes.Build(game);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        VertexSet? set = VertexTiers.Enumerate(cp, 8, 8, 0, VertexTier.Float, cts.Token);
        Assert.NotNull(set);
        Assert.True(set.Truncated);
    }
}

/// <summary>The visited-basis set against <see cref="HashSet{T}"/> through several growths.</summary>
public class VertexBasisSetTests
{
    [Fact]
    public void Add_AgreesWithHashSet()
    {
        var rng = new System.Random(3);
        var set = new VertexBasisSet();
        var reference = new HashSet<ulong>();
        for (int t = 0; t < 20_000; t++)
        {
            // Few distinct high bits so that duplicates and probe collisions are frequent.
            ulong mask = ((ulong)rng.Next(1, 5000) << rng.Next(0, 3)) | (rng.Next(4) == 0 ? 1UL << 63 : 0);
            Assert.Equal(reference.Add(mask), set.Add(mask));
        }

        Assert.Equal(reference.Count, set.Count);
    }

    /// <summary>
    /// Slot arrays go back to the shared pool as the set grows and on Release; a set built afterwards on the same
    /// thread (which gets those very arrays back first) must start empty.
    /// </summary>
    [Fact]
    public void PooledSlots_ComeBackEmpty()
    {
        var rng = new System.Random(5);
        for (int round = 0; round < 3; round++)
        {
            var set = new VertexBasisSet(16);
            var masks = new List<ulong>();
            for (int t = 0; t < 5_000; t++)
            {
                ulong mask = ((ulong)rng.NextInt64() | 1) & ~(1UL << 62);
                masks.Add(mask);
                Assert.True(set.Add(mask));
            }

            set.Release();
            var fresh = new VertexBasisSet(16);
            Assert.Equal(0, fresh.Count);

            // The first masks sat in the 16-slot array (at most half full, so a stale one cannot make this loop).
            for (int t = 0; t < 8; t++)
            {
                Assert.False(fresh.Contains(masks[t]), $"round {round}: a stale mask in a pooled table");
            }

            for (int t = 0; t < 5_000; t++)
            {
                Assert.True(fresh.Add(masks[t] | (1UL << 62)) && !fresh.Contains(masks[(t + 1) % masks.Count]));
            }

            fresh.Release();
        }
    }
}
