using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Vec = System.Runtime.Intrinsics.Vector128;
using VD = System.Runtime.Intrinsics.Vector128<double>;
using VU = System.Runtime.Intrinsics.Vector128<ulong>;

namespace NashFast.Random.Kernels;

// The three width files are identical but for the aliases above, the lane count and the two ISA helpers (diff them).
internal static partial class XoshiroGames
{
    /// <summary>The generators of 2 consecutive blocks, one per lane (xoshiro256++ state words s0..s3).</summary>
    internal struct State128
    {
        public VU S0, S1, S2, S3;
    }

    /// <summary>Seeds lane k with block <c>firstBlock + k</c>'s generator (<see cref="GameStream.BlockGenerator"/>).</summary>
    internal static State128 Seed128(ulong seed, ulong firstBlock)
    {
        const int lanes = 2;
        Span<ulong> s = stackalloc ulong[4 * lanes];
        for (int k = 0; k < lanes; k++)
        {
            GameStream.BlockGenerator(seed, firstBlock + (ulong)k).GetState(out s[k], out s[lanes + k], out s[(2 * lanes) + k], out s[(3 * lanes) + k]);
        }

        return new State128 { S0 = Vec.Create<ulong>(s[..lanes]), S1 = Vec.Create<ulong>(s[lanes..(2 * lanes)]),
                              S2 = Vec.Create<ulong>(s[(2 * lanes)..(3 * lanes)]), S3 = Vec.Create<ulong>(s[(3 * lanes)..]) };
    }

    /// <summary>The next output of every lane's generator (<see cref="Xoshiro256PlusPlus.Next"/> lane by lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static VU Next128(ref State128 g)
    {
        VU result = Rotl128(g.S0 + g.S3, 23) + g.S0;
        VU t = g.S1 << 17;
        g.S2 ^= g.S0;
        g.S3 ^= g.S1;
        g.S1 ^= g.S2;
        g.S0 ^= g.S3;
        g.S2 ^= t;
        g.S3 = Rotl128(g.S3, 45);
        return result;
    }

    /// <summary>Rotate left: AVX-512F(VL) <c>vprolq</c>, else two shifts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static VU Rotl128(VU x, [ConstantExpected] byte r) => Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, r) : (x << r) | (x >>> (64 - r));

    /// <summary>
    /// <paramref name="v"/> (below 2^53 in every lane) as a double, exactly: AVX-512DQ(VL) <c>vcvtuqq2pd</c>, else the
    /// two halves below 2^32 converted by the 2^52 trick and recombined (also exact).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static VD Exact53To128(VU v)
    {
        if (Avx512DQ.VL.IsSupported)
        {
            return Avx512DQ.VL.ConvertToVector128Double(v);
        }

        VU magic = Vec.Create(NormalMath.TwoTo52Bits);
        VD twoTo52 = Vec.Create(4503599627370496.0);
        VD dh = ((v >>> 32) | magic).AsDouble() - twoTo52;
        VD dl = ((v & Vec.Create(0xFFFFFFFFUL)) | magic).AsDouble() - twoTo52;
        return (dh * 4294967296.0) + dl;
    }

    /// <summary><see cref="GameStream.ToUnitDouble"/> lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static VD Unit128(VU x) => Exact53To128(x >>> 11) * NormalMath.Unit53;

    /// <summary>The next uniform 2×2 game of every lane: payoffs a00 a01 a10 a11 b00 b01 b10 b11, one word each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Uniform128(ref State128 g, out VD a00, out VD a01, out VD a10, out VD a11, out VD b00, out VD b01, out VD b10, out VD b11)
    {
        a00 = Unit128(Next128(ref g));
        a01 = Unit128(Next128(ref g));
        a10 = Unit128(Next128(ref g));
        a11 = Unit128(Next128(ref g));
        b00 = Unit128(Next128(ref g));
        b01 = Unit128(Next128(ref g));
        b10 = Unit128(Next128(ref g));
        b11 = Unit128(Next128(ref g));
    }

