using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NashFast.Enumeration;

/// <summary>A fixed number of 64-bit limbs, stored inline (the entry type of the wide arithmetic tiers).</summary>
internal interface IVertexLimbs
{
    /// <summary>Number of limbs.</summary>
    static abstract int Count { get; }
}

/// <summary>2 limbs: 128-bit entries.</summary>
[InlineArray(2)]
internal struct VertexLimbs2 : IVertexLimbs
{
    private ulong _limb;

    public static int Count => 2;
}

/// <summary>4 limbs: 256-bit entries.</summary>
[InlineArray(4)]
internal struct VertexLimbs4 : IVertexLimbs
{
    private ulong _limb;

    public static int Count => 4;
}

/// <summary>8 limbs: 512-bit entries.</summary>
[InlineArray(8)]
internal struct VertexLimbs8 : IVertexLimbs
{
    private ulong _limb;

    public static int Count => 8;
}

/// <summary>12 limbs: 768-bit entries.</summary>
[InlineArray(12)]
internal struct VertexLimbs12 : IVertexLimbs
{
    private ulong _limb;

    public static int Count => 12;
}

/// <summary>16 limbs: 1024-bit entries.</summary>
[InlineArray(16)]
internal struct VertexLimbs16 : IVertexLimbs
{
    private ulong _limb;

    public static int Count => 16;
}

/// <summary>24 limbs: 1536-bit entries.</summary>
[InlineArray(24)]
internal struct VertexLimbs24 : IVertexLimbs
{
    private ulong _limb;

    public static int Count => 24;
}

