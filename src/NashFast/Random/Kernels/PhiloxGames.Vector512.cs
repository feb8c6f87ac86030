using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Vec = System.Runtime.Intrinsics.Vector512;
using VD = System.Runtime.Intrinsics.Vector512<double>;
using VU = System.Runtime.Intrinsics.Vector512<ulong>;

namespace NashFast.Random.Kernels;

// The three width files are identical but for the aliases above and the 32×32→64 multiply (diff them).
internal static partial class PhiloxGames
{
    /// <summary>
    /// Philox4x32-10 rounds 1 and 2 of the four blocks of the games in <paramref name="lo"/>/<paramref name="hi"/> (one game
    /// per 64-bit lane: its index's low and high 32 bits). The counters <c>(j, lo, hi, 0)</c> differ only in the lane-uniform
    /// word j, so the vector products of these rounds are the same for every block: <paramref name="c1"/> is the state word
    /// c1 after round 1, <paramref name="p0"/> the round-2 product M0·c0 (both shared by blocks 0..3).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Shared512(VU lo, VU hi, uint k0, out VU c1, out VU p0)
    {
        VU p1 = Mul512(hi, Vec.Create((ulong)Philox4x32.M1));
        c1 = p1;
        p0 = Mul512((p1 >>> 32) ^ lo ^ Vec.Create((ulong)k0), Vec.Create((ulong)Philox4x32.M0)); // M0 · (c0 after round 1)
    }

    /// <summary>
    /// Philox4x32-10 block <paramref name="block"/> of the lanes' games from the shared rounds (<see cref="Shared512"/>):
    /// finishes round 2 with the block's lane-uniform words, then runs rounds 3..10.
    /// </summary>
    /// <remarks>
    /// Lane layout: each 64-bit lane carries one 32-bit Philox word in its low half; the high halves of the state are left
    /// dirty inside the rounds (the multiply reads only low halves and the XORs only feed low halves) and cleared on output.
    /// ISA: AVX-512F <c>vpmuludq</c>; otherwise the runtime's 64-bit multiply of the zero-extended words (same product).
    /// Equals <see cref="Philox4x32.Block"/>(block, lo, hi, 0, k0, k1) lane by lane.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block512(uint block, VU sharedC1, VU sharedP0, uint k0, uint k1, out VU r0, out VU r1, out VU r2, out VU r3)
    {
        // Round 1 on the block's scalar words: c2 = hi(M0·block) ^ 0 ^ k1, c3 = lo(M0·block).
        ulong b0 = (ulong)Philox4x32.M0 * block;
        uint c2s = (uint)(b0 >> 32) ^ k1, c3s = (uint)b0;

        // Round 2: the M1·c2 product is lane-uniform; M0·c0 is the shared vector product.
        uint rk0 = unchecked(k0 + Philox4x32.W0), rk1 = unchecked(k1 + Philox4x32.W1);
        ulong b1 = (ulong)Philox4x32.M1 * c2s;
        VU c0 = sharedC1 ^ Vec.Create((ulong)((uint)(b1 >> 32) ^ rk0));
        VU c1 = Vec.Create((ulong)(uint)b1);
        VU c2 = (sharedP0 >>> 32) ^ Vec.Create((ulong)(c3s ^ rk1));
        VU c3 = sharedP0;

        VU m0 = Vec.Create((ulong)Philox4x32.M0), m1 = Vec.Create((ulong)Philox4x32.M1);
        for (int round = 2; round < 10; round++)
        {
            VU p0 = Mul512(c0, m0);
            VU p1 = Mul512(c2, m1);
            c0 = (p1 >>> 32) ^ c1 ^ Vec.Create((ulong)unchecked(k0 + ((uint)round * Philox4x32.W0)));
            c2 = (p0 >>> 32) ^ c3 ^ Vec.Create((ulong)unchecked(k1 + ((uint)round * Philox4x32.W1)));
            c1 = p1;
            c3 = p0;
        }

        VU low = Vec.Create(0xFFFFFFFFUL);
        r0 = c0 & low; r1 = c1 & low; r2 = c2 & low; r3 = c3 & low;
    }

    /// <summary>Low 32 bits of <paramref name="a"/>'s lanes times <paramref name="m"/> (below 2^32), full 64-bit product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static VU Mul512(VU a, VU m) =>
        Avx512F.IsSupported ? Avx512F.Multiply(a.AsUInt32(), m.AsUInt32()) : (a & Vec.Create(0xFFFFFFFFUL)) * m;

    /// <summary>
    /// <c>((hi &lt;&lt; 32 | lo) >> 11)·2^-53</c> per lane, exactly <see cref="PhiloxStream.ToUnitDouble"/>: the 53-bit integer is
    /// split into parts below 2^32, each converted exactly by the 2^52 trick, and recombined exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static VD Unit512(VU hi, VU lo)
    {
        VU v = ((hi << 32) | lo) >>> 11;
        VU magic = Vec.Create(NormalMath.TwoTo52Bits);
        VD twoTo52 = Vec.Create(4503599627370496.0);
        VD dh = ((v >>> 32) | magic).AsDouble() - twoTo52;
        VD dl = ((v & Vec.Create(0xFFFFFFFFUL)) | magic).AsDouble() - twoTo52;
        return ((dh * 4294967296.0) + dl) * NormalMath.Unit53;
    }

