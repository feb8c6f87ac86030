using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using NashFast.Internal.Simd;

namespace NashFast.Enumeration;

/// <summary>
/// The ratio tests of every column of a small-long dictionary of <see cref="VertexSearch{T, TOps}"/> at once (every
/// entry below 2^30): for each column s, the row of the smallest ratio rhs_i / p_is over the rows with p_is &gt; 0,
/// and which columns met a tie, whose row only the lexicographic rule decides.
/// </summary>
/// <remarks>
/// One column at a time, the test is a chain of compare-and-replace steps through the rows, each waiting for the one
/// before, with branches the predictor cannot learn (is p positive, is the ratio smaller): about a third of a 10×10
/// game with payoffs 0..3. Here the lanes are the columns (a row's column entries are contiguous), so eight chains
/// advance together, and the replacements are lane masks. A second pass counts the rows attaining each column's
/// minimum: where two or more do (a degenerate step), the column is marked tied and its answer must come from the
/// exact lexicographic test (<c>LexMinRatioRowSmall</c>); an unmarked column's row is the unique minimum, which is
/// also the lexicographic one.
/// Cross products stay below 2^61 in magnitude. The 8-lane path needs AVX-512DQ (<c>vpmullq</c>), the 4-lane path its
/// VL form; elsewhere the caller keeps testing one column at a time, as it needs.
/// </remarks>
internal static class VertexSmallRatio
{
    /// <summary>True when <see cref="Rows"/> runs in vectors on this machine.</summary>
    public static bool IsVectorized => Avx512DQ.IsSupported || Avx512DQ.VL.IsSupported;

    /// <summary>
    /// The row of each column's smallest ratio into <paramref name="rows"/> (d of them, −1 as 255 when a column has no
    /// positive entry); returns the columns whose minimum two or more rows attain (bit s), whose entry is then
    /// unspecified.
    /// </summary>
    /// <param name="dictionary">k rows of w = d + 1 entries: the d columns, then the right-hand side.</param>
    /// <param name="k">Rows.</param>
    /// <param name="d">Columns (d + 1 entries per row).</param>
    /// <param name="rows">The answers, one per column.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Rows(ReadOnlySpan<long> dictionary, int k, int d, Span<byte> rows)
    {
        if (dictionary.Length < k * (d + 1) || rows.Length < d || d > 63)
        {
            throw new ArgumentException("The dictionary must hold k rows of d + 1 entries, d ≤ 63, and rows room for d answers.");
        }

        if (Avx512DQ.IsSupported && d >= 8)
        {
            return RowsVector<Longs512>(dictionary, k, d, rows);
        }

        if (Avx512DQ.VL.IsSupported && d >= 4)
        {
            return RowsVector<Longs256>(dictionary, k, d, rows);
        }

        return RowsScalar(dictionary, k, d, rows);
    }

    /// <summary><see cref="Rows"/> one column at a time, in the same steps (the fallback; tested like the vector paths).</summary>
    internal static ulong RowsScalar(ReadOnlySpan<long> dictionary, int k, int d, Span<byte> rows)
    {
        int w = d + 1;
        ulong ties = 0;
        for (int s = 0; s < d; s++)
        {
            long best = -1, bestPivot = 0, bestRhs = 1;
            for (int i = 0; i < k; i++)
            {
                long p = dictionary[(i * w) + s];
                long rhs = dictionary[(i * w) + d];
                if (p > 0 && (rhs * bestPivot) - (bestRhs * p) < 0)
                {
                    best = i;
                    bestPivot = p;
                    bestRhs = rhs;
                }
            }

            int attaining = 0;
            for (int i = 0; i < k; i++)
            {
                long p = dictionary[(i * w) + s];
                if (p > 0 && (dictionary[(i * w) + d] * bestPivot) - (bestRhs * p) == 0)
                {
                    attaining++;
                }
            }

            ties |= attaining >= 2 ? 1UL << s : 0;
            rows[s] = (byte)best;
        }

        return ties;
    }

    /// <summary>
    /// <see cref="Rows"/> in vectors of one width (d ≥ lanes): whole vectors of columns from the first, then one
    /// overlapping vector ending at the last column (its lanes recompute some columns, with the same answers).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ulong RowsVector<TL>(ReadOnlySpan<long> dictionary, int k, int d, Span<byte> rows)
        where TL : struct, ISimdLongs<TL>
    {
        int lanes = TL.Count, w = d + 1;
        if (d < lanes)
        {
            throw new ArgumentException($"At least {lanes} columns are required.");
        }

        ref long m = ref MemoryMarshal.GetReference(dictionary);
        Span<long> answer = stackalloc long[8];
        ulong ties = 0;
        for (int first = 0; first < d; first += lanes)
        {
            int start = Math.Min(first, d - lanes);
            TL best = TL.AllBitsSet, bestPivot = TL.Zero, bestRhs = TL.One;
            for (int i = 0; i < k; i++)
            {
                ref long row = ref Unsafe.Add(ref m, i * w);
                TL p = TL.Load(ref row, (nuint)start);
                TL rhs = TL.Create(Unsafe.Add(ref row, d));
                TL c = (rhs * bestPivot) - (bestRhs * p);
                TL take = TL.ShiftRightArithmetic(c & -p, 63); // c < 0 and p > 0
                best = TL.ConditionalSelect(take, TL.Create(i), best);
                bestPivot = TL.ConditionalSelect(take, p, bestPivot);
                bestRhs = TL.ConditionalSelect(take, rhs, bestRhs);
            }

            // The rows attaining each column's minimum (these chains are independent): a column where two do is tied.
            TL attaining = TL.Zero;
            for (int i = 0; i < k; i++)
            {
                ref long row = ref Unsafe.Add(ref m, i * w);
                TL p = TL.Load(ref row, (nuint)start);
                TL c = (TL.Create(Unsafe.Add(ref row, d)) * bestPivot) - (bestRhs * p);
                attaining -= TL.CompareEqual(c, TL.Zero) & TL.ShiftRightArithmetic(-p, 63);
            }

            TL tied = TL.CompareLessThanOrEqual(TL.Create(2), attaining);

            best.Store(ref MemoryMarshal.GetReference(answer), 0);
            for (int l = 0; l < lanes; l++)
            {
                rows[start + l] = (byte)answer[l];
            }

            ties |= TL.ExtractMostSignificantBits(tied) << start;
        }

        return ties;
    }
}