/// <summary>
/// Fixed-width signed integers of <c>L = TLimbs.Count</c> 64-bit limbs (two's complement, little-endian), the middle
/// tiers between <see cref="VertexLongArithmetic"/> and <see cref="VertexBigArithmetic"/>: no allocation, no
/// normalisation, no long division.
/// </summary>
/// <remarks>
/// <para>Entries are kept below <c>2^(64L−2)</c> in magnitude, so a product of two entries fits <c>2L</c> limbs with
/// room for the difference of two products. Products are schoolbook over the limbs actually in use (entries grow
/// during the search, so early pivots are cheap).</para>
/// <para><b>Exact division without dividing.</b> The Bareiss quotient <c>Q = N / D</c> is known to be an integer. With
/// <c>D = 2^t·D'</c>, <c>D'</c> odd, <c>Q ≡ (N / 2^t)·D'⁻¹ (mod 2^(64L))</c>, where the inverse of <c>D'</c> modulo
/// <c>2^(64L)</c> is computed once per pivot (Newton–Hensel). The congruence gives <c>Q</c> exactly when
/// <c>|Q| &lt; 2^(64L−1)</c>; we guarantee <c>|Q| &lt; 2^(64L−2)</c> from bit lengths alone:
/// <c>bitlen|N| ≤ bitlen D + 64L − 3</c> implies <c>|N| &lt; 2^(bitlen D − 1)·2^(64L−2) ≤ D·2^(64L−2)</c>.
/// When the test fails (which can only happen when <c>|Q| ≥ 2^(64L−4)</c>) the pivot reports overflow and the search
/// moves to a wider tier.</para>
/// </remarks>
/// <typeparam name="TLimbs">The limb storage, which fixes the width.</typeparam>
[SkipLocalsInit] // every scratch span is fully written before it is read
internal readonly struct VertexWideArithmetic<TLimbs> : IVertexArithmetic<TLimbs>
    where TLimbs : struct, IVertexLimbs
{
    /// <summary>Entries satisfy <c>|x| &lt; 2^SafeBits</c>.</summary>
    public static int SafeBits => (64 * TLimbs.Count) - 2;

    private static int L => TLimbs.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Span<ulong> Limbs(ref TLimbs value) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<TLimbs, ulong>(ref value), TLimbs.Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<ulong> Read(in TLimbs value) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TLimbs, ulong>(ref Unsafe.AsRef(in value)), TLimbs.Count);

    public static bool TryFrom(BigInteger value, out TLimbs result)
    {
        result = default;
        if (value.IsZero)
        {
            return true;
        }

        if (BigInteger.Abs(value).GetBitLength() > SafeBits)
        {
            return false;
        }

        Span<byte> bytes = MemoryMarshal.AsBytes(Limbs(ref result));
        bytes.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        bool written = value.TryWriteBytes(bytes, out _, isUnsigned: false, isBigEndian: false);
        return written;
    }

    public static BigInteger ToBig(TLimbs a) => new(MemoryMarshal.AsBytes(Read(in a)), isUnsigned: false, isBigEndian: false);

    public static TLimbs One
    {
        get
        {
            TLimbs one = default;
            Limbs(ref one)[0] = 1;
            return one;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Sign(TLimbs a)
    {
        ReadOnlySpan<ulong> x = Read(in a);
        if ((long)x[L - 1] < 0)
        {
            return -1;
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] != 0)
            {
                return 1;
            }
        }

        return 0;
    }

    public static TLimbs Negate(TLimbs a)
    {
        TLimbs r = a;
        NegateInPlace(Limbs(ref r));
        return r;
    }

    public static VertexDivisor<TLimbs> PrepareDivisor(TLimbs d)
    {
        ReadOnlySpan<ulong> x = Read(in d);
        int bits = BitLength(x);
        int t = TrailingZeros(x);

        // D' = D >> t (odd), then its inverse modulo 2^(64L) by Newton: y ← y·(2 − D'·y) doubles the correct bits.
        Span<ulong> odd = stackalloc ulong[L];
        ShiftRightLow(x, t, odd);
        ulong y0 = odd[0];
        ulong inv = (3 * y0) ^ 2; // correct to 5 bits
        for (int k = 0; k < 4; k++)
        {
            inv *= 2 - (y0 * inv);
        }

        TLimbs inverse = default;
        Span<ulong> y = Limbs(ref inverse);
        y[0] = inv;
        Span<ulong> e = stackalloc ulong[L];
        Span<ulong> f = stackalloc ulong[L];
        for (int good = 64; good < 64 * L; good *= 2)
        {
            // e = D'·y mod 2^(64L); f = 2 − e; y = y·f mod 2^(64L).
            MulLow(odd, y, e);
            NegateInPlace(e);
            AddSmall(e, 2);
            MulLow(y, e, f);
            f.CopyTo(y);
        }

        return new VertexDivisor<TLimbs>(d, inverse, t, bits);
    }

    public static bool TryPivot(in TLimbs a, in TLimbs p, in TLimbs b, in TLimbs c, in VertexDivisor<TLimbs> d, out TLimbs result)
    {
        int l2 = 2 * L;
        Span<ulong> n = stackalloc ulong[l2];
        Span<ulong> scratch = stackalloc ulong[l2];
        MulSigned(Read(in a), Read(in p), n);
        if (!IsZero(Read(in b)) && !IsZero(Read(in c)))
        {
            MulSigned(Read(in b), Read(in c), scratch);
            VertexLimbSpans.Subtract(n, scratch);
        }

        bool negative = (long)n[l2 - 1] < 0;
        if (negative)
        {
            NegateInPlace(n);
        }

        result = default;
        int bits = BitLength(n);
        if (bits == 0)
        {
            return true;
        }

        if (bits > d.Bits + (64 * L) - 3)
        {
            return false;
        }

        Span<ulong> shifted = scratch[..L];
        ShiftRightLow(n, d.Shift, shifted);
        Span<ulong> q = Limbs(ref result);
        MulLow(shifted, Read(in d.Inverse), q);
        if (negative)
        {
            NegateInPlace(q);
        }

        return true;
    }

    public static int CompareProducts(in TLimbs a, in TLimbs b, in TLimbs c, in TLimbs d)
    {
        int l2 = 2 * L;
        Span<ulong> left = stackalloc ulong[l2];
        Span<ulong> right = stackalloc ulong[l2];
        MulSigned(Read(in a), Read(in b), left);
        MulSigned(Read(in c), Read(in d), right);
        bool ln = (long)left[l2 - 1] < 0, rn = (long)right[l2 - 1] < 0;
        if (ln != rn)
        {
            return ln ? -1 : 1;
        }

        // Same sign: two's complement compares as unsigned.
        for (int i = l2 - 1; i >= 0; i--)
        {
            if (left[i] != right[i])
            {
                return left[i] < right[i] ? -1 : 1;
            }
        }

        return 0;
    }

    /// <summary>r = x·y (signed, r has 2L limbs and is overwritten).</summary>
    private static void MulSigned(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y, Span<ulong> r)
    {
        r.Clear();
        bool xn = (long)x[^1] < 0, yn = (long)y[^1] < 0;
        Span<ulong> xm = stackalloc ulong[L];
        Span<ulong> ym = stackalloc ulong[L];
        scoped ReadOnlySpan<ulong> xa = x;
        scoped ReadOnlySpan<ulong> ya = y;
        if (xn)
        {
            x.CopyTo(xm);
            NegateInPlace(xm);
            xa = xm;
        }

        if (yn)
        {
            y.CopyTo(ym);
            NegateInPlace(ym);
            ya = ym;
        }

        int lx = UsedLimbs(xa), ly = UsedLimbs(ya);
        MulAdd(xa[..lx], ya[..ly], r);

        if (xn != yn)
        {
            NegateInPlace(r);
        }
    }

    /// <summary>r = x·y mod 2^(64·r.Length) (unsigned; x, y, r of the same length, r distinct from both).</summary>
    private static void MulLow(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y, Span<ulong> r)
    {
        r.Clear();
        int len = r.Length;
        int lx = UsedLimbs(x), ly = UsedLimbs(y);
        ref ulong rr = ref MemoryMarshal.GetReference(r);
        ref ulong yr = ref MemoryMarshal.GetReference(y);
        for (int i = 0; i < lx; i++)
        {
            ulong xi = x[i];
            if (xi == 0)
            {
                continue;
            }

            ulong carry = 0;
            int end = Math.Min(ly, len - i);
            ref ulong ri = ref Unsafe.Add(ref rr, i);
            for (int j = 0; j < end; j++)
            {
                ref ulong slot = ref Unsafe.Add(ref ri, j);
                UInt128 t = Math.BigMul(xi, Unsafe.Add(ref yr, j)) + slot + carry;
                slot = (ulong)t;
                carry = (ulong)(t >> 64);
            }

            if (i + end < len)
            {
                Unsafe.Add(ref ri, end) = carry;
            }
        }
    }

    /// <summary>r += x·y, r zeroed beforehand and at least x.Length + y.Length limbs (unchecked inner loop).</summary>
    private static void MulAdd(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y, Span<ulong> r)
    {
        if (r.Length < x.Length + y.Length)
        {
            ThrowHelperRange();
        }

        int ly = y.Length;
        ref ulong rr = ref MemoryMarshal.GetReference(r);
        ref ulong yr = ref MemoryMarshal.GetReference(y);
        for (int i = 0; i < x.Length; i++)
        {
            ulong xi = x[i];
            if (xi == 0)
            {
                continue;
            }

            ulong carry = 0;
            ref ulong ri = ref Unsafe.Add(ref rr, i);
            for (int j = 0; j < ly; j++)
            {
                ref ulong slot = ref Unsafe.Add(ref ri, j);
                UInt128 t = Math.BigMul(xi, Unsafe.Add(ref yr, j)) + slot + carry;
                slot = (ulong)t;
                carry = (ulong)(t >> 64);
            }

            Unsafe.Add(ref ri, ly) = carry;
        }
    }

    private static void ThrowHelperRange() => throw new InvalidOperationException("Product buffer too short.");

    /// <summary>r = low limbs of x >> shift (logical).</summary>
    private static void ShiftRightLow(ReadOnlySpan<ulong> x, int shift, Span<ulong> r)
    {
        int limb = shift >> 6, bit = shift & 63;
        for (int i = 0; i < r.Length; i++)
        {
            int k = i + limb;
            ulong lo = k < x.Length ? x[k] : 0;
            if (bit != 0)
            {
                ulong hi = k + 1 < x.Length ? x[k + 1] : 0;
                lo = (lo >> bit) | (hi << (64 - bit));
            }

            r[i] = lo;
        }
    }

    private static void NegateInPlace(Span<ulong> x)
    {
        ulong carry = 1;
        for (int i = 0; i < x.Length; i++)
        {
            ulong v = ~x[i] + carry;
            carry = v < carry ? 1UL : 0UL;
            x[i] = v;
        }
    }

    private static void AddSmall(Span<ulong> x, ulong value)
    {
        ulong carry = value;
        for (int i = 0; i < x.Length && carry != 0; i++)
        {
            ulong v = x[i] + carry;
            carry = v < carry ? 1UL : 0UL;
            x[i] = v;
        }
    }


    private static bool IsZero(ReadOnlySpan<ulong> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int UsedLimbs(ReadOnlySpan<ulong> x)
    {
        int i = x.Length;
        while (i > 0 && x[i - 1] == 0)
        {
            i--;
        }

        return i;
    }

    /// <summary>Bit length of a nonnegative value.</summary>
    private static int BitLength(ReadOnlySpan<ulong> x)
    {
        int used = UsedLimbs(x);
        return used == 0 ? 0 : (64 * used) - BitOperations.LeadingZeroCount(x[used - 1]);
    }

    private static int TrailingZeros(ReadOnlySpan<ulong> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] != 0)
            {
                return (64 * i) + BitOperations.TrailingZeroCount(x[i]);
            }
        }

        return 0;
    }
}
