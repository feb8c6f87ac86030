namespace NashFast.MonteCarlo;

/// <summary>
/// Counts the pure equilibria of an m×n game without allocating: cell (i, j) is one when <c>A[i,j]</c> is a maximum of
/// column j of A and <c>B[i,j]</c> a maximum of row i of B (ties included, as the solvers count them).
/// </summary>
internal static class PureEquilibria
{
    /// <summary>Number of pure equilibria; adds their payoffs to <paramref name="rowSum"/> and <paramref name="columnSum"/>.</summary>
    public static int Count(int rows, int columns, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> columnMax, out double rowSum, out double columnSum)
    {
        for (int j = 0; j < columns; j++)
        {
            double m = a[j];
            for (int i = 1; i < rows; i++)
            {
                m = Math.Max(m, a[(i * columns) + j]);
            }

            columnMax[j] = m;
        }

        int count = 0;
        rowSum = 0;
        columnSum = 0;
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<double> bRow = b.Slice(i * columns, columns);
            double rowMax = bRow[0];
            for (int j = 1; j < columns; j++)
            {
                rowMax = Math.Max(rowMax, bRow[j]);
            }

            for (int j = 0; j < columns; j++)
            {
                if (bRow[j] == rowMax && a[(i * columns) + j] == columnMax[j])
                {
                    count++;
                    rowSum += a[(i * columns) + j];
                    columnSum += bRow[j];
                }
            }
        }

        return count;
    }
}
