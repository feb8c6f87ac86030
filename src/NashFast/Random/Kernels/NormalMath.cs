using System.Runtime.CompilerServices;

namespace NashFast.Random.Kernels;

/// <summary>
/// The Box–Muller transform with its own logarithm, sine and cosine, written only with IEEE-754 operations that are
/// correctly rounded everywhere (+, −, ×, ÷, √, exact integer bit manipulation; no fused multiply-add). This scalar code
/// is the specification: the vector paths in <c>XoshiroGames.Lanes.cs</c> perform the same operations in the same
/// order lane by lane, so every path, every instruction-set mode and every platform gives the same bits (no dependence on
/// the C library's <c>log</c>/<c>sin</c>/<c>cos</c>).
/// </summary>
/// <remarks>
/// <para>Logarithm of <c>u ∈ [2^-53, 1]</c>: <c>u = m·2^e</c> with <c>m ∈ [√½, √2)</c>, <c>s = (m − 1)/(m + 1)</c>,
/// <c>ln m = 2·atanh s = 2s(1 + s²/3 + s⁴/5 + … + s²⁰/21)</c> (|s| ≤ 0.1716, so the first omitted term is below 2^-60
/// relative), <c>ln u = e·ln2_hi + (e·ln2_lo + ln m)</c> with ln 2 split so that <c>e·ln2_hi</c> is exact.</para>
/// <para>Sine and cosine of <c>2πt</c> for <c>t ∈ [0, 1)</c>: the reduction is exact in turns — <c>4t</c> is exact,
/// <c>q = round(4t)</c> (quadrant), <c>f = 4t − q ∈ [−½, ½]</c> exactly, <c>x = f·π/2</c> (one rounding) — then Taylor
/// polynomials on <c>|x| ≤ π/4</c> through <c>x¹⁷</c> (sine) and <c>x¹⁸</c> (cosine), and the quadrant's swap and signs.</para>
/// <para>Accuracy (asserted by <c>NormalMathTests</c>; measured over 5·10⁶ generator inputs): the logarithm's largest
/// relative error against <see cref="Math.Log(double)"/> was 3.2e-16 (2.9·2^-53; the test bound is 1e-15), sine and
/// cosine differ from <see cref="Math.SinCos(double)"/> of <c>2π·t</c> by at most 7.2e-16 absolute (test bound 1.5e-15),
/// most of it the rounding of the reference's own argument <c>2π·t</c>.</para>
/// </remarks>
internal static class NormalMath
{
    /// <summary>2^-53: the unit of the 53-bit uniform doubles.</summary>
    public const double Unit53 = 1.0 / (1UL << 53);

    /// <summary>√2, the upper end of the reduced mantissa interval.</summary>
    public const double Sqrt2 = 1.4142135623730951;

    /// <summary>High part of ln 2 (its low 32 significand bits are zero, so <c>e·Ln2Hi</c> is exact for |e| &lt; 2^20).</summary>
    public static readonly double Ln2Hi = BitConverter.UInt64BitsToDouble(0x3FE62E42FEE00000UL);

    /// <summary>ln 2 − <see cref="Ln2Hi"/>.</summary>
    public static readonly double Ln2Lo = BitConverter.UInt64BitsToDouble(0x3DEA39EF35793C76UL);

    /// <summary>π/2 rounded to double.</summary>
    public const double HalfPi = 1.5707963267948966;

    /// <summary>1.5·2^52: adding and subtracting it rounds a double of magnitude below 2^51 to the nearest integer (ties to even).</summary>
    public const double RoundMagic = 6755399441055744.0;

    /// <summary>Bits of 2^52 as a double's exponent field, for exact small integer → double conversion.</summary>
    public const ulong TwoTo52Bits = 0x4330000000000000UL;

    /// <summary>2^52 + 1023: subtracting it from <c>(biased exponent | 2^52 bits)</c> gives the unbiased exponent exactly.</summary>
    public const double ExponentBias = 4503599627371519.0;

    // atanh series: ln m = 2s + 2s·z·(L1 + z·(L2 + … )), z = s², Lk = 1/(2k + 1).
    public const double L1 = 1.0 / 3, L2 = 1.0 / 5, L3 = 1.0 / 7, L4 = 1.0 / 9, L5 = 1.0 / 11, L6 = 1.0 / 13, L7 = 1.0 / 15,
                        L8 = 1.0 / 17, L9 = 1.0 / 19, L10 = 1.0 / 21;