    /// <summary>
    /// Uniform games <c>[i, i + 8)</c> of the chunk: lane k is game <c>first + i + k</c>; block j gives payoffs 2j and 2j + 1.
    /// Equals <see cref="UniformScalar"/> lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Uniform512(in Payoffs2x2 d, nuint i, VU lo, VU hi, uint k0, uint k1)
    {
        Shared512(lo, hi, k0, out VU sc1, out VU sp0);
        Block512(0, sc1, sp0, k0, k1, out VU w0, out VU w1, out VU w2, out VU w3);
        Unit512(w0, w1).StoreUnsafe(ref MemoryMarshal.GetReference(d.A00), i);
        Unit512(w2, w3).StoreUnsafe(ref MemoryMarshal.GetReference(d.A01), i);
        Block512(1, sc1, sp0, k0, k1, out w0, out w1, out w2, out w3);
        Unit512(w0, w1).StoreUnsafe(ref MemoryMarshal.GetReference(d.A10), i);
        Unit512(w2, w3).StoreUnsafe(ref MemoryMarshal.GetReference(d.A11), i);
        Block512(2, sc1, sp0, k0, k1, out w0, out w1, out w2, out w3);
        Unit512(w0, w1).StoreUnsafe(ref MemoryMarshal.GetReference(d.B00), i);
        Unit512(w2, w3).StoreUnsafe(ref MemoryMarshal.GetReference(d.B01), i);
        Block512(3, sc1, sp0, k0, k1, out w0, out w1, out w2, out w3);
        Unit512(w0, w1).StoreUnsafe(ref MemoryMarshal.GetReference(d.B10), i);
        Unit512(w2, w3).StoreUnsafe(ref MemoryMarshal.GetReference(d.B11), i);
    }

    /// <summary>Normal games <c>[i, i + 8)</c>: block j gives the Box–Muller pair of payoffs 2j, 2j + 1. Equals <see cref="NormalScalar"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Normal512(in Payoffs2x2 d, nuint i, VU lo, VU hi, uint k0, uint k1)
    {
        Shared512(lo, hi, k0, out VU sc1, out VU sp0);
        Block512(0, sc1, sp0, k0, k1, out VU w0, out VU w1, out VU w2, out VU w3);
        BoxMuller512(w0, w1, w2, w3, ref MemoryMarshal.GetReference(d.A00), ref MemoryMarshal.GetReference(d.A01), i);
        Block512(1, sc1, sp0, k0, k1, out w0, out w1, out w2, out w3);
        BoxMuller512(w0, w1, w2, w3, ref MemoryMarshal.GetReference(d.A10), ref MemoryMarshal.GetReference(d.A11), i);
        Block512(2, sc1, sp0, k0, k1, out w0, out w1, out w2, out w3);
        BoxMuller512(w0, w1, w2, w3, ref MemoryMarshal.GetReference(d.B00), ref MemoryMarshal.GetReference(d.B01), i);
        Block512(3, sc1, sp0, k0, k1, out w0, out w1, out w2, out w3);
        BoxMuller512(w0, w1, w2, w3, ref MemoryMarshal.GetReference(d.B10), ref MemoryMarshal.GetReference(d.B11), i);
    }

    /// <summary>
    /// <see cref="NormalMath.BoxMuller"/> per lane on <c>x = w0:w1</c>, <c>y = w2:w3</c>, storing <c>r cos</c> and <c>r sin</c>.
    /// Every operation is the scalar one in the same order (no FMA): the results are bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BoxMuller512(VU w0, VU w1, VU w2, VU w3, ref double first, ref double second, nuint i)
    {
        VU magic = Vec.Create(NormalMath.TwoTo52Bits);
        VD twoTo52 = Vec.Create(4503599627370496.0);
        VU low = Vec.Create(0xFFFFFFFFUL);

        // u1 = ((x >> 11) + 1)·2^-53: the integer is at most 2^53, converted exactly in two parts as in Unit512.
        VU n1 = (((w0 << 32) | w1) >>> 11) + Vec.Create(1UL);
        VD u1 = ((((n1 >>> 32) | magic).AsDouble() - twoTo52) * 4294967296.0 + (((n1 & low) | magic).AsDouble() - twoTo52)) * NormalMath.Unit53;
        VD u2 = Unit512(w2, w3);

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
        VD x = (t4 - (qd - Vec.Create(NormalMath.RoundMagic))) * NormalMath.HalfPi;
        z = x * x;
        VD ps = Vec.Create(NormalMath.S8);
        ps = (ps * z) + Vec.Create(NormalMath.S7);
        ps = (ps * z) + Vec.Create(NormalMath.S6);
        ps = (ps * z) + Vec.Create(NormalMath.S5);
        ps = (ps * z) + Vec.Create(NormalMath.S4);
        ps = (ps * z) + Vec.Create(NormalMath.S3);
        ps = (ps * z) + Vec.Create(NormalMath.S2);
        ps = (ps * z) + Vec.Create(NormalMath.S1);
        VD sx = x + ((x * z) * ps);
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
        (r * cos.AsDouble()).StoreUnsafe(ref first, i);
        (r * sin.AsDouble()).StoreUnsafe(ref second, i);
    }
}
