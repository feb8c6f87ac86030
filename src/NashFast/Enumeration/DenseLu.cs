using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>LU factorisation with partial pivoting of a small dense k×k system whose right-hand side is all ones.</summary>
internal static class DenseLu
{
    /// <summary>
    /// Solves <c>M z = 1</c> in place (<paramref name="matrix"/>, row-major k×k, is overwritten by its factors) and
    /// returns the condition estimate <c>max|pivot| / min|pivot|</c>, or +∞ when a pivot is exactly zero.
    /// Because the right-hand side is the all-ones vector, the row interchanges need not be recorded: any
    /// permutation of it is itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SolveOnes(Span<double> matrix, int k, Span<double> z)
    {
        double minPivot = double.PositiveInfinity, maxPivot = 0;
        for (int p = 0; p < k; p++)
        {
            int pivotRow = p;
            double best = Math.Abs(matrix[(p * k) + p]);
            for (int r = p + 1; r < k; r++)
            {
                double v = Math.Abs(matrix[(r * k) + p]);
                if (v > best)
                {
                    best = v;
                    pivotRow = r;
                }
            }

            if (best == 0)
            {
                return double.PositiveInfinity;
            }

            minPivot = Math.Min(minPivot, best);
            maxPivot = Math.Max(maxPivot, best);
            if (pivotRow != p)
            {
                Span<double> upper = matrix.Slice(p * k, k), lower = matrix.Slice(pivotRow * k, k);
                for (int c = 0; c < k; c++)
                {
                    (upper[c], lower[c]) = (lower[c], upper[c]);
                }
            }

            double inverse = 1 / matrix[(p * k) + p];
            Span<double> pivot = matrix.Slice((p * k) + p + 1, k - p - 1);
            for (int r = p + 1; r < k; r++)
            {
                double f = matrix[(r * k) + p] * inverse;
                matrix[(r * k) + p] = f;
                if (f != 0)
                {
                    Span<double> row = matrix.Slice((r * k) + p + 1, k - p - 1);
                    for (int c = 0; c < row.Length; c++)
                    {
                        row[c] -= f * pivot[c];
                    }
                }
            }
        }

        // Forward substitution L w = 1 (unit lower triangle), then back substitution U z = w.
        for (int r = 0; r < k; r++)
        {
            double s = 1;
            for (int c = 0; c < r; c++)
            {
                s -= matrix[(r * k) + c] * z[c];
            }

            z[r] = s;
        }

        for (int r = k - 1; r >= 0; r--)
        {
            double s = z[r];
            for (int c = r + 1; c < k; c++)
            {
                s -= matrix[(r * k) + c] * z[c];
            }

            z[r] = s / matrix[(r * k) + r];
        }

        return maxPivot / minPivot;
    }
}
