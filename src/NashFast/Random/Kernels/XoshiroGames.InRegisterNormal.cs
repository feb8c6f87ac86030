using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NashFast.Internal.Simd;
using Vec = System.Runtime.Intrinsics.Vector512;
using VD = System.Runtime.Intrinsics.Vector512<double>;
using VU = System.Runtime.Intrinsics.Vector512<ulong>;

namespace NashFast.Random.Kernels;

// The normal games of the in-register fold (Fused2x2Worker.InRegisters.cs) keep a Box–Muller written on Vector512
// directly: its caller inlines the whole solve and fold too, and four inlined copies of the generic body
// (BoxMuller<TD, TL>) exceed the JIT's local-variable limit there (every wrapper operation costs a temporary or two),
// while the generic body in a loop measured about a third slower on this path. Same operations in the same order as
// BoxMuller<TD, TL> and NormalMath.BoxMuller (bit-identical; InRegisterFoldTests and KnownSummaryTests check it).
internal static partial class XoshiroGames
{
    /// <summary><see cref="Normal{TD, TL}"/> on the Vector512 generators, as the in-register fold takes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Normal512(ref State512 g, out VD a00, out VD a01, out VD a10, out VD a11, out VD b00, out VD b01, out VD b10, out VD b11)
    {
        BoxMuller512(NextWord512(ref g), NextWord512(ref g), out a00, out a01);
        BoxMuller512(NextWord512(ref g), NextWord512(ref g), out a10, out a11);
        BoxMuller512(NextWord512(ref g), NextWord512(ref g), out b00, out b01);
        BoxMuller512(NextWord512(ref g), NextWord512(ref g), out b10, out b11);
    }

    /// <summary><see cref="Next{TL}"/> on the raw Vector512 state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static VU NextWord512(ref State512 g)
    {
        VU result = Rotl512(g.S0 + g.S3, 23) + g.S0;
        VU t = g.S1 << 17;
        g.S2 ^= g.S0;
        g.S3 ^= g.S1;
        g.S1 ^= g.S2;
        g.S0 ^= g.S3;
        g.S2 ^= t;
        g.S3 = Rotl512(g.S3, 45);
        return result;
    }

    /// <summary>Rotate left: AVX-512F <c>vprolq</c>, else two shifts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static VU Rotl512(VU x, [ConstantExpected] byte r) => Avx512F.IsSupported ? Avx512F.RotateLeft(x, r) : (x << r) | (x >>> (64 - r));

    /// <summary>
    /// <paramref name="v"/> (below 2^53 in every lane) as a double, exactly: AVX-512DQ <c>vcvtuqq2pd</c>, else the
    /// two halves below 2^32 converted by the 2^52 trick and recombined (also exact).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static VD Exact53To512(VU v)
    {
        if (Avx512DQ.IsSupported)
        {
            return Avx512DQ.ConvertToVector512Double(v);
        }

        VU magic = Vec.Create(NormalMath.TwoTo52Bits);
        VD twoTo52 = Vec.Create(4503599627370496.0);
        VD dh = ((v >>> 32) | magic).AsDouble() - twoTo52;
        VD dl = ((v & Vec.Create(0xFFFFFFFFUL)) | magic).AsDouble() - twoTo52;
        return (dh * 4294967296.0) + dl;
    }

    /// <summary><see cref="GameStream.ToUnitDouble"/> lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static VD Unit512(VU x) => Exact53To512(x >>> 11) * NormalMath.Unit53;

    /// <summary>
    /// <see cref="NormalMath.BoxMuller"/> per lane on the words <paramref name="x"/>, <paramref name="y"/>: every operation is
    /// the scalar one in the same order (no FMA), so the deviates are bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BoxMuller512(VU x, VU y, out VD z0, out VD z1)
    {
        VU magic = Vec.Create(NormalMath.TwoTo52Bits);

        // u1 = ((x >> 11) + 1)·2^-53 ∈ (0, 1], the integer at most 2^53 (converted exactly).
        VD u1 = Exact53To512((x >>> 11) + Vec.Create(1UL)) * NormalMath.Unit53;
        VD u2 = Unit512(y);

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
