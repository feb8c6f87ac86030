using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The arithmetic tiers of vertex enumeration (64-bit, fixed-width multi-limb, BigInteger): each operation against
/// BigInteger, overflow detection at the tier boundaries, and whole searches forced into each tier, which must give
/// identical vertex sets and the reference's equilibria.
/// </summary>
public class VertexArithmeticTierTests
{
    private static readonly VertexTier[] Tiers =
    [
        VertexTier.Long, VertexTier.Wide128, VertexTier.Wide256, VertexTier.Wide512, VertexTier.Wide768,
        VertexTier.Wide1024, VertexTier.Wide1536, VertexTier.Big,
    ];

    private static BigInteger RandomBig(System.Random rng, int bits)
    {
        if (bits <= 0)
        {
            return BigInteger.Zero;
        }

        var bytes = new byte[(bits / 8) + 2];
        rng.NextBytes(bytes);
        bytes[^1] = 0;
        BigInteger v = new BigInteger(bytes) >> ((bytes.Length * 8) - 8 - bits);
        return rng.Next(2) == 0 ? v : -v;
    }

    private static void CheckOperations<TLimbs, TOps>(int seed, int safe)
        where TLimbs : struct
        where TOps : struct, IVertexArithmetic<TLimbs>
    {
        BigInteger limit = BigInteger.One << safe;
        var rng = new System.Random(seed);

        // Conversions at the edge of the safe range.
        foreach (BigInteger v in new[] { BigInteger.Zero, BigInteger.One, BigInteger.MinusOne, limit - 1, 1 - limit, (BigInteger)long.MinValue, (BigInteger)ulong.MaxValue })
        {
            Assert.True(TOps.TryFrom(v, out TLimbs x));
            Assert.Equal(v, TOps.ToBig(x));
            Assert.Equal(v.Sign, TOps.Sign(x));
            Assert.Equal(-v, TOps.ToBig(TOps.Negate(x)));
        }

        Assert.False(TOps.TryFrom(limit, out _));
        Assert.False(TOps.TryFrom(-limit, out _));

        for (int t = 0; t < 400; t++)
        {
            // CompareProducts on operands of every size up to the safe range.
            BigInteger[] o = new BigInteger[4];
            for (int k = 0; k < 4; k++)
            {
                o[k] = RandomBig(rng, rng.Next(safe + 1));
            }

            if (t % 5 == 0)
            {
                o[2] = o[0];
                o[3] = o[1];
            }

            TLimbs[] w = Convert<TLimbs, TOps>(o);
            int expected = (o[0] * o[1]).CompareTo(o[2] * o[3]);
            Assert.Equal(expected, TOps.CompareProducts(in w[0], in w[1], in w[2], in w[3]));

            // A Bareiss step with exact division: a = d·α, c = d·γ, so (a·p − b·c)/d = α·p − b·γ.
            int half = rng.Next(1, (safe / 2) + 2);
            BigInteger d = BigInteger.Abs(RandomBig(rng, rng.Next(1, safe / 2))) << rng.Next(0, 40);
            if (d.IsZero)
            {
                d = BigInteger.One;
            }

            BigInteger alpha = RandomBig(rng, half), gamma = RandomBig(rng, half), p = RandomBig(rng, half), b = RandomBig(rng, half);
            BigInteger a = d * alpha, c = d * gamma;
            if (BigInteger.Abs(a) >= limit || BigInteger.Abs(c) >= limit || BigInteger.Abs(d) >= limit)
            {
                continue;
            }

            CheckPivot<TLimbs, TOps>(a, p, b, c, d, safe);
        }

        // Crafted boundary quotients: the largest safe value passes with power-of-two divisors, one more fails.
        foreach (int shift in new[] { 0, 1, 63, 64, 65, safe / 2 })
        {
            BigInteger d = BigInteger.One << shift;
            foreach (BigInteger q in new[] { limit - 1, 1 - limit })
            {
                // (a·p − b·c)/d = q with a = d, p = q, b = c = 0 when q·d fits; else a = q, p = d.
                Assert.True(TOps.TryFrom(q, out TLimbs qw));
                Assert.True(TOps.TryFrom(d, out TLimbs dw));
                Assert.True(TOps.TryPivot(in qw, in dw, in qw, default, TOps.PrepareDivisor(dw), out TLimbs r));
                Assert.Equal(q, TOps.ToBig(r));
            }

            // (2^(safe−1) · 2d − 0) / d = 2^safe leaves the safe range, so overflow must be reported.
            Assert.True(TOps.TryFrom(BigInteger.One << (safe - 1), out TLimbs half));
            Assert.True(TOps.TryFrom(2 * d, out TLimbs twoD));
            Assert.True(TOps.TryFrom(d, out TLimbs dv));
            Assert.False(TOps.TryPivot(in half, in twoD, in half, default, TOps.PrepareDivisor(dv), out _));
        }

        // Near-maximal products in both signs: the numerator uses all 2L limbs.
        for (int t = 0; t < 50; t++)
        {
            BigInteger d = limit - 1 - rng.Next(1000);
            BigInteger alpha = rng.Next(-3, 4), gamma = rng.Next(-3, 4);
            BigInteger p = limit - 1 - rng.Next(1000), b = -(limit - 1 - rng.Next(1000));
            CheckPivot<TLimbs, TOps>(d * alpha is var a && BigInteger.Abs(a) < limit ? a : d, p, b, d * gamma is var c && BigInteger.Abs(c) < limit ? c : d, d, safe);
        }
    }

