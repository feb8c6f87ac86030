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
        int m = game.Rows, n = game.Columns;
        BigInteger[] a = PositiveIntegers(game.AFlat);
        BigInteger[] b = PositiveIntegers(game.BFlat);
        var p = new BigInteger[n * m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                p[(j * m) + i] = b[(i * n) + j];
            }
        }

        return (p, a);
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

    /// <summary>(M − min M + 1) · lcm(denominators), row-major.</summary>
    private static BigInteger[] PositiveIntegers(ReadOnlySpan<Rational> flat)
    {
        Rational min = flat[0];
        BigInteger lcm = BigInteger.One;
        foreach (Rational v in flat)
        {
            min = Rational.Min(min, v);
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, v.Denominator) * v.Denominator;
        }

        var result = new BigInteger[flat.Length];
        if (lcm.IsOne)
        {
            // Integer payoffs (the common case): no rational arithmetic needed.
            BigInteger shift = BigInteger.One - min.Numerator;
            for (int k = 0; k < flat.Length; k++)
            {
                result[k] = flat[k].Numerator + shift;
            }

            return result;
        }

        var scale = new Rational(lcm);
        for (int k = 0; k < flat.Length; k++)
        {
            result[k] = ((flat[k] - min + Rational.One) * scale).Numerator;
        }

        return result;
    }
}
