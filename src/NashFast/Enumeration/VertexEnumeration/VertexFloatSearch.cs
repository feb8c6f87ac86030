using System.Numerics;
using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>
/// The vertices of <c>{ z ≥ 0 : C z ≤ 1 }</c> by the same depth-first search as <see cref="VertexSearch{T, TOps}"/>,
/// pivoting in certified floating point (<see cref="VertexIntervalTableau"/>); gives up (null) whenever a decision
/// cannot be certified, and the caller then runs the exact tiers.
/// </summary>
/// <remarks>
/// <para><b>Design note.</b> Payoffs given as full-precision doubles make the exact tableau's integers hundreds of
/// bits wide (a 10×10 game pivots in the 768-bit tier), although almost every decision the search makes is
/// clear-cut: a sign of an entry far from zero, a comparison of two ratios far apart. So we pivot in double, carry
/// a rigorous bound on each entry's error, and take each combinatorial decision only when the bound settles it:
/// a column entry takes part in the ratio test only if certified positive or certified non-positive; the minimum
/// ratio is accepted only if its interval lies below every other candidate's; and every basic right-hand side of
/// every vertex reached must be certified positive (twice its radius). An uncertain decision first recomputes the
/// tableau of the current basis from C (fresh pivots, complete pivoting) and retries; if it is still uncertain the
/// search returns null. A tableau is also recomputed when its radii grow beyond 2⁻⁶ of its largest value (long DFS
/// paths accumulate error).</para>
/// <para><b>Why the result is exact.</b> When the search completes, every basis it reached is a nondegenerate
/// vertex (all basic right-hand sides certified positive), every ratio test had a certified unique minimum, so each
/// step is exactly the step the exact search takes: at a nondegenerate basis its lexicographic ratio test reduces to
/// the plain minimum, which was unique. The traversal therefore is the exact search's traversal, the polytope has
/// no degenerate vertex among those reached (hence none at all: the graph is connected), and every vertex is one
/// basis whose label set is its nonbasic set, known exactly. Nothing depends on a tolerance; exact zeros, ties and
/// degenerate vertices can never be certified and always go to the exact tiers. Coordinates are not computed here:
/// the few vertices that end up in an equilibrium are solved exactly from their labels
/// (<see cref="VertexExactCoordinates"/>).</para>
/// </remarks>
internal sealed class VertexFloatSearch
{
    /// <summary>A tableau is recomputed from C when its largest radius exceeds this fraction of its largest value.</summary>
    private static readonly double RefreshRatio = Math.ScaleB(1.0, -6);

    /// <summary>Relative margin for each side of a certified ratio comparison (at most three roundings, each ≤ 2⁻⁵³).</summary>
    private const double RatioMargin = 1.0 / (1L << 50);

    private readonly VertexIntervalTableau _tableau;
    private readonly int _k;
    private readonly int _d;
    private readonly List<Snapshot> _snapshots = [];
    private readonly int _maxSnapshots;

    private VertexFloatSearch(VertexIntervalTableau tableau)
    {
        _tableau = tableau;
        _k = tableau.K;
        _d = tableau.D;
        // Snapshots in a ring for the deepest levels that fit in about 256 KB (the L2 cache): the DFS path gets
        // thousands of levels deep, and a snapshot per level in cold memory costs more to write and read back than the
        // pivot back it saves (measured: 2–3× slower with the exact search's 64 MB budget).
        long snapshotBytes = (16L * tableau.Values.Length) + (4L * (_k + _d)) + 64;
        _maxSnapshots = (int)Math.Max(1, (256L << 10) / snapshotBytes);
    }

    /// <summary>Number of times a tableau was recomputed from C (diagnostics for tests and measurements).</summary>
    public int Refreshes { get; private set; }

    /// <summary>
    /// The vertices (label sets only; coordinates on demand) or null when some decision could not be certified.
    /// Parameters as for <see cref="VertexSearch{T, TOps}.Run"/>.
    /// </summary>
    public static VertexSet? Run(BigInteger[] constraints, int k, int d, int labelShift, CancellationToken token) =>
        Run(constraints, k, d, labelShift, token, out _);

