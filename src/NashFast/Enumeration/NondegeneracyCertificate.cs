using System.Numerics;
using System.Runtime.CompilerServices;
using NashFast.Games;

namespace NashFast.Enumeration;

/// <summary>
/// A proof that a small game is nondegenerate, cheap enough to let <c>auto</c> use support enumeration on it with an
/// exact degenerate flag. It never proves a degenerate game nondegenerate; it may fail to prove a nondegenerate one
/// (then <c>auto</c> uses vertex enumeration, whose flag is exact anyway).
/// </summary>
/// <remarks>
/// <para><b>Why it is a proof.</b> Suppose the column player's mixed strategy y, with support J of size k, has k + 1
/// pure best responses R (a degenerate game has such a y for one of the players). Every row of R earns the same
/// payoff v against y, so the k + 1 numbers (y_J, v) solve <c>[A[R, J] | −1] · (y_J, v) = 0</c> with y_J ≠ 0: that
/// (k + 1)×(k + 1) matrix is singular. So if every such matrix, over all J with 1 ≤ |J| = k ≤ min(n, m − 1) and all
/// R with |R| = k + 1, has a nonzero determinant, no y has more best responses than its support size; the same on
/// <c>[Bᵀ[C, I] | −1]</c> for the row player's strategies. The converse does not hold (a zero determinant whose
/// kernel is no probability vector), which only costs the faster method.</para>
/// <para><b>Why a floating-point determinant can certify "nonzero".</b> Expanded along its column of −1, each
/// determinant is the alternating sum of the k + 1 minors <c>det p[R ∖ r_t, J]</c> (k ≤ 4), each expanded by minors
/// along its rows; the same expansions of the absolute values give M. Each product carries at most k − 1 roundings and
/// each sum at most k + 1, so the computed value differs from the exact one by at most about (k(k + 1)/2 + k + 1)·u·M
/// with u = 2⁻⁵³, under 1.7·10⁻¹⁵·M for k = 4; underflow adds at most 2⁻¹⁰⁷⁴ per operation. A determinant counts as
/// nonzero only when its computed value exceeds 10⁻¹³ times the computed M and M is at least 10⁻²⁵⁰ (so the underflow
/// term is negligible). Products that overflow give an infinite or NaN value or magnitude, which never certifies.
/// Random continuous games pass with overwhelming probability; ties, copied strategies and strategies that are
/// averages of others do not.</para>
/// </remarks>
[SkipLocalsInit] // the minor tables are written before they are read
internal static class NondegeneracyCertificate
{
    /// <summary>The largest support size examined (determinants up to (k + 1)×(k + 1) = 5×5).</summary>
    public const int MaxSupport = 4;

    /// <summary>Relative size below which a determinant is not taken as nonzero (see the remarks).</summary>
    private const double RelativeThreshold = 1e-13;

    /// <summary>Smallest magnitude for which <see cref="RelativeThreshold"/> is trusted (underflow, see the remarks).</summary>
    private const double MinimumMagnitude = 1e-250;

    /// <summary>
    /// True when the game is proven nondegenerate; false when a determinant is zero or too small to certify, or when
    /// a support of more than <see cref="MaxSupport"/> strategies would have to be examined.
    /// </summary>
    public static bool Proves(BimatrixGame game)
    {
        int m = game.Rows, n = game.Columns;
        if (Math.Min(n, m - 1) > MaxSupport || Math.Min(m, n - 1) > MaxSupport)
        {
            return false;
        }

        // Column player's strategies: A[R, J] (entry (r, j) at r·n + j). Row player's: Bᵀ[C, I] (entry (c, i) at i·n + c).
        return AllNonsingular(game.AFlat, m, n, rowStride: n, columnStride: 1)
               && AllNonsingular(game.BFlat, n, m, rowStride: 1, columnStride: n);
    }

    /// <summary>Most k-subsets of responses whose minors are tabulated at once (beyond it: not certified).</summary>
    private const int MaxMinors = 1024;

