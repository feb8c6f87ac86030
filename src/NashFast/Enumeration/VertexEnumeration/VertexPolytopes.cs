using System.Numerics;
using NashFast.Games;

namespace NashFast.Enumeration;

/// <summary>
/// The integral constraint matrices of the two best-response polytopes of a game, as the reference builds them:
/// each payoff matrix shifted so its least entry is 1 and scaled by the lcm of its denominators (best responses,
/// hence labels and equilibria, are unchanged).
/// <code>
///   P = { x ∈ Rᵐ : x ≥ 0, B'ᵀx ≤ 1 }   constraint rows j = 0…n−1, columns i:  CP[j, i] = B'[i, j]
///   Q = { y ∈ Rⁿ : y ≥ 0, A'y ≤ 1 }    constraint rows i = 0…m−1, columns j:  CQ[i, j] = A'[i, j]
/// </code>
/// </summary>
internal static class VertexPolytopes
{
    /// <summary>CP (n × m) and CQ (m × n), row-major, every entry a positive integer.</summary>
    public static (BigInteger[] P, BigInteger[] Q) Build(ExactBimatrixGame game)
    {
        VertexConstraints c = BuildScaled(game);
        return (c.P, c.Q);
    }

    /// <summary>As <see cref="Build(ExactBimatrixGame)"/> of <c>ExactBimatrixGame.FromDouble(game)</c>, the same integers.</summary>
    public static (BigInteger[] P, BigInteger[] Q) Build(BimatrixGame game)
    {
        VertexConstraints c = BuildScaled(game);
        return (c.P, c.Q);
    }

    /// <summary>The constraint matrices with the shift and scale that map them back to the payoffs.</summary>
    public static VertexConstraints BuildScaled(ExactBimatrixGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        (BigInteger[] a, BigInteger scaleA, Rational offsetA) = PositiveIntegers(game.AFlat);
        (BigInteger[] b, BigInteger scaleB, Rational offsetB) = PositiveIntegers(game.BFlat);
        return new VertexConstraints(game.Rows, game.Columns, Transpose(b, game.Rows, game.Columns), a, scaleA, offsetA, scaleB, offsetB);
    }

    /// <summary>
    /// <see cref="BuildScaled(ExactBimatrixGame)"/> of <c>ExactBimatrixGame.FromDouble(game)</c>, the same integers,
    /// straight from the doubles: every double is <c>mantissa · 2^exponent</c>, so the lcm of a matrix's denominators
    /// is <c>2^F</c> (F its largest number of fractional bits) and each scaled entry <c>(v − min + 1)·2^F</c> is a
    /// difference of shifted mantissas (no rational arithmetic, no gcd; the exact route cost about half a millisecond
    /// per 8×8 game of full-precision doubles).
    /// </summary>
    public static VertexConstraints BuildScaled(BimatrixGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        (BigInteger[] a, BigInteger scaleA, Rational offsetA) = PositiveIntegers(game.AFlat);
        (BigInteger[] b, BigInteger scaleB, Rational offsetB) = PositiveIntegers(game.BFlat);
        return new VertexConstraints(game.Rows, game.Columns, Transpose(b, game.Rows, game.Columns), a, scaleA, offsetA, scaleB, offsetB);
    }

    /// <summary>CP[j, i] = B'[i, j].</summary>
    private static BigInteger[] Transpose(BigInteger[] b, int m, int n)
    {
        var p = new BigInteger[n * m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                p[(j * m) + i] = b[(i * n) + j];
            }
        }