    /// <summary>As <see cref="Run(BigInteger[], int, int, int, CancellationToken)"/>, also counting refreshes.</summary>
    public static VertexSet? Run(BigInteger[] constraints, int k, int d, int labelShift, CancellationToken token, out int refreshes)
    {
        refreshes = 0;
        VertexIntervalTableau? tableau = VertexIntervalTableau.Create(constraints, k, d);
        if (tableau is null)
        {
            return null;
        }

        var search = new VertexFloatSearch(tableau);
        VertexSet? result = search.Search(new VertexExactCoordinates(constraints, k, d, labelShift), labelShift, token);
        refreshes = search.Refreshes;
        return result;
    }

    // Hot from the first call: a single game (the CLI) would otherwise spend much of its time in unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private VertexSet? Search(VertexExactCoordinates coordinates, int labelShift, CancellationToken token)
    {
        VertexIntervalTableau t = _tableau;
        var result = new VertexSet(_d, coordinates.Solve);
        var visited = new VertexBasisSet();
        ulong zMask = _d == 64 ? ulong.MaxValue : (1UL << _d) - 1;
        ulong allLocal = _d + _k == 64 ? ulong.MaxValue : (1UL << (_d + _k)) - 1;
        ulong basis = allLocal & ~zMask;
        visited.Add(basis);
        result.Add(GameLabels(allLocal & ~basis, labelShift), isZero: true);

        var frameRow = new List<int> { -1 };
        var frameSlot = new List<int> { -1 };
        var frameNext = new List<int> { 0 };
        bool fresh = true; // the tableau was computed from C with no pivot since
        long steps = 0;
        while (frameRow.Count > 0)
        {
            if ((steps++ & 1023) == 0 && token.IsCancellationRequested)
            {
                result.Truncated = true;
                return result;
            }

            int f = frameRow.Count - 1;
            int s = frameNext[f];
            if (s == _d)
            {
                int backRow = frameRow[f];
                int backSlot = frameSlot[f];
                frameRow.RemoveAt(f);
                frameSlot.RemoveAt(f);
                frameNext.RemoveAt(f);
                if (backRow >= 0)
                {
                    basis ^= (1UL << t.Basic[backRow]) | (1UL << t.Nonbasic[backSlot]);
                    if (_snapshots.Count > 0 && _snapshots[(f - 1) % _maxSnapshots].Level == f - 1)
                    {
                        Snapshot snap = _snapshots[(f - 1) % _maxSnapshots];
                        t.LoadFrom(snap.Values, snap.Radii, snap.Basic, snap.Nonbasic);
                        fresh = snap.Fresh;
                    }
                    else
                    {
                        fresh = false;
                        if (!t.Pivot(backRow, backSlot) || NeedsRefresh() || !RightHandSidesCertified())
                        {
                            if (!Refresh())
                            {
                                return null;
                            }

                            fresh = true;
                        }
                    }
                }

                continue;
            }

            frameNext[f] = s + 1;
            int r = RatioRow(s);
            if (r < 0)
            {
                if (fresh || !Refresh())
                {
                    return null;
                }

                fresh = true;
                r = RatioRow(s);
                if (r < 0)
                {
                    return null;
                }
            }

            ulong next = basis ^ (1UL << t.Basic[r]) ^ (1UL << t.Nonbasic[s]);
            if (!visited.Add(next))
            {
                continue;
            }

            int level = frameRow.Count - 1;
            int ring = level % _maxSnapshots;
            if (ring == _snapshots.Count)
            {
                _snapshots.Add(new Snapshot(t.Values.Length, _k, _d));
            }

            Snapshot saved = _snapshots[ring];
            t.SaveTo(saved.Values, saved.Radii, saved.Basic, saved.Nonbasic);
            saved.Fresh = fresh;
            saved.Level = level;

            // A nondegenerate vertex certifies with a fresh tableau; a degenerate one never does (its zero right-hand
            // side cannot be certified positive), so the search then gives up.
            fresh = false;
            if (!t.Pivot(r, s) || NeedsRefresh() || !RightHandSidesCertified())
            {
                if (!Refresh())
                {
                    return null;
                }

                fresh = true;
            }

            basis = next;
            frameRow.Add(r);
            frameSlot.Add(s);
            frameNext.Add(0);
            result.Add(GameLabels(allLocal & ~basis, labelShift), isZero: (basis & zMask) == 0);
        }

        return result;
    }