    /// <summary>
    /// For the payoffs p of the responding player (responses × supports, p(r, j) at r·rowStride + j·columnStride):
    /// every <c>[p[R, J] | −1]</c> with |J| = k, |R| = k + 1, 1 ≤ k ≤ min(supports, responses − 1), is certified nonsingular.
    /// Its determinant is, up to sign, the alternating sum over t of the k×k minors <c>det p[R ∖ r_t, J]</c>: each
    /// minor is computed once per J (tabulated by the colex rank of its rows) and shared by the k + 1 sets R that contain
    /// its rows.
    /// </summary>
    private static bool AllNonsingular(ReadOnlySpan<double> p, int responses, int supports, int rowStride, int columnStride)
    {
        int maxK = Math.Min(supports, responses - 1);
        if (maxK < 1)
        {
            return true;
        }

        // k = 1: the responses' payoffs against one pure strategy must differ pairwise (clearly).
        for (int j = 0; j < supports; j++)
        {
            for (int r0 = 0; r0 < responses; r0++)
            {
                double x0 = p[(r0 * rowStride) + (j * columnStride)];
                for (int r1 = r0 + 1; r1 < responses; r1++)
                {
                    double x1 = p[(r1 * rowStride) + (j * columnStride)];
                    if (!Certified(x1 - x0, Math.Abs(x0) + Math.Abs(x1)))
                    {
                        return false;
                    }
                }
            }
        }

        if (maxK < 2)
        {
            return true;
        }

        if (responses > MaxTabulatedResponses)
        {
            return false;
        }

        ReadOnlySpan<int> binomial = Binomials;
        Span<int> support = stackalloc int[MaxSupport];
        Span<int> rows = stackalloc int[MaxSupport + 1];
        Span<int> minorRows = stackalloc int[MaxSupport];
        Span<int> suffix = stackalloc int[MaxSupport + 1];
        Span<double> matrix = stackalloc double[MaxSupport * MaxSupport];
        Span<double> minors = stackalloc double[MaxMinors];
        Span<double> magnitudes = stackalloc double[MaxMinors];
        for (int k = 2; k <= maxK; k++)
        {
            if (binomial[(responses * (MaxSupport + 2)) + k] > MaxMinors)
            {
                return false;
            }

            Span<int> j = support[..k];
            Span<int> r = rows[..(k + 1)];
            Span<int> s = minorRows[..k];
            Span<double> a = matrix[..(k * k)];
            Combinations.First(j);
            do
            {
                // Every k×k minor on the columns J.
                Combinations.First(s);
                do
                {
                    for (int t = 0; t < k; t++)
                    {
                        for (int c = 0; c < k; c++)
                        {
                            a[(t * k) + c] = p[(s[t] * rowStride) + (j[c] * columnStride)];
                        }
                    }

                    int rank = Rank(s, binomial);
                    minors[rank] = Determinant(a, k, out magnitudes[rank]);
                }
                while (Combinations.Advance(s, responses) >= 0);

                // Every R: the alternating sum of the minors of its k-subsets.
                Combinations.First(r);
                do
                {
                    // The colex rank of R without its t-th row: the rows before t keep their places (C(r_u, u + 1)),
                    // the rows after it move down one (C(r_u, u)); prefix and suffix sums give all k + 1 ranks.
                    int after = 0;
                    for (int u = k; u > 0; u--)
                    {
                        suffix[u - 1] = after += binomial[(r[u] * (MaxSupport + 2)) + u];
                    }

                    suffix[k] = 0;
                    double value = 0, magnitude = 0;
                    for (int t = 0, before = 0; t <= k; t++)
                    {
                        int rank = before + suffix[t];
                        value += (t & 1) == 0 ? minors[rank] : -minors[rank];
                        magnitude += magnitudes[rank];
                        before += binomial[(r[t] * (MaxSupport + 2)) + t + 1];
                    }

                    if (!Certified(value, magnitude))
                    {
                        return false;
                    }
                }
                while (Combinations.Advance(r, responses) >= 0);
            }
            while (Combinations.Advance(j, supports) >= 0);
        }

        return true;
    }

    /// <summary>Responses beyond which the minors of k ≥ 2 are not tabulated (not certified; never needed up to <c>SmallGameSupportPairs</c>).</summary>
    private const int MaxTabulatedResponses = 30;

    /// <summary>C(a, b) at a·(MaxSupport + 2) + b for a ≤ <see cref="MaxTabulatedResponses"/>, b ≤ MaxSupport + 1 (colex ranks).</summary>
    private static readonly int[] Binomials = TabulateBinomials();

