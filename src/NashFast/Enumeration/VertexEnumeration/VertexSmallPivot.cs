using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NashFast.Internal.Simd;

namespace NashFast.Enumeration;

/// <summary>
/// The row update of <see cref="VertexSearch{T, TOps}"/>'s small-long pivot (every entry and the determinant below
/// 2^30): <c>to[i][j] = (from[i][j]·p − b_i·from[r][j]) / D</c> for every row <c>i ≠ r</c>, and <c>to[i][s] = −b_i</c>.
/// </summary>
/// <remarks>
/// The division is exact (Bareiss), so with <c>D = 2^t·o</c> (o odd) the quotient is the numerator shifted right by t
/// (exact: the numerator is a multiple of 2^t) times <c>o⁻¹ mod 2^64</c>: both products and the numerator stay below
/// 2^61 in magnitude, and the true quotient fits a long, so arithmetic modulo 2^64 gives it exactly. Lane-wise, that
/// is two 64-bit multiplications, a subtraction, a shift and a multiplication, which AVX-512DQ has (<c>vpmullq</c>);
/// without it (AVX2 multiplies 64-bit lanes in three 32-bit products) the scalar loop is used. A row of a 10×10 game's
/// dictionary is 11 entries: one 8-lane vector and one overlapping 8-lane tail (4 lanes for rows of 4 to 7 entries),
/// the tail computed before anything is stored so that an in-place update (source = target) reads only old values.
/// </remarks>
internal static class VertexSmallPivot
{

    /// <summary>Updates every row but <paramref name="r"/>; returns the OR of <c>v ^ (v &gt;&gt; 63)</c> over the entries written.</summary>
    /// <param name="from">The dictionary read (k rows of w entries).</param>
    /// <param name="to">The dictionary written (may be <paramref name="from"/>).</param>
    /// <param name="k">Rows.</param>
    /// <param name="w">Entries per row.</param>
    /// <param name="r">Pivot row (not written).</param>
    /// <param name="s">Pivot column.</param>
    /// <param name="det">The current determinant D (positive, below 2^30).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long UpdateRows(ReadOnlySpan<long> from, Span<long> to, int k, int w, int r, int s, long det)
    {
        if (Avx512DQ.IsSupported && w >= 8)
        {
            return UpdateRows512(from, to, k, w, r, s, det);
        }

        if (Avx512DQ.VL.IsSupported && w >= 4)
        {
            return UpdateRows256(from, to, k, w, r, s, det);
        }

        return UpdateRowsScalar(from, to, k, w, r, s, det);
    }

    /// <summary><see cref="UpdateRows"/> in scalar code (the fallback, and the tests' reference for the vector paths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static long UpdateRowsScalar(ReadOnlySpan<long> from, Span<long> to, int k, int w, int r, int s, long det)
    {
        ReadOnlySpan<long> pivot = from.Slice(r * w, w);
        long p = pivot[s];
        int shift = BitOperations.TrailingZeroCount(det);
        long inverse = (long)VertexLongArithmetic.InverseOdd((ulong)det >> shift);
        long magnitudes = 0;
        for (int i = 0; i < k; i++)
        {
            if (i == r)
            {
                continue;
            }

            ReadOnlySpan<long> row = from.Slice(i * w, w);
            Span<long> target = to.Slice(i * w, w);
            long b = row[s];
            if (b == 0 && det == 1)
            {
                for (int j = 0; j < row.Length; j++)
                {
                    long v = row[j] * p;
                    target[j] = v;
                    magnitudes |= v ^ (v >> 63);
                }
            }
            else
            {
                for (int j = 0; j < row.Length; j++)
                {
                    long v = ((row[j] * p) - (b * pivot[j])) >> shift;
                    v *= inverse;
                    target[j] = v;
                    magnitudes |= v ^ (v >> 63);
                }
            }

            target[s] = -b;
            magnitudes |= b ^ (b >> 63);
        }

        return magnitudes;
    }

    /// <summary><see cref="UpdateRows"/> in 8-lane vectors (w ≥ 8, AVX-512DQ).</summary>
    internal static long UpdateRows512(ReadOnlySpan<long> from, Span<long> to, int k, int w, int r, int s, long det) =>
        UpdateRowsVector<Longs512>(from, to, k, w, r, s, det);

    /// <summary><see cref="UpdateRows"/> in 4-lane vectors (w ≥ 4, AVX-512DQ with VL).</summary>
    internal static long UpdateRows256(ReadOnlySpan<long> from, Span<long> to, int k, int w, int r, int s, long det) =>
        UpdateRowsVector<Longs256>(from, to, k, w, r, s, det);

    /// <summary>
    /// <see cref="UpdateRows"/> in vectors of one width (one body for Vector256 and Vector512; rows of at least
    /// <c>TL.Count</c> entries): whole vectors from the start of the row, then one overlapping vector ending at its last
    /// entry, computed before the row is stored.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long UpdateRowsVector<TL>(ReadOnlySpan<long> from, Span<long> to, int k, int w, int r, int s, long det)
        where TL : struct, ISimdLongs<TL>
    {
        int lanes = TL.Count;
        if (w < lanes || from.Length < k * w || to.Length < k * w)
        {
            throw new ArgumentException($"Rows of at least {lanes} entries, k·w of them, are required.");
        }

        ref long source = ref MemoryMarshal.GetReference(from);
        ref long target = ref MemoryMarshal.GetReference(to);
        ref long pivot = ref Unsafe.Add(ref source, r * w);
        long p = Unsafe.Add(ref pivot, s);
        int shift = BitOperations.TrailingZeroCount(det);
        TL inverse = TL.Create((long)VertexLongArithmetic.InverseOdd((ulong)det >> shift));
        TL vp = TL.Create(p);
        TL magnitudes = TL.Zero;
        nuint tailAt = (nuint)(w - lanes);
        TL pivotTail = TL.Load(ref pivot, tailAt);
        for (int i = 0; i < k; i++)
        {
            if (i == r)
            {
                continue;
            }

            ref long row = ref Unsafe.Add(ref source, i * w);
            ref long written = ref Unsafe.Add(ref target, i * w);
            long b = Unsafe.Add(ref row, s);
            TL vb = TL.Create(b);
            TL tail = TL.ShiftRightArithmetic((TL.Load(ref row, tailAt) * vp) - (vb * pivotTail), shift) * inverse;
            nuint j = 0;
            for (; j + (nuint)lanes <= (nuint)w; j += (nuint)lanes)
            {
                TL v = TL.ShiftRightArithmetic((TL.Load(ref row, j) * vp) - (vb * TL.Load(ref pivot, j)), shift) * inverse;
                v.Store(ref written, j);
                magnitudes |= v ^ TL.ShiftRightArithmetic(v, 63);
            }

            tail.Store(ref written, tailAt);
            magnitudes |= tail ^ TL.ShiftRightArithmetic(tail, 63);
            Unsafe.Add(ref written, s) = -b;
            magnitudes |= vb ^ TL.ShiftRightArithmetic(vb, 63);
        }

        return TL.OrAcross(magnitudes);
    }
}