    /// <summary>The next normal 2×2 game of every lane: four Box–Muller pairs (a00 a01 | a10 a11 | b00 b01 | b10 b11).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Normal128(ref State128 g, out VD a00, out VD a01, out VD a10, out VD a11, out VD b00, out VD b01, out VD b10, out VD b11)
    {
        BoxMuller128(Next128(ref g), Next128(ref g), out a00, out a01);
        BoxMuller128(Next128(ref g), Next128(ref g), out a10, out a11);
        BoxMuller128(Next128(ref g), Next128(ref g), out b00, out b01);
        BoxMuller128(Next128(ref g), Next128(ref g), out b10, out b11);
    }

    /// <summary>Games of blocks <c>[firstBlock, firstBlock + 2)</c> into slots <c>[slot, slot + 2·256)</c>, in game order.</summary>
    /// <remarks>Lane k's game of step j goes to slot <c>slot + k·256 + j</c>: each step's eight payoff vectors are stored
    /// to a small buffer and copied out lane by lane (the slots are validated by the caller's spans).</remarks>
    private static void Blocks128(ulong seed, ulong firstBlock, in Payoffs2x2 d, int slot, bool normal)
    {
        State128 g = Seed128(seed, firstBlock);
        Span<double> buffer = stackalloc double[8 * 2];
        ref double t = ref MemoryMarshal.GetReference(buffer);
        ref double a00 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.A00), slot), a01 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.A01), slot);
        ref double a10 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.A10), slot), a11 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.A11), slot);
        ref double b00 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.B00), slot), b01 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.B01), slot);
        ref double b10 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.B10), slot), b11 = ref Unsafe.Add(ref MemoryMarshal.GetReference(d.B11), slot);
        for (int j = 0; j < BlockGames; j++)
        {
            VD v00, v01, v10, v11, w00, w01, w10, w11;
            if (normal)
            {
                Normal128(ref g, out v00, out v01, out v10, out v11, out w00, out w01, out w10, out w11);
            }
            else
            {
                Uniform128(ref g, out v00, out v01, out v10, out v11, out w00, out w01, out w10, out w11);
            }

            v00.StoreUnsafe(ref t, 0 * 2); v01.StoreUnsafe(ref t, 1 * 2); v10.StoreUnsafe(ref t, 2 * 2); v11.StoreUnsafe(ref t, 3 * 2);
            w00.StoreUnsafe(ref t, 4 * 2); w01.StoreUnsafe(ref t, 5 * 2); w10.StoreUnsafe(ref t, 6 * 2); w11.StoreUnsafe(ref t, 7 * 2);
            for (int k = 0; k < 2; k++)
            {
                int i = (k * BlockGames) + j;
                Unsafe.Add(ref a00, i) = Unsafe.Add(ref t, k);
                Unsafe.Add(ref a01, i) = Unsafe.Add(ref t, 2 + k);
                Unsafe.Add(ref a10, i) = Unsafe.Add(ref t, (2 * 2) + k);
                Unsafe.Add(ref a11, i) = Unsafe.Add(ref t, (3 * 2) + k);
                Unsafe.Add(ref b00, i) = Unsafe.Add(ref t, (4 * 2) + k);
                Unsafe.Add(ref b01, i) = Unsafe.Add(ref t, (5 * 2) + k);
                Unsafe.Add(ref b10, i) = Unsafe.Add(ref t, (6 * 2) + k);
                Unsafe.Add(ref b11, i) = Unsafe.Add(ref t, (7 * 2) + k);
            }
        }
    }

    /// <summary>
    /// <see cref="NormalMath.BoxMuller"/> per lane on the words <paramref name="x"/>, <paramref name="y"/>: every operation is
    /// the scalar one in the same order (no FMA), so the deviates are bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void BoxMuller128(VU x, VU y, out VD z0, out VD z1)
    {
        VU magic = Vec.Create(NormalMath.TwoTo52Bits);

        // u1 = ((x >> 11) + 1)·2^-53 ∈ (0, 1], the integer at most 2^53 (converted exactly).
        VD u1 = Exact53To128((x >>> 11) + Vec.Create(1UL)) * NormalMath.Unit53;
        VD u2 = Unit128(y);

        // Log(u1): exponent and mantissa, m folded into [√½, √2).
        VU bits = u1.AsUInt64();
        VD e = ((bits >>> 52) | magic).AsDouble() - Vec.Create(NormalMath.ExponentBias);
        VD m = ((bits & Vec.Create(0x000FFFFFFFFFFFFFUL)) | Vec.Create(0x3FF0000000000000UL)).AsDouble();
        VD big = Vec.GreaterThan(m, Vec.Create(NormalMath.Sqrt2)); // lane's mantissa is above √2: halve it, bump e
        m = Vec.ConditionalSelect(big, m * 0.5, m);
        e = Vec.ConditionalSelect(big, e + Vec.Create(1.0), e);
        VD s = (m - Vec.Create(1.0)) / (m + Vec.Create(1.0));
        VD z = s * s;
        VD p = Vec.Create(NormalMath.L10);
        p = (p * z) + Vec.Create(NormalMath.L9);
        p = (p * z) + Vec.Create(NormalMath.L8);
        p = (p * z) + Vec.Create(NormalMath.L7);
        p = (p * z) + Vec.Create(NormalMath.L6);
        p = (p * z) + Vec.Create(NormalMath.L5);
        p = (p * z) + Vec.Create(NormalMath.L4);
        p = (p * z) + Vec.Create(NormalMath.L3);
        p = (p * z) + Vec.Create(NormalMath.L2);
        p = (p * z) + Vec.Create(NormalMath.L1);
        VD twoS = s + s;
        VD lnM = twoS + ((twoS * z) * p);
        VD log = (e * NormalMath.Ln2Hi) + ((e * NormalMath.Ln2Lo) + lnM);
        VD r = Vec.Sqrt(log * -2.0);

        // SinCosTurn(u2): exact quadrant reduction, then the two polynomials.
        VD t4 = u2 * 4.0;
        VD qd = t4 + Vec.Create(NormalMath.RoundMagic);
        VU q = qd.AsUInt64();
        VD xr = (t4 - (qd - Vec.Create(NormalMath.RoundMagic))) * NormalMath.HalfPi;
        z = xr * xr;
        VD ps = Vec.Create(NormalMath.S8);
        ps = (ps * z) + Vec.Create(NormalMath.S7);
        ps = (ps * z) + Vec.Create(NormalMath.S6);
        ps = (ps * z) + Vec.Create(NormalMath.S5);
        ps = (ps * z) + Vec.Create(NormalMath.S4);
        ps = (ps * z) + Vec.Create(NormalMath.S3);
        ps = (ps * z) + Vec.Create(NormalMath.S2);
        ps = (ps * z) + Vec.Create(NormalMath.S1);
        VD sx = xr + ((xr * z) * ps);
        VD pc = Vec.Create(NormalMath.C9);
        pc = (pc * z) + Vec.Create(NormalMath.C8);
        pc = (pc * z) + Vec.Create(NormalMath.C7);
        pc = (pc * z) + Vec.Create(NormalMath.C6);
        pc = (pc * z) + Vec.Create(NormalMath.C5);
        pc = (pc * z) + Vec.Create(NormalMath.C4);
        pc = (pc * z) + Vec.Create(NormalMath.C3);
        pc = (pc * z) + Vec.Create(NormalMath.C2);
        pc = (pc * z) + Vec.Create(NormalMath.C1);
        VD cx = Vec.Create(1.0) + (z * pc);

        VD swap = Vec.Equals(q & Vec.Create(1UL), Vec.Create(1UL)).AsDouble(); // lane is in an odd quadrant: swap sin and cos
        VU sin = Vec.ConditionalSelect(swap, cx, sx).AsUInt64() ^ ((q & Vec.Create(2UL)) << 62);
        VU cos = Vec.ConditionalSelect(swap, sx, cx).AsUInt64() ^ (((q + Vec.Create(1UL)) & Vec.Create(2UL)) << 62);
        z0 = r * cos.AsDouble();
        z1 = r * sin.AsDouble();
    }
}