    private static TLimbs[] Convert<TLimbs, TOps>(BigInteger[] values)
        where TLimbs : struct
        where TOps : struct, IVertexArithmetic<TLimbs>
    {
        var w = new TLimbs[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            Assert.True(TOps.TryFrom(values[k], out w[k]));
        }

        return w;
    }

    /// <summary>
    /// Success must give the exact quotient (within the safe range); overflow may be reported only when the true
    /// quotient is at least 2^(safe − 2) in magnitude (the documented slack of the bit-length test).
    /// </summary>
    private static void CheckPivot<TLimbs, TOps>(BigInteger a, BigInteger p, BigInteger b, BigInteger c, BigInteger d, int safe)
        where TLimbs : struct
        where TOps : struct, IVertexArithmetic<TLimbs>
    {
        BigInteger numerator = (a * p) - (b * c);
        if (numerator % d != 0)
        {
            return; // only exact divisions are ever asked for
        }

        BigInteger q = numerator / d;
        TLimbs[] w = Convert<TLimbs, TOps>([a, p, b, c, d]);
        bool ok = TOps.TryPivot(in w[0], in w[1], in w[2], in w[3], TOps.PrepareDivisor(w[4]), out TLimbs r);
        if (ok)
        {
            Assert.Equal(q, TOps.ToBig(r));
            Assert.True(BigInteger.Abs(q).GetBitLength() <= safe);
        }
        else
        {
            Assert.True(BigInteger.Abs(q) >= BigInteger.One << (safe - 2), $"overflow reported for a {BigInteger.Abs(q).GetBitLength()}-bit quotient");
        }
    }

    [Fact]
    public void WideAndInt128Operations_EqualBigInteger_AndDetectOverflowAtTheBoundary()
    {
        CheckOperations<Int128, VertexInt128Arithmetic>(7, VertexInt128Arithmetic.SafeBits);
        CheckOperations<VertexLimbs2, VertexWideArithmetic<VertexLimbs2>>(1, VertexWideArithmetic<VertexLimbs2>.SafeBits);
        CheckOperations<VertexLimbs4, VertexWideArithmetic<VertexLimbs4>>(2, VertexWideArithmetic<VertexLimbs4>.SafeBits);
        CheckOperations<VertexLimbs8, VertexWideArithmetic<VertexLimbs8>>(3, VertexWideArithmetic<VertexLimbs8>.SafeBits);
        CheckOperations<VertexLimbs12, VertexWideArithmetic<VertexLimbs12>>(4, VertexWideArithmetic<VertexLimbs12>.SafeBits);
        CheckOperations<VertexLimbs16, VertexWideArithmetic<VertexLimbs16>>(5, VertexWideArithmetic<VertexLimbs16>.SafeBits);
        CheckOperations<VertexLimbs24, VertexWideArithmetic<VertexLimbs24>>(6, VertexWideArithmetic<VertexLimbs24>.SafeBits);
    }

    [Fact]
    public void LongTier_DetectsOverflowJustAboveTwoToThe62()
    {
        long limit = VertexLongArithmetic.Limit;
        VertexDivisor<long> one = VertexLongArithmetic.PrepareDivisor(1);
        Assert.True(VertexLongArithmetic.TryPivot(limit, 1, 0, 0, in one, out long r));
        Assert.Equal(limit, r);
        Assert.False(VertexLongArithmetic.TryPivot(limit, 2, 1, 1, in one, out _)); // 2^63 − 1
        Assert.True(VertexLongArithmetic.TryPivot(limit, 2, 0, 0, VertexLongArithmetic.PrepareDivisor(2), out r));
        Assert.Equal(limit, r);
        Assert.False(VertexLongArithmetic.TryPivot(limit, limit, -limit, limit, VertexLongArithmetic.PrepareDivisor(limit), out _)); // 2^63
    }

