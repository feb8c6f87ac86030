using System.Numerics;

namespace NashFast.Enumeration;

/// <summary>
/// Exact coordinates of a nondegenerate vertex of <c>{ z ≥ 0 : C z ≤ 1 }</c> from its label set, for vertices found
/// by <see cref="VertexFloatSearch"/> (which keeps no coordinates).
/// </summary>
/// <remarks>
/// A nondegenerate vertex has exactly d tight constraints: <c>z_j = 0</c> for its tight z-labels and
/// <c>(C z)_r = 1</c> for its tight slack rows R. The free coordinates B (the z-labels not tight, |B| = |R|) solve
/// the square system <c>C[R, B] z_B = 1</c>, which fraction-free elimination (Bareiss) solves in integers: forward
/// elimination leaves an upper-triangular system whose last pivot is ±det, and fraction-free back substitution
/// gives <c>det · z_B</c>, integer numerators over the common denominator det, as <see cref="VertexSet.Coordinates"/>
/// returns them (only ratios matter). Forward elimination plus back substitution takes about a third of the
/// multiplications of Gauss–Jordan (q³/3 instead of q³), which is what the coordinates of a full-precision double game
/// cost (entries of hundreds of bits). The fixed-width tiers of the search were measured slower than
/// <see cref="BigInteger"/> here (a single solve of at most d rows, entries far below their width on average).
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

        // [C[R, B] | 1], q × (q + 1), row-major.
        int w = q + 1;
        var a = new BigInteger[q * w];
        for (int i = 0; i < q; i++)
        {
            for (int j = 0; j < q; j++)
            {
                a[(i * w) + j] = constraints[(rows[i] * d) + free[j]];
            }

            a[(i * w) + q] = BigInteger.One;
        }

        // Forward elimination: after step c, row i > c holds the minors of rows 0…c, i and columns 0…c, j (exact
        // division by the previous pivot), so the last pivot is ±det.
        BigInteger previous = BigInteger.One;
        for (int c = 0; c < q; c++)
        {
            int pivot = c;
            while (a[(pivot * w) + c].IsZero)
            {
                pivot++; // the basis matrix is nonsingular, so some row below has a nonzero entry
            }

            if (pivot != c)
            {
                for (int j = c; j <= q; j++)
                {
                    (a[(c * w) + j], a[(pivot * w) + j]) = (a[(pivot * w) + j], a[(c * w) + j]);
                }
            }

            BigInteger p = a[(c * w) + c];
            for (int i = c + 1; i < q; i++)
            {
                BigInteger b = a[(i * w) + c];
                for (int j = c + 1; j <= q; j++)
                {
                    BigInteger t = a[(i * w) + j] * p;
                    if (!b.IsZero)
                    {
                        t -= b * a[(c * w) + j];
                    }

                    a[(i * w) + j] = previous.IsOne ? t : t / previous;
                }
            }

            previous = p;
        }

        // Back substitution in numerators over det: n_i = (det · rhs_i − Σ_{j>i} U_ij n_j) / U_ii, exact because n_i
        // is det · z_i, an integer by Cramer's rule.
        BigInteger det = previous;
        var numerators = new BigInteger[q];
        for (int i = q - 1; i >= 0; i--)
        {
            BigInteger t = det * a[(i * w) + q];
            for (int j = i + 1; j < q; j++)
            {
                BigInteger u = a[(i * w) + j];
                if (!u.IsZero && !numerators[j].IsZero)
                {
                    t -= u * numerators[j];
                }
            }

            numerators[i] = t / a[(i * w) + i];
        }

        // Numerators made positive (det may be negative).
        var z = new BigInteger[d];
        bool negate = det.Sign < 0;
        for (int i = 0; i < q; i++)
        {
            z[free[i]] = negate ? -numerators[i] : numerators[i];
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