    private bool NeedsRefresh() => _tableau.LastMaxRadius > RefreshRatio * _tableau.LastMaxValue;

    /// <summary>
    /// Recomputes the tableau of the current basis from C; true when that worked and every right-hand side is
    /// certified, so that every tableau the search works with (snapshots included) satisfies rhs &gt; 2 · radius.
    /// </summary>
    private bool Refresh()
    {
        Refreshes++;
        return _tableau.Refresh() && RightHandSidesCertified();
    }

    /// <summary>Local tight set (nonbasic variables) to game labels, as <see cref="VertexSearch{T, TOps}"/> maps them.</summary>
    private ulong GameLabels(ulong local, int labelShift)
    {
        if (labelShift == 0)
        {
            return local;
        }

        ulong low = _d == 64 ? ulong.MaxValue : (1UL << _d) - 1;
        return (local >> _d) | ((local & low) << labelShift);
    }

    /// <summary>Every basic variable is certified positive with margin (value &gt; 2 · radius): a nondegenerate vertex.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool RightHandSidesCertified()
    {
        double[] values = _tableau.Values, radii = _tableau.Radii;
        int w = _tableau.Stride;
        for (int i = 0, o = _d; i < _k; i++, o += w)
        {
            if (!(values[o] > 2 * radii[o]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The leaving row for entering column <paramref name="s"/>: the certified unique minimum of rhs_i / p_i over
    /// the rows with p_i certified positive; −1 when some entry's sign or the minimum is uncertain. No division: the
    /// minimum by cross products of midpoints, then certified by <c>(rhs_i − r) · (p_t − r) &gt; (rhs_t + r) · (p_i + r)</c>
    /// for every other candidate i, each side rounded away from the claim by a relative margin.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RatioRow(int s)
    {
        double[] values = _tableau.Values, radii = _tableau.Radii;
        int w = _tableau.Stride, d = _d;
        int best = -1;
        double bestRhs = 0, bestP = 1;
        for (int i = 0, o = 0; i < _k; i++, o += w)
        {
            double p = values[o + s], rp = radii[o + s];
            if (p + rp <= 0)
            {
                continue; // certified non-positive: this constraint does not bound the edge
            }

            if (!(p > 2 * rp))
            {
                return -1; // sign uncertain, or positive with too wide an interval to compare ratios
            }

            double rhs = values[o + d];
            if (best < 0 || rhs * bestP < bestRhs * p)
            {
                best = i;
                bestRhs = rhs;
                bestP = p;
            }
        }

        if (best < 0)
        {
            return -1; // cannot happen for a bounded polytope with certified signs; never guess
        }

        // rhs > 2 r (every tableau the search keeps is certified so) and p > 2 r keep every factor within [2⁻⁵⁰¹, 2⁴⁰¹].
        int bo = best * w;
        double lowP = (values[bo + s] - radii[bo + s]) * (1 - RatioMargin);
        double highRhs = (values[bo + d] + radii[bo + d]) * (1 + RatioMargin);
        for (int i = 0, o = 0; i < _k; i++, o += w)
        {
            double p = values[o + s];
            if (i == best || p <= 0)
            {
                continue; // p ≤ 0 here means certified non-positive (checked above)
            }

            double lhs = (values[o + d] - radii[o + d]) * lowP;
            double rhs = highRhs * (p + radii[o + s]);
            if (!(lhs * (1 - RatioMargin) > rhs * (1 + RatioMargin)))
            {
                return -1;
            }
        }

        return best;
    }

    /// <summary>The search state at one DFS depth.</summary>
    private sealed class Snapshot(int entries, int k, int d)
    {
        public double[] Values { get; } = new double[entries];

        public double[] Radii { get; } = new double[entries];

        public int[] Basic { get; } = new int[k];

        public int[] Nonbasic { get; } = new int[d];

        public bool Fresh { get; set; }

        /// <summary>The DFS level whose state this ring slot holds (a deeper level may have overwritten it).</summary>
        public int Level { get; set; } = -1;
    }
}
