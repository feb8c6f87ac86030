using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>
/// The lexicographic ratio comparison of fraction-free dictionaries (vertex enumeration's search and Lemke–Howson):
/// which of two rows leaves first when a column enters, with the right-hand side perturbed to
/// <c>1 + (ε, ε², …, ε^k)</c> so that ties are broken the same way every time.
/// </summary>
internal static class LexicographicRatio
{
    /// <summary>
    /// Sign of ratio(i) − ratio(t) for entering column <paramref name="s"/>: the right-hand sides over the (positive)
    /// column entries first, then, on a tie, the rows of B⁻¹ (the slack columns) in order.
    /// </summary>
    /// <param name="m">The dictionary: k rows of <paramref name="w"/> entries, nonbasic columns then the right-hand side at <paramref name="d"/>.</param>
    /// <param name="w">Row stride (d + 1).</param>
    /// <param name="d">Number of nonbasic columns (the right-hand side's index).</param>
    /// <param name="k">Number of rows (slack variables are d … d + k − 1).</param>
    /// <param name="rowOf">Row of each basic variable, −1 for nonbasic ones.</param>
    /// <param name="slotOf">Column of each nonbasic variable, −1 for basic ones.</param>
    /// <param name="det">The dictionary's denominator (the diagonal entry of a basic slack's B⁻¹ row).</param>
    /// <param name="i">First row.</param>
    /// <param name="t">Second row.</param>
    /// <param name="s">Entering column.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call (see VertexSearch.Search)
    public static int Compare<T, TOps>(ReadOnlySpan<T> m, int w, int d, int k, int[] rowOf, int[] slotOf, T det, int i, int t, int s)
        where T : struct
        where TOps : struct, IVertexArithmetic<T>
    {
        T pi = m[(i * w) + s];
        T pt = m[(t * w) + s];
        int c = TOps.CompareProducts(m[(i * w) + d], pt, m[(t * w) + d], pi);
        if (c != 0)
        {
            return c;
        }

        for (int q = 0; q < k; q++)
        {
            int v = d + q;
            int row = rowOf[v];
            T ei, et;
            if (row >= 0)
            {
                if (row != i && row != t)
                {
                    continue;
                }

                ei = row == i ? det : default;
                et = row == t ? det : default;
            }
            else
            {
                int slot = slotOf[v];
                ei = m[(i * w) + slot];
                et = m[(t * w) + slot];
            }

            c = TOps.CompareProducts(ei, pt, et, pi);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
