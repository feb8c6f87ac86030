using System.Numerics;
using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>
/// The integer operations of fraction-free (Bareiss / lrs-style) pivoting, as static members so that the generic
/// search is compiled once per number type with no virtual calls: <see cref="VertexLongArithmetic"/> (64-bit entries,
/// 128-bit intermediates, overflow detected) and <see cref="VertexBigArithmetic"/> (<see cref="BigInteger"/>, never
/// overflows), with the fixed-width tiers of <see cref="VertexWideArithmetic{TLimbs}"/> between them.
/// </summary>
/// <typeparam name="T">The entry type of the integer tableau.</typeparam>
internal interface IVertexArithmetic<T>
    where T : struct
{
    /// <summary>Converts an input entry; false when it does not fit the type's safe range.</summary>
    static abstract bool TryFrom(BigInteger value, out T result);

    /// <summary>Precomputes what the divisions by <paramref name="d"/> (positive) of one pivot need.</summary>
    static abstract VertexDivisor<T> PrepareDivisor(T d);

    /// <summary>
    /// The Bareiss update <c>(a·p − b·c) / d</c>, where the division is known to be exact; false on overflow.
    /// </summary>
    static abstract bool TryPivot(in T a, in T p, in T b, in T c, in VertexDivisor<T> d, out T result);

    /// <summary>Sign of <c>a·b − c·d</c> (exact).</summary>
    static abstract int CompareProducts(in T a, in T b, in T c, in T d);

    /// <summary>Sign of <paramref name="a"/>.</summary>
    static abstract int Sign(T a);

    /// <summary>The value −<paramref name="a"/> (entries stay within the safe range, which is symmetric).</summary>
    static abstract T Negate(T a);

    /// <summary>The value one.</summary>
    static abstract T One { get; }

    /// <summary>The value as a <see cref="BigInteger"/>.</summary>
    static abstract BigInteger ToBig(T a);
}

/// <summary>
/// 64-bit entries kept within ±2^62 so that a product of two entries and the difference of two products fit a
/// <see cref="Int128"/> without overflow; a pivot whose result leaves that range reports overflow, and the search
/// restarts in <see cref="BigInteger"/>.
/// </summary>
internal readonly struct VertexLongArithmetic : IVertexArithmetic<long>
{
    /// <summary>Largest magnitude an entry may have.</summary>
    public const long Limit = 1L << 62;

    public static bool TryFrom(BigInteger value, out long result)
    {
        if (BigInteger.Abs(value) <= Limit)
        {
            result = (long)value;
            return true;
        }

        result = 0;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VertexDivisor<long> PrepareDivisor(long d) => new(d, 0, 0, 0);

    /// <summary>The inverse of an odd <paramref name="odd"/> modulo 2^64 (Newton's iteration doubles the correct bits).</summary>
    public static ulong InverseOdd(ulong odd)
    {
        ulong x = (3 * odd) ^ 2; // correct to 5 bits
        x *= 2 - (odd * x);
        x *= 2 - (odd * x);
        x *= 2 - (odd * x);
        x *= 2 - (odd * x); // 80 bits
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPivot(in long a, in long p, in long b, in long c, in VertexDivisor<long> divisor, out long result)
    {
        long d = divisor.Value;
        Int128 numerator = ((Int128)a * p) - ((Int128)b * c);
        if (numerator >= long.MinValue && numerator <= long.MaxValue)
        {
            // The common case: the 128-bit quotient would cost a software division.
            result = (long)numerator / d;
        }
        else
        {
            Int128 q = numerator / d;
            if (q > Limit || q < -Limit)
            {
                result = 0;
                return false;
            }

            result = (long)q;
        }

        return result <= Limit && result >= -Limit;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CompareProducts(in long a, in long b, in long c, in long d) => ((Int128)a * b).CompareTo((Int128)c * d);

    public static int Sign(long a) => Math.Sign(a);

    public static long Negate(long a) => -a;

    public static long One => 1;

    public static BigInteger ToBig(long a) => a;
}

/// <summary>Arbitrary-precision entries: the fallback after a 64-bit overflow.</summary>
internal readonly struct VertexBigArithmetic : IVertexArithmetic<BigInteger>
{
    public static bool TryFrom(BigInteger value, out BigInteger result)
    {
        result = value;
        return true;
    }

    public static VertexDivisor<BigInteger> PrepareDivisor(BigInteger d) => new(d, BigInteger.Zero, 0, 0);

    public static bool TryPivot(in BigInteger a, in BigInteger p, in BigInteger b, in BigInteger c, in VertexDivisor<BigInteger> divisor, out BigInteger result)
    {
        BigInteger d = divisor.Value;
        BigInteger numerator = b.IsZero || c.IsZero ? a * p : (a * p) - (b * c);
        result = d.IsOne ? numerator : BigInteger.Divide(numerator, d);
        return true;
    }

    public static int CompareProducts(in BigInteger a, in BigInteger b, in BigInteger c, in BigInteger d) => (a * b).CompareTo(c * d);

    public static int Sign(BigInteger a) => a.Sign;

    public static BigInteger Negate(BigInteger a) => -a;

    public static BigInteger One => BigInteger.One;

    public static BigInteger ToBig(BigInteger a) => a;
}

/// <summary>A pivot's divisor with what exact division by it needs (the last three are used by the wide tiers only).</summary>
/// <typeparam name="T">Entry type.</typeparam>
internal readonly struct VertexDivisor<T>(T value, T inverse, int shift, int bits)
{
    /// <summary>The divisor, positive.</summary>
    public readonly T Value = value;

    /// <summary>The inverse of its odd part modulo the type's width.</summary>
    public readonly T Inverse = inverse;

    /// <summary>Its number of trailing zero bits.</summary>
    public readonly int Shift = shift;

    /// <summary>Its bit length.</summary>
    public readonly int Bits = bits;
}
