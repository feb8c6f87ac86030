using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>
/// The Bareiss pivot of a fraction-free dictionary (vertex enumeration's search and Lemke–Howson): every row but the
/// pivot row becomes <c>(a·p − b·c) / D</c>, an exact division, and the pivot column becomes <c>−b</c>.
/// </summary>
internal static class FractionFreePivot
{
    /// <summary>
    /// Updates the k − 1 non-pivot rows of <paramref name="from"/> into <paramref name="to"/> (the same memory for an
    /// in-place pivot: each entry is read before it is written, and the pivot row is only read); the pivot row itself
    /// and the new denominator are the caller's. False when an entry overflows <typeparamref name="T"/>.
    /// </summary>
    /// <param name="from">The dictionary before the pivot: k rows of <paramref name="w"/> entries.</param>
    /// <param name="to">Where the updated rows go.</param>
    /// <param name="k">Number of rows.</param>
    /// <param name="w">Row stride.</param>
    /// <param name="r">Pivot row.</param>
    /// <param name="s">Pivot column.</param>
    /// <param name="det">The current denominator, prepared for exact division.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call (see VertexSearch.Search)
    public static bool UpdateOtherRows<T, TOps>(ReadOnlySpan<T> from, Span<T> to, int k, int w, int r, int s, in VertexDivisor<T> det)
        where T : struct
        where TOps : struct, IVertexArithmetic<T>
    {
        int pivotRow = r * w;
        T p = from[pivotRow + s];
        for (int i = 0; i < k; i++)
        {
            if (i == r)
            {
                continue;
            }

            int row = i * w;
            T b = from[row + s];
            for (int j = 0; j < w; j++)
            {
                if (j != s && !TOps.TryPivot(in from[row + j], in p, in b, in from[pivotRow + j], in det, out to[row + j]))
                {
                    return false;
                }
            }

            to[row + s] = TOps.Negate(b);
        }

        return true;
    }
}