    private static int[] TabulateBinomials()
    {
        var table = new int[(MaxTabulatedResponses + 1) * (MaxSupport + 2)];
        for (int a = 0; a <= MaxTabulatedResponses; a++)
        {
            for (int b = 0; b <= MaxSupport + 1; b++)
            {
                table[(a * (MaxSupport + 2)) + b] = (int)Combinations.Binomial(a, b); // at most C(30, 5) = 142 506
            }
        }

        return table;
    }

    /// <summary>A computed determinant certified nonzero (see the remarks); false also for NaN or infinite values.</summary>
    private static bool Certified(double value, double magnitude) =>
        magnitude >= MinimumMagnitude && Math.Abs(value) > RelativeThreshold * magnitude;

    /// <summary>The colex rank of a sorted subset.</summary>
    private static int Rank(ReadOnlySpan<int> subset, ReadOnlySpan<int> binomial)
    {
        int rank = 0;
        for (int i = 0; i < subset.Length; i++)
        {
            rank += binomial[(subset[i] * (MaxSupport + 2)) + i + 1];
        }

        return rank;
    }

    /// <summary>
    /// The determinant of the k×k matrix <paramref name="a"/> (k = 2, 3 or 4) by expansion along its first row, each
    /// minor in turn along its first row; <paramref name="magnitude"/> is the same expansion of the absolute values.
    /// Written out per order, replacing a recursion over column masks (with the prefix-sum ranks in AllNonsingular,
    /// 0.67 of the certificate's time at 4×4): the same products and sums in the same order, so the same bound on their rounding.
    /// </summary>
    internal static double Determinant(ReadOnlySpan<double> a, int k, out double magnitude) => k switch
    {
        2 => Determinant2(a[0], a[1], a[2], a[3], out magnitude),
        3 => Determinant3(a, 3, 0, 0, 1, 2, out magnitude),
        _ => Determinant4(a, out magnitude),
    };

    /// <summary>[[a, b], [c, d]]: a·d − b·c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Determinant2(double a, double b, double c, double d, out double magnitude)
    {
        double p = a * d, q = b * c;
        magnitude = Math.Abs(p) + Math.Abs(q);
        return p - q;
    }

    /// <summary>Rows <paramref name="row"/> to row + 2 of a (row length <paramref name="s"/>) on columns c0 &lt; c1 &lt; c2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Determinant3(ReadOnlySpan<double> a, int s, int row, int c0, int c1, int c2, out double magnitude)
    {
        int r0 = row * s, r1 = r0 + s, r2 = r1 + s;
        double sum = 0, total = 0, minor, minorMagnitude;
        double e = a[r0 + c0];
        if (e != 0)
        {
            minor = Determinant2(a[r1 + c1], a[r1 + c2], a[r2 + c1], a[r2 + c2], out minorMagnitude);
            sum += e * minor;
            total += Math.Abs(e) * minorMagnitude;
        }

        e = a[r0 + c1];
        if (e != 0)
        {
            minor = Determinant2(a[r1 + c0], a[r1 + c2], a[r2 + c0], a[r2 + c2], out minorMagnitude);
            sum += -(e * minor);
            total += Math.Abs(e) * minorMagnitude;
        }

        e = a[r0 + c2];
        if (e != 0)
        {
            minor = Determinant2(a[r1 + c0], a[r1 + c1], a[r2 + c0], a[r2 + c1], out minorMagnitude);
            sum += e * minor;
            total += Math.Abs(e) * minorMagnitude;
        }

        magnitude = total;
        return sum;
    }

    /// <summary>A 4×4 matrix along its first row, the minors by <see cref="Determinant3"/>.</summary>
    private static double Determinant4(ReadOnlySpan<double> a, out double magnitude)
    {
        double sum = 0, total = 0;
        for (int c = 0; c < 4; c++)
        {
            double e = a[c];
            if (e != 0)
            {
                // The other three columns, in order.
                int c0 = c == 0 ? 1 : 0, c1 = c <= 1 ? 2 : 1, c2 = c <= 2 ? 3 : 2;
                double minor = Determinant3(a, 4, 1, c0, c1, c2, out double minorMagnitude);
                sum += (c & 1) == 0 ? e * minor : -(e * minor);
                total += Math.Abs(e) * minorMagnitude;
            }
        }

        magnitude = total;
        return sum;
    }
}
