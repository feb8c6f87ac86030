using System.Numerics;
using System.Runtime.InteropServices;

namespace NashFast.Enumeration;

/// <summary>
/// Sums and dot products of non-negative <see cref="BigInteger"/>s accumulated in 64-bit limbs on the stack, for the
/// exact vertices: one allocation (the result) where <see cref="BigInteger"/> arithmetic allocates a new value at every
/// addition and product (about half a kilobyte per vertex sum and per payoff's dot product in a 10×10 game).
/// </summary>
/// <remarks>
/// In a short process (the CLI, the peer script) every allocation before the collector's first rounds is fresh
/// memory, and on the 2-core VM a fresh 4 KB page costs about 14 µs: about 4 µs per kilobyte allocated, inside the
/// solve. Negative values, big-endian machines and values beyond <see cref="MaxWords"/> limbs take the plain
/// <see cref="BigInteger"/> loop.
/// </remarks>
internal static class VertexLimbSums
{
    /// <summary>Largest accumulator kept on the stack, in 64-bit limbs (4 096 bits).</summary>
    private const int MaxWords = 64;

    /// <summary>The sum of <paramref name="values"/>.</summary>
    public static BigInteger Sum(ReadOnlySpan<BigInteger> values)
    {
        // One pass over the nonzero values for their signs and sizes (a vertex has as many zeros as unplayed strategies).
        long bits = 0;
        bool nonNegative = true;
        foreach (BigInteger v in values)
        {
            if (!v.IsZero)
            {
                nonNegative &= v.Sign > 0;
                bits = Math.Max(bits, (long)v.GetBitLength());
            }
        }

        if (nonNegative && bits <= 64 && values.Length <= 64)
        {
            // 64-bit values (small-integer games): one 128-bit accumulator, no limbs to load.
            UInt128 small = UInt128.Zero;
            foreach (BigInteger v in values)
            {
                if (!v.IsZero)
                {
                    small += (ulong)v;
                }
            }

            return small;
        }

        int words = (int)((bits + 63) / 64) + 1; // room for the carries of up to 2⁶⁴ addends
        if (!nonNegative || words > MaxWords || !BitConverter.IsLittleEndian)
        {
            BigInteger sum = BigInteger.Zero;
            foreach (BigInteger v in values)
            {
                sum += v;
            }

            return sum;
        }

        Span<ulong> acc = stackalloc ulong[words];
        Span<ulong> limbs = stackalloc ulong[words];
        acc.Clear();
        foreach (BigInteger v in values)
        {
            if (!v.IsZero)
            {
                int n = Load(v, limbs);
                AddAt(acc, limbs[..n], 0);
            }
        }

        return ToBigInteger(acc);
    }

    /// <summary>The dot product of <paramref name="a"/> and <paramref name="b"/> (same length).</summary>
    public static BigInteger Dot(ReadOnlySpan<BigInteger> a, ReadOnlySpan<BigInteger> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(b));
        }

        long aBits = 0, bBits = 0;
        bool nonNegative = true;
        for (int j = 0; j < a.Length; j++)
        {
            if (!a[j].IsZero && !b[j].IsZero)
            {
                nonNegative &= a[j].Sign > 0 && b[j].Sign > 0;
                aBits = Math.Max(aBits, (long)a[j].GetBitLength());
                bBits = Math.Max(bBits, (long)b[j].GetBitLength());
            }
        }

        if (nonNegative && aBits <= 64 && bBits <= 64 && aBits + bBits <= 121 && a.Length <= 64)
        {
            // Products below 2¹²¹ and at most 64 of them: one 128-bit accumulator (small-integer games).
            UInt128 small = UInt128.Zero;
            for (int j = 0; j < a.Length; j++)
            {
                if (!a[j].IsZero && !b[j].IsZero)
                {
                    small += (UInt128)(ulong)a[j] * (ulong)b[j];
                }
            }

            return small;
        }

        int aWords = (int)((aBits + 63) / 64), bWords = (int)((bBits + 63) / 64);
        int words = aWords + bWords + 1; // a product fits aWords + bWords limbs; one more for the carries of the sum
        if (!nonNegative || words > MaxWords || !BitConverter.IsLittleEndian)
        {
            BigInteger dot = BigInteger.Zero;
            for (int j = 0; j < a.Length; j++)
            {
                if (!a[j].IsZero && !b[j].IsZero)
                {
                    dot += a[j] * b[j];
                }
            }

            return dot;
        }

        Span<ulong> acc = stackalloc ulong[words];
        Span<ulong> x = stackalloc ulong[Math.Max(aWords, 1)];
        Span<ulong> y = stackalloc ulong[Math.Max(bWords, 1)];
        acc.Clear();
        for (int j = 0; j < a.Length; j++)
        {
            if (a[j].IsZero || b[j].IsZero)
            {
                continue;
            }

            int xn = Load(a[j], x), yn = Load(b[j], y);
            for (int i = 0; i < xn; i++)
            {
                // acc += x[i] · y · 2^(64·i), schoolbook, the row's carry added in after it.
                ulong carry = 0;
                ulong xi = x[i];
                for (int k = 0; k < yn; k++)
                {
                    UInt128 t = ((UInt128)xi * y[k]) + acc[i + k] + carry;
                    acc[i + k] = (ulong)t;
                    carry = (ulong)(t >> 64);
                }

                if (carry != 0)
                {
                    AddAt(acc, [carry], i + yn);
                }
            }
        }

        return ToBigInteger(acc);
    }

    private static int Words(BigInteger v) => (int)((v.GetBitLength() + 63) / 64);

    /// <summary>Writes non-negative <paramref name="v"/> to <paramref name="limbs"/>, returning the number of limbs it takes.</summary>
    private static int Load(BigInteger v, Span<ulong> limbs)
    {
        int n = Words(v);
        Span<ulong> target = limbs[..n];
        target.Clear();
        v.TryWriteBytes(MemoryMarshal.AsBytes(target), out _, isUnsigned: true, isBigEndian: false);
        return n;
    }

    /// <summary><c>acc += x · 2^(64·at)</c>; the accumulator has room for the result.</summary>
    private static void AddAt(Span<ulong> acc, ReadOnlySpan<ulong> x, int at)
    {
        ulong carry = 0;
        int i = 0;
        for (; i < x.Length; i++)
        {
            UInt128 t = (UInt128)acc[at + i] + x[i] + carry;
            acc[at + i] = (ulong)t;
            carry = (ulong)(t >> 64);
        }

        for (int k = at + i; carry != 0; k++)
        {
            acc[k] += carry;
            carry = acc[k] == 0 ? 1UL : 0UL;
        }
    }

    private static BigInteger ToBigInteger(ReadOnlySpan<ulong> limbs) =>
        new(MemoryMarshal.AsBytes(limbs), isUnsigned: true, isBigEndian: false);
}