    /// <summary>Payoff families sized to land in each tier.</summary>
    private static ExactBimatrixGame MakeGame(System.Random rng, int kind, int m, int n) => kind switch
    {
        0 => ExactBimatrixGame.FromDouble(VertexTestGames.Random(rng, m, n, smallIntegers: true)),
        1 => VertexTestGames.Exact(m, n, (_, _) => rng.Next(0, 1_000_001), (_, _) => rng.Next(0, 1_000_001)),
        2 => ExactBimatrixGame.FromDouble(VertexTestGames.RandomFullPrecision(rng, m, n)),
        _ => VertexTestGames.Exact(m, n,
            (_, _) => new Rational(rng.Next(1, 1_000_000), BigInteger.Pow(10, 18) + rng.Next(3)),
            (_, _) => new Rational(rng.Next(1, 1_000_000), BigInteger.Pow(7, 22) - rng.Next(3))),
    };

    // Every tier on the same games: identical equilibria, identical to the reference (m + n ≤ 12).
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryTier_GivesTheReferenceEquilibria(int kind)
    {
        var rng = new System.Random(700 + kind);
        for (int t = 0; t < 4; t++)
        {
            int m = rng.Next(1, 6), n = rng.Next(1, 6);
            if (t == 0)
            {
                (m, n) = (6, 6);
            }

            ExactBimatrixGame game = MakeGame(rng, kind, m, n);
            SolveResult reference = NashFast.Reference.ReferenceSolver.Solve(game);
            foreach (VertexTier tier in Tiers)
            {
                VertexTestGames.AssertSame(reference, VertexEnumeration.Solve(game, null, tier), $"kind {kind} game {t} ({m}x{n}) tier {tier}");
            }
        }
    }

    // Both polytopes searched in every tier: the same vertices (labels and integer coordinates) in the same order, and
    // a forced tier is the one that finishes exactly when the entries fit it (else a wider one took over).
    [Theory]
    [InlineData(0, 7)]
    [InlineData(1, 7)]
    [InlineData(2, 6)]
    [InlineData(3, 5)]
    public void EveryTier_FindsIdenticalVertexSets(int kind, int size)
    {
        var rng = new System.Random(900 + kind);
        ExactBimatrixGame game = MakeGame(rng, kind, size, size + 1);
        (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(game);
        int m = game.Rows, n = game.Columns;
        VertexSet bigP = VertexTiers.Enumerate(cp, n, m, 0, VertexTier.Big, CancellationToken.None)!;
        VertexSet bigQ = VertexTiers.Enumerate(cq, m, n, m, VertexTier.Big, CancellationToken.None)!;
        int maxBits = Math.Max(MaxEntryBits(bigP), MaxEntryBits(bigQ));
        VertexTier auto = VertexTiers.Enumerate(cp, n, m, 0, VertexTier.Auto, CancellationToken.None)!.Tier;
        Assert.True(auto == VertexTier.Float || auto == VertexTiers.ForBits(VertexTiers.EntryBitsBound(cp, n, m)), "auto: the certified float search, else the exact tier the bound names");
        foreach (VertexTier tier in Tiers)
        {
            VertexSet p = VertexTiers.Enumerate(cp, n, m, 0, tier, CancellationToken.None)!;
            VertexSet q = VertexTiers.Enumerate(cq, m, n, m, tier, CancellationToken.None)!;
            VertexTestGames.AssertSameVertices(bigP, p, $"P tier {tier}");
            VertexTestGames.AssertSameVertices(bigQ, q, $"Q tier {tier}");
            Assert.True(p.Tier >= tier && q.Tier >= tier);
            if (maxBits > (long)SafeBits(tier) + 1)
            {
                // Some coordinate cannot be held by the forced tier, so it must have detected overflow and widened.
                Assert.True(p.Tier > tier || q.Tier > tier, $"tier {tier} kept {maxBits}-bit coordinates");
            }

            if (tier != VertexTier.Long && SafeBits(tier) - 2 >= MaxBitsBound(cp, cq, m, n))
            {
                Assert.Equal(tier, p.Tier);
                Assert.Equal(tier, q.Tier);
            }
        }

        // The payoff families really do exercise different tiers.
        VertexTier expected = kind switch { 0 => VertexTier.Long, 1 => VertexTier.Wide256, 2 => VertexTier.Wide512, _ => VertexTier.Wide1536 };
        Assert.True(VertexTiers.ForBits(VertexTiers.EntryBitsBound(cp, n, m)) <= expected, $"bound for kind {kind}: {VertexTiers.EntryBitsBound(cp, n, m)} bits; largest coordinate {maxBits} bits");
    }

    private static double MaxBitsBound(BigInteger[] cp, BigInteger[] cq, int m, int n) =>
        Math.Max(VertexTiers.EntryBitsBound(cp, n, m), VertexTiers.EntryBitsBound(cq, m, n));

    private static int SafeBits(VertexTier tier) => tier switch
    {
        VertexTier.Wide128 => 126,
        VertexTier.Wide256 => 254,
        VertexTier.Wide512 => 510,
        VertexTier.Wide768 => 766,
        VertexTier.Wide1024 => 1022,
        VertexTier.Wide1536 => 1534,
        VertexTier.Big => int.MaxValue,
        _ => 62,
    };

    private static int MaxEntryBits(VertexSet set)
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
}
