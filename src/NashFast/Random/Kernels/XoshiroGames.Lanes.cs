using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NashFast.Internal.Simd;

namespace NashFast.Random.Kernels;

// The vector generators, written once over the width (Internal/Simd): instantiated over Doubles128/Longs128,
// Doubles256/Longs256 and Doubles512/Longs512, each compiles to the instructions of a hand-written width.
internal static partial class XoshiroGames
{
    /// <summary>The generators of Count consecutive blocks, one per lane (xoshiro256++ state words s0..s3).</summary>
    internal struct Lanes<TL>
        where TL : struct, ISimdLongs<TL>
    {
        public TL S0, S1, S2, S3;
    }

    /// <summary>The Vector512 generators as the in-register fold takes them (<see cref="Seed512"/>, <see cref="Uniform512"/>, <see cref="Normal512"/>).</summary>
    internal struct State512
    {
        public Vector512<ulong> S0, S1, S2, S3;
    }

    /// <summary>Seeds lane k with block <c>firstBlock + k</c>'s generator (<see cref="GameStream.BlockGenerator"/>).</summary>
    internal static Lanes<TL> Seed<TL>(ulong seed, ulong firstBlock)
        where TL : struct, ISimdLongs<TL>
    {
        int lanes = TL.Count;
        Span<ulong> s = stackalloc ulong[4 * 8];
        for (int k = 0; k < lanes; k++)
        {
            GameStream.BlockGenerator(seed, firstBlock + (ulong)k).GetState(out s[k], out s[lanes + k], out s[(2 * lanes) + k], out s[(3 * lanes) + k]);
        }

        return new Lanes<TL> { S0 = TL.Create(s[..lanes]), S1 = TL.Create(s[lanes..(2 * lanes)]),
                               S2 = TL.Create(s[(2 * lanes)..(3 * lanes)]), S3 = TL.Create(s[(3 * lanes)..(4 * lanes)]) };
    }

    /// <summary>The 8 Vector512 generators of blocks <c>[firstBlock, firstBlock + 8)</c>.</summary>
    internal static State512 Seed512(ulong seed, ulong firstBlock)
    {
        Lanes<Longs512> g = Seed<Longs512>(seed, firstBlock);
        return new State512 { S0 = g.S0.Value.AsUInt64(), S1 = g.S1.Value.AsUInt64(), S2 = g.S2.Value.AsUInt64(), S3 = g.S3.Value.AsUInt64() };
    }

    /// <summary>The next output of every lane's generator (<see cref="Xoshiro256PlusPlus.Next"/> lane by lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TL Next<TL>(ref Lanes<TL> g)
        where TL : struct, ISimdLongs<TL>
    {
        TL result = TL.RotateLeft(g.S0 + g.S3, 23) + g.S0;
        TL t = g.S1 << 17;
        g.S2 ^= g.S0;
        g.S3 ^= g.S1;
        g.S1 ^= g.S2;
        g.S0 ^= g.S3;
        g.S2 ^= t;
        g.S3 = TL.RotateLeft(g.S3, 45);
        return result;
    }

    /// <summary><see cref="GameStream.ToUnitDouble"/> lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TD Unit<TD, TL>(TL x)
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
        => TD.FromExact53(x >>> 11) * NormalMath.Unit53;

    /// <summary>The next uniform 2×2 game of every lane: payoffs a00 a01 a10 a11 b00 b01 b10 b11, one word each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Uniform<TD, TL>(ref Lanes<TL> g, out TD a00, out TD a01, out TD a10, out TD a11, out TD b00, out TD b01, out TD b10, out TD b11)
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
    {
        a00 = Unit<TD, TL>(Next(ref g));
        a01 = Unit<TD, TL>(Next(ref g));
        a10 = Unit<TD, TL>(Next(ref g));
        a11 = Unit<TD, TL>(Next(ref g));
        b00 = Unit<TD, TL>(Next(ref g));
        b01 = Unit<TD, TL>(Next(ref g));
        b10 = Unit<TD, TL>(Next(ref g));
        b11 = Unit<TD, TL>(Next(ref g));
    }

