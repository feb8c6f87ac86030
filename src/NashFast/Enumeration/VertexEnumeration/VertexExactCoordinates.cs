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
/// cost (entries of hundreds of bits). Systems of one or two unknowns are solved by Cramer's rule in
/// <see cref="Int128"/>; larger ones modulo a power of two (<see cref="VertexTwoAdicBareiss"/>: no division, no
/// allocation per operation), and in <see cref="BigInteger"/> only when that declines. On the 61 equilibria of a
/// random 12×12 game (3 to 9 unknowns, 63-bit entries) the power-of-two solve took a quarter of the
/// <see cref="BigInteger"/> time.
/// </remarks>
internal sealed class VertexExactCoordinates(BigInteger[] constraints, int k, int d, int labelShift)
{
    /// <summary>
    /// The constraints as 64-bit integers when every one fits (|c| &lt; 2⁶³; null otherwise), computed on first use
    /// (two threads racing compute the same array; <see cref="VertexMatchStream"/> solves vertices of one polytope on two
    /// threads): then a 2×2 minor, |a·b − c·e| &lt; 2·(2⁶³)² = 2¹²⁷, fits in <see cref="Int128"/>, so systems of one
    /// and two unknowns (28 % of the equilibrium vertices of random uniform 8×8 to 12×12 games) need no
    /// <see cref="BigInteger"/>, and the power-of-two solve loads its entries without conversion. A full-precision
    /// double game scales to entries of 63 bits, so this is the usual case.
    /// </summary>
    private long[]? _narrow;
    private bool _narrowChecked;
    private long _entryBits = -1;

    /// <summary>Coordinate numerators of the vertex with the given game label set (see <see cref="VertexSet"/>).</summary>
    public BigInteger[] Solve(ulong gameLabels)
    {
        ulong local = LocalLabels(gameLabels);
        Span<bool> tight = stackalloc bool[d + k]; // d + k ≤ 64 here
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
        Span<int> free = d <= 256 ? stackalloc int[d] : new int[d];
        Span<int> rows = k <= 256 ? stackalloc int[k] : new int[k];
        int q = 0, rowCount = 0;
        for (int j = 0; j < d; j++)
        {
            if (!tightLocal[j])
            {
                free[q++] = j;
            }
        }

        for (int r = 0; r < k; r++)
        {
            if (tightLocal[d + r])
            {
                rows[rowCount++] = r;
            }
        }

        if (rowCount != q)
        {
            throw new InvalidOperationException("Exact coordinates need a nondegenerate vertex (d tight labels).");
        }

        free = free[..q];
        rows = rows[..q];
        var z = new BigInteger[d];
        long[]? narrow = Narrow();
        if (narrow is not null && q <= 2)
        {
            SolveSmall(narrow, rows, free, z);
        }
        else if (!VertexTwoAdicBareiss.TrySolve(narrow is null ? Entry : null, narrow, d, rows, free, EntryBits(), z))
        {
            SolveBareiss(rows, free, z);
        }

        return z;
    }

    /// <summary>The largest bit length of a constraint's magnitude (computed on first use, like the narrow copy).</summary>
    private long EntryBits()
    {
        if (Volatile.Read(ref _entryBits) < 0)
        {
            long bits = 1;
            foreach (BigInteger c in constraints)
            {
                bits = Math.Max(bits, BigInteger.Abs(c).GetBitLength());
            }

            Volatile.Write(ref _entryBits, bits);
        }

        return _entryBits;
    }

    private BigInteger Entry(int row, int column) => constraints[(row * d) + column];

    private long[]? Narrow()
    {
        if (!Volatile.Read(ref _narrowChecked))
        {
            long[] narrow = new long[constraints.Length];
            bool fits = true;
            for (int i = 0; i < narrow.Length && fits; i++)
            {
                BigInteger c = constraints[i];
                fits = c > long.MinValue && c <= long.MaxValue;
                narrow[i] = fits ? (long)c : 0;
            }

            _narrow = fits ? narrow : null;
            Volatile.Write(ref _narrowChecked, true); // after _narrow: a thread that sees the flag sees the array
        }

        return _narrow;
    }

    /// <summary>
    /// One or two unknowns by Cramer's rule in <see cref="Int128"/>: the same numerators over |det| as
    /// <see cref="SolveBareiss"/> gives (the numerators det·z are unique once det's sign is fixed).
    /// </summary>
    private void SolveSmall(long[] c, ReadOnlySpan<int> rows, ReadOnlySpan<int> free, BigInteger[] z)
    {
        if (free.Length == 0)
        {
            return;
        }

        if (free.Length == 1)
        {
            z[free[0]] = Math.Sign(c[(rows[0] * d) + free[0]]); // z = 1 / a: numerator 1 over |a|, signed as a
            return;
        }

        long a = c[(rows[0] * d) + free[0]], b = c[(rows[0] * d) + free[1]];
        long e = c[(rows[1] * d) + free[0]], f = c[(rows[1] * d) + free[1]];
        Int128 det = ((Int128)a * f) - ((Int128)b * e);
        Int128 n0 = (Int128)f - b, n1 = (Int128)a - e;
        if (det < 0)
        {
            (n0, n1) = (-n0, -n1);
        }

        z[free[0]] = (BigInteger)n0;
        z[free[1]] = (BigInteger)n1;
    }

    /// <summary>
    /// Fraction-free elimination (Bareiss) on <c>[C[R, B] | 1]</c> in <see cref="BigInteger"/>, then fraction-free
    /// back substitution: the fallback when <see cref="VertexTwoAdicBareiss"/> declines.
    /// </summary>
    private void SolveBareiss(ReadOnlySpan<int> rows, ReadOnlySpan<int> free, BigInteger[] z)
    {
        int q = free.Length;
        int w = q + 1;
        var a = new BigInteger[q * w];
        BigInteger previous = BigInteger.One;
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
        Span<BigInteger> numerators = new BigInteger[q];
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
        bool negate = det.Sign < 0;
        for (int i = 0; i < q; i++)
        {
            z[free[i]] = negate ? -numerators[i] : numerators[i];
        }
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