        return p;
    }

    /// <summary>
    /// An upper bound, in bits, on every entry the fraction-free pivots can produce: Hadamard's bound on the largest
    /// minor of the integral constraint matrices, <c>d · (b + ½·log₂ d)</c> with <c>d = max(m, n)</c> and <c>b</c> the
    /// largest entry's bit length. At most 62 means the search never leaves 64-bit arithmetic.
    /// </summary>
    public static double PivotBitsBound(ExactBimatrixGame game)
    {
        (BigInteger[] p, BigInteger[] q) = Build(game);
        long bits = 0;
        foreach (BigInteger v in p)
        {
            bits = Math.Max(bits, v.GetBitLength());
        }

        foreach (BigInteger v in q)
        {
            bits = Math.Max(bits, v.GetBitLength());
        }

        int d = Math.Max(game.Rows, game.Columns) + 1; // + 1: the right-hand side column takes part in the minors
        return d * (bits + (0.5 * Math.Log2(d)));
    }

    /// <summary>
    /// <see cref="PivotBitsBound(ExactBimatrixGame)"/> of <c>ExactBimatrixGame.FromDouble(game)</c>, the same value,
    /// without building the rational game: every double is <c>mantissa · 2^exponent</c>, so a matrix's denominators'
    /// lcm is <c>2^F</c> (F its largest number of fractional bits) and its largest scaled entry is
    /// <c>(max − min)·2^F + 2^F</c>, two exact integers. <c>auto</c> asks this of every game it routes.
    /// </summary>
    public static double PivotBitsBound(BimatrixGame game)
    {
        long bits = Math.Max(LargestEntryBits(game.AFlat), LargestEntryBits(game.BFlat));
        int d = Math.Max(game.Rows, game.Columns) + 1;
        return d * (bits + (0.5 * Math.Log2(d)));
    }

    /// <summary>Bit length of <c>(max − min + 1)·2^F</c> for one payoff matrix (finite values).</summary>
    private static long LargestEntryBits(ReadOnlySpan<double> flat)
    {
        double min = flat[0], max = flat[0];
        int fractionBits = 0;
        foreach (double v in flat)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            (long mantissa, int exponent) = Decompose(v);
            if (mantissa != 0)
            {
                fractionBits = Math.Max(fractionBits, -(exponent + BitOperations.TrailingZeroCount((ulong)Math.Abs(mantissa))));
            }
        }

        return (Scaled(max, fractionBits) - Scaled(min, fractionBits) + (BigInteger.One << fractionBits)).GetBitLength();
    }

    /// <summary><paramref name="v"/>·2^<paramref name="fractionBits"/>, an integer when the shift covers v's fraction bits.</summary>
    private static BigInteger Scaled(double v, int fractionBits)
    {
        (long mantissa, int exponent) = Decompose(v);
        return new BigInteger(mantissa) << (exponent + fractionBits);
    }

    /// <summary><paramref name="v"/> = mantissa · 2^exponent exactly (mantissa signed, below 2^53 in magnitude).</summary>
    private static (long Mantissa, int Exponent) Decompose(double v)
    {
        long raw = BitConverter.DoubleToInt64Bits(v);
        int biased = (int)((raw >> 52) & 0x7FF);
        long fraction = raw & ((1L << 52) - 1);
        long mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        int exponent = (biased == 0 ? 1 : biased) - 1075;
        return (raw < 0 ? -mantissa : mantissa, exponent);
    }

    /// <summary>(M − min M + 1) · 2^F for a double matrix (F its largest number of fractional bits), 2^F and min − 1.</summary>
    private static (BigInteger[] Entries, BigInteger Scale, Rational Offset) PositiveIntegers(ReadOnlySpan<double> flat)
    {
        double min = flat[0];
        int fractionBits = 0, maxShift = int.MinValue;
        foreach (double v in flat)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"Cannot convert {v} to a rational number; the value must be finite.", nameof(flat));
            }

            min = Math.Min(min, v);
            (long mantissa, int exponent) = Decompose(v);
            if (mantissa != 0)
            {
                int zeros = BitOperations.TrailingZeroCount((ulong)Math.Abs(mantissa));
                fractionBits = Math.Max(fractionBits, -(exponent + zeros));
                maxShift = Math.Max(maxShift, exponent);
            }
        }

        var result = new BigInteger[flat.Length];
        BigInteger scale = BigInteger.One << fractionBits;
        Rational offset = MinusOne(Rational.FromDouble(min));

        // Every v·2^F is an integer below 2^(53 + maxShift + F) in magnitude; when that and 2^F are at most 2^123 the
        // entries (v − min + 1)·2^F fit an Int128, and only the final conversion touches BigInteger.
        if (maxShift == int.MinValue || (maxShift + fractionBits <= 70 && fractionBits <= 120))
        {
            Int128 minScaled = ScaledSmall(min, fractionBits);
            Int128 one = Int128.One << fractionBits;
            for (int k = 0; k < flat.Length; k++)
            {
                result[k] = ScaledSmall(flat[k], fractionBits) - minScaled + one;
            }

            return (result, scale, offset);
        }

        BigInteger minBig = Scaled(min, fractionBits);
        for (int k = 0; k < flat.Length; k++)
        {
            result[k] = Scaled(flat[k], fractionBits) - minBig + scale;
        }

        return (result, scale, offset);
    }

    /// <summary>
    /// x − 1 for a dyadic x in lowest terms (a double's value), without the general subtraction's gcd: an odd numerator
    /// over a power of two above one stays odd when the denominator is subtracted, so the result is in lowest terms too.
    /// </summary>
    private static Rational MinusOne(Rational x) =>
        x.IsInteger ? new Rational(x.Numerator - BigInteger.One) : Rational.FromLowestTerms(x.Numerator - x.Denominator, x.Denominator - BigInteger.One);

    /// <summary><paramref name="v"/>·2^<paramref name="fractionBits"/> as an Int128 (the caller checked it fits with room).</summary>
    private static Int128 ScaledSmall(double v, int fractionBits)
    {
        (long mantissa, int exponent) = Decompose(v);
        if (mantissa == 0)
        {
            return Int128.Zero;
        }

        int shift = exponent + fractionBits;
        return shift >= 0 ? (Int128)mantissa << shift : (Int128)(mantissa >> -shift); // a right shift drops only zero bits
    }

    /// <summary>
    /// (M − min M + 1) · lcm(denominators), row-major, with the lcm and min − 1. Only integer arithmetic: each entry is
    /// <c>num · (lcm / den) − min · lcm + lcm</c>, a shift when the denominators are powers of two (decimal and double
    /// inputs).
    /// </summary>
    private static (BigInteger[] Entries, BigInteger Scale, Rational Offset) PositiveIntegers(ReadOnlySpan<Rational> flat)
    {
        Rational min = flat[0];
        BigInteger lcm = BigInteger.One;
        bool dyadic = true;
        foreach (Rational v in flat)
        {
            min = Rational.Min(min, v);
            BigInteger den = v.Denominator;
            if (dyadic && den.IsPowerOfTwo)
            {
                lcm = BigInteger.Max(lcm, den);
            }
            else
            {
                dyadic = false;
                lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, den) * den;
            }
        }

        var result = new BigInteger[flat.Length];
        Rational offset = min - Rational.One;
        BigInteger shift = lcm - (min.Numerator * (lcm / min.Denominator));
        if (lcm.IsOne)
        {
            // Integer payoffs (the common case).
            for (int k = 0; k < flat.Length; k++)
            {
                result[k] = flat[k].Numerator + shift;
            }

            return (result, lcm, offset);
        }

        long lcmBits = dyadic ? (long)lcm.GetBitLength() - 1 : 0;
        for (int k = 0; k < flat.Length; k++)
        {
            Rational v = flat[k];
            BigInteger multiple = dyadic
                ? v.Numerator << (int)(lcmBits - ((long)v.Denominator.GetBitLength() - 1))
                : v.Numerator * (lcm / v.Denominator);
            result[k] = multiple + shift;
        }

        return (result, lcm, offset);
    }
}

/// <summary>
/// The integral constraint matrices of both polytopes (see <see cref="VertexPolytopes"/>) with the maps back to the
/// payoffs: <c>A = CQ / ScaleA + OffsetA</c> entry-wise, and <c>Bᵀ = CP / ScaleB + OffsetB</c>.
/// </summary>
internal sealed record VertexConstraints(int Rows, int Columns, BigInteger[] P, BigInteger[] Q, BigInteger ScaleA, Rational OffsetA, BigInteger ScaleB, Rational OffsetB);