    /// <summary>The next normal 2×2 game of every lane: four Box–Muller pairs (a00 a01 | a10 a11 | b00 b01 | b10 b11).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Normal<TD, TL>(ref Lanes<TL> g, out TD a00, out TD a01, out TD a10, out TD a11, out TD b00, out TD b01, out TD b10, out TD b11)
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
    {
        // One Box–Muller body in a loop, not four inlined copies: every wrapper operation costs the JIT a temporary or two,
        // and four inlined bodies exceed its local-variable limit (JitMaxLocalsToTrack, 1024), after which it stops inlining
        // altogether (several times slower). The deviates pass through a small stack buffer.
        Deviates<TD> z = default;
        for (int pair = 0; pair < 4; pair++)
        {
            BoxMuller(Next(ref g), Next(ref g), out z[2 * pair], out z[(2 * pair) + 1]);
        }

        (a00, a01, a10, a11, b00, b01, b10, b11) = (z[0], z[1], z[2], z[3], z[4], z[5], z[6], z[7]);
    }

    /// <summary>The eight deviates of one normal game, a00 … b11.</summary>
    [InlineArray(8)]
    private struct Deviates<TD>
    {
        private TD _first;
    }

    /// <summary><see cref="Uniform{TD, TL}"/> on the Vector512 generators, as the in-register fold takes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Uniform512(ref State512 g, out Vector512<double> a00, out Vector512<double> a01, out Vector512<double> a10, out Vector512<double> a11,
                                    out Vector512<double> b00, out Vector512<double> b01, out Vector512<double> b10, out Vector512<double> b11)
    {
        var lanes = new Lanes<Longs512> { S0 = new(g.S0.AsInt64()), S1 = new(g.S1.AsInt64()), S2 = new(g.S2.AsInt64()), S3 = new(g.S3.AsInt64()) };
        Uniform(ref lanes, out Doubles512 v00, out Doubles512 v01, out Doubles512 v10, out Doubles512 v11, out Doubles512 w00, out Doubles512 w01, out Doubles512 w10, out Doubles512 w11);
        (a00, a01, a10, a11, b00, b01, b10, b11) = (v00.Value, v01.Value, v10.Value, v11.Value, w00.Value, w01.Value, w10.Value, w11.Value);
        (g.S0, g.S1, g.S2, g.S3) = (lanes.S0.Value.AsUInt64(), lanes.S1.Value.AsUInt64(), lanes.S2.Value.AsUInt64(), lanes.S3.Value.AsUInt64());
    }

    /// <summary>Games of blocks <c>[firstBlock, firstBlock + Count)</c> into slots <c>[slot, slot + Count·256)</c>, in game order.</summary>
    /// <remarks>Lane k's game of step j goes to slot <c>slot + k·256 + j</c>: each step's eight payoff vectors are stored
    /// to a small buffer and copied out lane by lane (the slots are validated by the caller's spans).</remarks>
    private static void Blocks<TD, TL>(ulong seed, ulong firstBlock, in Payoffs2x2 d, int slot, bool normal)
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
    {
        if (normal)
        {
            Blocks<TD, TL, NormalLanes<TD, TL>>(seed, firstBlock, d, slot);
        }
        else
        {
            Blocks<TD, TL, UniformLanes<TD, TL>>(seed, firstBlock, d, slot);
        }
    }

    /// <summary>The next 2×2 game of every lane (one generic instantiation per distribution keeps each loop small enough
    /// for the JIT to inline its whole generator).</summary>
    private interface ILaneGames<TD, TL>
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
    {
        static abstract void Next(ref Lanes<TL> g, out TD a00, out TD a01, out TD a10, out TD a11, out TD b00, out TD b01, out TD b10, out TD b11);
    }

    private readonly struct UniformLanes<TD, TL> : ILaneGames<TD, TL>
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Next(ref Lanes<TL> g, out TD a00, out TD a01, out TD a10, out TD a11, out TD b00, out TD b01, out TD b10, out TD b11) =>
            Uniform(ref g, out a00, out a01, out a10, out a11, out b00, out b01, out b10, out b11);
    }

    private readonly struct NormalLanes<TD, TL> : ILaneGames<TD, TL>
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Next(ref Lanes<TL> g, out TD a00, out TD a01, out TD a10, out TD a11, out TD b00, out TD b01, out TD b10, out TD b11) =>
            Normal(ref g, out a00, out a01, out a10, out a11, out b00, out b01, out b10, out b11);
    }

    private static void Blocks<TD, TL, TGames>(ulong seed, ulong firstBlock, in Payoffs2x2 d, int slot)
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
        where TGames : struct, ILaneGames<TD, TL>
    {
        int lanes = TD.Count;
        Lanes<TL> g = Seed<TL>(seed, firstBlock);
        Span<double> buffer = stackalloc double[8 * 8];
        ref double t = ref MemoryMarshal.GetReference(buffer);
        ref double a00 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.A00), slot), a01 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.A01), slot);
        ref double a10 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.A10), slot), a11 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.A11), slot);
        ref double b00 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.B00), slot), b01 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.B01), slot);
        ref double b10 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.B10), slot), b11 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.B11), slot);
        for (int j = 0; j < BlockGames; j++)
        {
            TGames.Next(ref g, out TD v00, out TD v01, out TD v10, out TD v11, out TD w00, out TD w01, out TD w10, out TD w11);

            v00.Store(ref t, 0); v01.Store(ref t, (nuint)lanes); v10.Store(ref t, (nuint)(2 * lanes)); v11.Store(ref t, (nuint)(3 * lanes));
            w00.Store(ref t, (nuint)(4 * lanes)); w01.Store(ref t, (nuint)(5 * lanes)); w10.Store(ref t, (nuint)(6 * lanes)); w11.Store(ref t, (nuint)(7 * lanes));
            for (int k = 0; k < lanes; k++)
            {
                int i = (k * BlockGames) + j;
                Unsafe.Add(ref a00, i) = Unsafe.Add(ref t, k);
                Unsafe.Add(ref a01, i) = Unsafe.Add(ref t, lanes + k);
                Unsafe.Add(ref a10, i) = Unsafe.Add(ref t, (2 * lanes) + k);
                Unsafe.Add(ref a11, i) = Unsafe.Add(ref t, (3 * lanes) + k);
                Unsafe.Add(ref b00, i) = Unsafe.Add(ref t, (4 * lanes) + k);
                Unsafe.Add(ref b01, i) = Unsafe.Add(ref t, (5 * lanes) + k);
                Unsafe.Add(ref b10, i) = Unsafe.Add(ref t, (6 * lanes) + k);
                Unsafe.Add(ref b11, i) = Unsafe.Add(ref t, (7 * lanes) + k);
            }
        }
    }

    /// <summary>
    /// <see cref="NormalMath.BoxMuller"/> per lane on the words <paramref name="x"/>, <paramref name="y"/>: every operation is
    /// the scalar one in the same order (no FMA), so the deviates are bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void BoxMuller<TD, TL>(TL x, TL y, out TD z0, out TD z1)
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
    {
        TL magic = TL.Create((long)NormalMath.TwoTo52Bits);

        // u1 = ((x >> 11) + 1)·2^-53 ∈ (0, 1], the integer at most 2^53 (converted exactly).
        TD u1 = TD.FromExact53((x >>> 11) + TL.One) * NormalMath.Unit53;
        TD u2 = Unit<TD, TL>(y);

        // Log(u1): exponent and mantissa, m folded into [√½, √2).
        TL bits = u1.Bits;
        TD e = TD.FromBits((bits >>> 52) | magic) - TD.Create(NormalMath.ExponentBias);
        TD m = TD.FromBits((bits & TL.Create(0x000FFFFFFFFFFFFFL)) | TL.Create(0x3FF0000000000000L));
        TD big = TD.GreaterThan(m, TD.Create(NormalMath.Sqrt2)); // lane's mantissa is above √2: halve it, bump e
        m = TD.ConditionalSelect(big, m * 0.5, m);
        e = TD.ConditionalSelect(big, e + TD.One, e);
        TD s = (m - TD.One) / (m + TD.One);
        TD z = s * s;
        TD p = TD.Create(NormalMath.L10);
        p = TD.MultiplyAdd(p, z, NormalMath.L9);
        p = TD.MultiplyAdd(p, z, NormalMath.L8);
        p = TD.MultiplyAdd(p, z, NormalMath.L7);
        p = TD.MultiplyAdd(p, z, NormalMath.L6);
        p = TD.MultiplyAdd(p, z, NormalMath.L5);
        p = TD.MultiplyAdd(p, z, NormalMath.L4);
        p = TD.MultiplyAdd(p, z, NormalMath.L3);
        p = TD.MultiplyAdd(p, z, NormalMath.L2);
        p = TD.MultiplyAdd(p, z, NormalMath.L1);
        TD twoS = s + s;
        TD lnM = twoS + ((twoS * z) * p);
        TD log = (e * NormalMath.Ln2Hi) + ((e * NormalMath.Ln2Lo) + lnM);
        TD r = TD.Sqrt(log * -2.0);

        // SinCosTurn(u2): exact quadrant reduction, then the two polynomials.
        TD t4 = u2 * 4.0;
        TD qd = t4 + TD.Create(NormalMath.RoundMagic);
        TL q = qd.Bits;
        TD xr = (t4 - (qd - TD.Create(NormalMath.RoundMagic))) * NormalMath.HalfPi;
        z = xr * xr;
        TD ps = TD.Create(NormalMath.S8);
        ps = TD.MultiplyAdd(ps, z, NormalMath.S7);
        ps = TD.MultiplyAdd(ps, z, NormalMath.S6);
        ps = TD.MultiplyAdd(ps, z, NormalMath.S5);
        ps = TD.MultiplyAdd(ps, z, NormalMath.S4);
        ps = TD.MultiplyAdd(ps, z, NormalMath.S3);
        ps = TD.MultiplyAdd(ps, z, NormalMath.S2);
        ps = TD.MultiplyAdd(ps, z, NormalMath.S1);
        TD sx = xr + ((xr * z) * ps);
        TD pc = TD.Create(NormalMath.C9);
        pc = TD.MultiplyAdd(pc, z, NormalMath.C8);
        pc = TD.MultiplyAdd(pc, z, NormalMath.C7);
        pc = TD.MultiplyAdd(pc, z, NormalMath.C6);
        pc = TD.MultiplyAdd(pc, z, NormalMath.C5);
        pc = TD.MultiplyAdd(pc, z, NormalMath.C4);
        pc = TD.MultiplyAdd(pc, z, NormalMath.C3);
        pc = TD.MultiplyAdd(pc, z, NormalMath.C2);
        pc = TD.MultiplyAdd(pc, z, NormalMath.C1);
        TD cx = TD.One + (z * pc);

        TD swap = TD.FromBits(TL.CompareEqual(q & TL.One, TL.One)); // lane is in an odd quadrant: swap sin and cos
        TL sin = TD.ConditionalSelect(swap, cx, sx).Bits ^ ((q & TL.Create(2)) << 62);
        TL cos = TD.ConditionalSelect(swap, sx, cx).Bits ^ (((q + TL.One) & TL.Create(2)) << 62);
        z0 = r * TD.FromBits(cos);
        z1 = r * TD.FromBits(sin);
    }
}