    // sin x = x + x·z·(S1 + z·(S2 + …)), Sk = (−1)^k/(2k + 1)!.
    public const double S1 = -1.0 / 6, S2 = 1.0 / 120, S3 = -1.0 / 5040, S4 = 1.0 / 362880, S5 = -1.0 / 39916800,
                        S6 = 1.0 / 6227020800, S7 = -1.0 / 1307674368000, S8 = 1.0 / 355687428096000;

    // cos x = 1 + z·(C1 + z·(C2 + …)), Ck = (−1)^k/(2k)!.
    public const double C1 = -1.0 / 2, C2 = 1.0 / 24, C3 = -1.0 / 720, C4 = 1.0 / 40320, C5 = -1.0 / 3628800,
                        C6 = 1.0 / 479001600, C7 = -1.0 / 87178291200, C8 = 1.0 / 20922789888000, C9 = -1.0 / 6402373705728000;

    /// <summary>
    /// Box–Muller from two 64-bit draws: <c>u1 = ((x >> 11) + 1)·2^-53 ∈ (0, 1]</c>, <c>u2 = (y >> 11)·2^-53 ∈ [0, 1)</c>,
    /// <c>r = √(−2 ln u1)</c>, <c>z0 = r cos 2πu2</c>, <c>z1 = r sin 2πu2</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BoxMuller(ulong x, ulong y, out double z0, out double z1)
    {
        double u1 = ((x >> 11) + 1) * Unit53;
        double u2 = (y >> 11) * Unit53;
        double r = Math.Sqrt(-2.0 * Log(u1));
        SinCosTurn(u2, out double s, out double c);
        z0 = r * c;
        z1 = r * s;
    }

    /// <summary>ln u for a positive normal double <paramref name="u"/> ≤ 2 (the generator passes <c>(0, 1]</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double u)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(u);
        double e = BitConverter.UInt64BitsToDouble((bits >> 52) | TwoTo52Bits) - ExponentBias;
        double m = BitConverter.UInt64BitsToDouble((bits & 0x000FFFFFFFFFFFFFUL) | 0x3FF0000000000000UL);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e += 1.0;
        }

        double s = (m - 1.0) / (m + 1.0);
        double z = s * s;
        double p = L10;
        p = (p * z) + L9;
        p = (p * z) + L8;
        p = (p * z) + L7;
        p = (p * z) + L6;
        p = (p * z) + L5;
        p = (p * z) + L4;
        p = (p * z) + L3;
        p = (p * z) + L2;
        p = (p * z) + L1;
        double twoS = s + s;
        double lnM = twoS + ((twoS * z) * p);
        return (e * Ln2Hi) + ((e * Ln2Lo) + lnM);
    }

    /// <summary>sin 2πt and cos 2πt for <paramref name="t"/> ∈ [0, 1) (any |t| &lt; 2^49 works).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SinCosTurn(double t, out double sin, out double cos)
    {
        double t4 = t * 4.0;
        double qd = t4 + RoundMagic;
        ulong q = BitConverter.DoubleToUInt64Bits(qd); // low bits = round(4t) mod 2^k
        double f = t4 - (qd - RoundMagic);
        double x = f * HalfPi;
        double z = x * x;
        double ps = S8;
        ps = (ps * z) + S7;
        ps = (ps * z) + S6;
        ps = (ps * z) + S5;
        ps = (ps * z) + S4;
        ps = (ps * z) + S3;
        ps = (ps * z) + S2;
        ps = (ps * z) + S1;
        double sx = x + ((x * z) * ps);
        double pc = C9;
        pc = (pc * z) + C8;
        pc = (pc * z) + C7;
        pc = (pc * z) + C6;
        pc = (pc * z) + C5;
        pc = (pc * z) + C4;
        pc = (pc * z) + C3;
        pc = (pc * z) + C2;
        pc = (pc * z) + C1;
        double cx = 1.0 + (z * pc);

        // sin(qπ/2 + x), cos(qπ/2 + x): odd quadrants swap sine and cosine; sine is negated in quadrants 2, 3 and
        // cosine in quadrants 1, 2 (sign bit set by XOR, as the vector paths do).
        bool swap = (q & 1) != 0;
        double sv = swap ? cx : sx;
        double cv = swap ? sx : cx;
        sin = BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(sv) ^ ((q & 2) << 62));
        cos = BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(cv) ^ (((q + 1) & 2) << 62));
    }
}
