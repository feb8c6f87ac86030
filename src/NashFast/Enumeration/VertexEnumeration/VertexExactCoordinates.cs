using System.Numerics;

namespace NashFast.Enumeration;

/// <summary>
/// Exact coordinates of a nondegenerate vertex of <c>{ z ≥ 0 : C z ≤ 1 }</c> from its label set, for vertices found
/// by <see cref="VertexFloatSearch"/> (which keeps no coordinates).
/// </summary>
/// <remarks>
/// A nondegenerate vertex has exactly d tight constraints: <c>z_j = 0</c> for its tight z-labels and
/// <c>(C z)_r = 1</c> for its tight slack rows R. The free coordinates B (the z-labels not tight, |B| = |R|) solve
/// the square system <c>C[R, B] z_B = 1</c>, which fraction-free Gauss–Jordan elimination (Bareiss) solves in
/// integers: it ends with <c>det · I</c> on the left and <c>det · z_B</c> on the right, integer numerators over the
/// common denominator det, as <see cref="VertexSet.Coordinates"/> returns them (only ratios matter).
/// </remarks>
internal sealed class VertexExactCoordinates(BigInteger[] constraints, int k, int d, int labelShift)
{
    /// <summary>Coordinate numerators of the vertex with the given game label set (see <see cref="VertexSet"/>).</summary>
    public BigInteger[] Solve(ulong gameLabels)
    {
        ulong local = LocalLabels(gameLabels);
        var tight = new bool[d + k];
        for (int v = 0; v < d + k; v++)
        {
            tight[v] = (local & (1UL << v)) != 0;
        }

        return SolveTight(tight);
    }

    /// <summary>
    /// Coordinate numerators of the vertex whose tight constraints are <paramref name="tightLocal"/> (local
    /// numbering: z 0…d−1, slacks d…d+k−1; any size, for callers beyond 64 labels).
    /// </summary>
    public BigInteger[] SolveTight(ReadOnlySpan<bool> tightLocal)
    {
        var free = new List<int>(d);
        var rows = new List<int>(d);
        for (int j = 0; j < d; j++)
        {
            if (!tightLocal[j])
            {
                free.Add(j);
            }
        }

        for (int r = 0; r < k; r++)
        {
            if (tightLocal[d + r])
            {
                rows.Add(r);
            }
        }

        int q = free.Count;
        if (rows.Count != q)
        {
            throw new InvalidOperationException("Exact coordinates need a nondegenerate vertex (d tight labels).");
        }

        // [C[R, B] | 1], q × (q + 1).
        var a = new BigInteger[q, q + 1];
        for (int i = 0; i < q; i++)
        {
            for (int j = 0; j < q; j++)
            {
                a[i, j] = constraints[(rows[i] * d) + free[j]];
            }

            a[i, q] = BigInteger.One;
        }

        BigInteger previous = BigInteger.One;
        for (int c = 0; c < q; c++)
        {
            int pivot = c;
            while (a[pivot, c].IsZero)
            {
                pivot++; // the basis matrix is nonsingular, so some row below has a nonzero entry
            }

            if (pivot != c)
            {
                for (int j = 0; j <= q; j++)
                {
                    (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
                }
            }

            BigInteger p = a[c, c];
            for (int i = 0; i < q; i++)
            {
                if (i == c)
                {
                    continue;
                }

                BigInteger b = a[i, c];
                for (int j = 0; j <= q; j++)
                {
                    if (j != c)
                    {
                        a[i, j] = ((a[i, j] * p) - (b * a[c, j])) / previous;
                    }
                }

                a[i, c] = BigInteger.Zero;
            }

            previous = p;
        }

        // Every diagonal entry is now det (= previous); numerators det · z_B, made positive.
        var z = new BigInteger[d];
        bool negate = previous.Sign < 0;
        for (int i = 0; i < q; i++)
        {
            z[free[i]] = negate ? -a[i, q] : a[i, q];
        }

        return z;
    }

    /// <summary>Inverse of the search's map from local labels (z 0…d−1, slacks d…d+k−1) to game labels.</summary>
    private ulong LocalLabels(ulong gameLabels)
    {
        if (labelShift == 0)
        {
            return gameLabels;
        }

        ulong lowD = d == 64 ? ulong.MaxValue : (1UL << d) - 1;
        ulong lowK = k == 64 ? ulong.MaxValue : (1UL << k) - 1;
        return ((gameLabels >> labelShift) & lowD) | ((gameLabels & lowK) << d);
    }
}
