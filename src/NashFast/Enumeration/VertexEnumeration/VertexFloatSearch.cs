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
        int d = _d;
        var result = new VertexSet(d, coordinates.Solve);
        var visited = new VertexBasisSet();
        ulong zMask = d == 64 ? ulong.MaxValue : (1UL << d) - 1;
        ulong allLocal = d + _k == 64 ? ulong.MaxValue : (1UL << (d + _k)) - 1;
        ulong basis = allLocal & ~zMask;
        visited.Add(basis);
        result.Add(GameLabels(allLocal & ~basis, labelShift), isZero: true);

        // One frame per DFS level: the pivot that entered it (row, column; −1 at the root), the next column to try,
        // and the leaving row of every column, decided once when the level is entered (see EnterLevel).
        var frames = new Frame[64];
        var leaving = new int[64 * d];
        int level = 0;
        frames[0] = new Frame(-1, -1);
        bool fresh = true; // the tableau was computed from C with no pivot since
        if (!EnterLevel(leaving.AsSpan(0, d), ref fresh))
        {
            return null;
        }

        long steps = 0;
        while (level >= 0)
        {
            if ((steps++ & 1023) == 0 && token.IsCancellationRequested)
            {
                result.Truncated = true;
                return result;
            }

            ref Frame frame = ref frames[level];
            int s = frame.Next;
            if (s == d)
            {
                int backRow = frame.Row, backSlot = frame.Slot;
                level--;
                if (backRow >= 0)
                {
                    basis ^= (1UL << t.Basic[backRow]) | (1UL << t.Nonbasic[backSlot]);
                    if (_snapshots.Count > 0 && _snapshots[level % _maxSnapshots].Level == level)
                    {
                        Snapshot snap = _snapshots[level % _maxSnapshots];
                        t.LoadFrom(snap.Values, snap.Radii, snap.Basic, snap.Nonbasic);
                        fresh = snap.Fresh;
                    }
                    else
                    {
                        fresh = false;
                        if (!t.Pivot(backRow, backSlot) || NeedsRefresh() || !_tableau.RightHandSidesCertified())
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

            frame.Next = s + 1;
            int r = leaving[(level * d) + s];
            ulong next = basis ^ (1UL << t.Basic[r]) ^ (1UL << t.Nonbasic[s]);
            if (!visited.Add(next))
            {
                continue;
            }

            int ring = level % _maxSnapshots;
            if (ring == _snapshots.Count)
            {
                _snapshots.Add(new Snapshot(t.Values.Length, _k, d));
            }

            Snapshot saved = _snapshots[ring];
            t.SaveTo(saved.Values, saved.Radii, saved.Basic, saved.Nonbasic);
            saved.Fresh = fresh;
            saved.Level = level;

            // A nondegenerate vertex certifies with a fresh tableau; a degenerate one never does (its zero right-hand
            // side cannot be certified positive), so the search then gives up.
            fresh = false;
            if (!t.Pivot(r, s) || NeedsRefresh() || !_tableau.RightHandSidesCertified())
            {
                if (!Refresh())
                {
                    return null;
                }

                fresh = true;
            }

            basis = next;
            level++;
            if (level == frames.Length)
            {
                Array.Resize(ref frames, frames.Length * 2);
                Array.Resize(ref leaving, leaving.Length * 2);
            }

            frames[level] = new Frame(r, s);
            result.Add(GameLabels(allLocal & ~basis, labelShift), isZero: (basis & zMask) == 0);
            if (!EnterLevel(leaving.AsSpan(level * d, d), ref fresh))
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>
    /// The leaving row of every column at the current basis, certified (<see cref="VertexIntervalTableau.CertifiedRatioRows"/>);
    /// when some column is undecided the tableau is first recomputed from C (unless it is fresh already) and
    /// tried again. False when a column stays undecided on a fresh tableau: the search gives up.
    /// </summary>
    /// <remarks>
    /// Deciding all columns on entry rather than each when its turn comes is sound: a certified answer is a fact
    /// about the exact tableau of this basis, which the tableau returns to (same basis, same row and column
    /// positions) after every child, whether by snapshot, pivot back or refresh. It also means a column is never
    /// re-decided on the less accurate tableau a pivot back leaves.
    /// </remarks>
    private bool EnterLevel(Span<int> leaving, ref bool fresh)
    {
        if (_tableau.CertifiedRatioRows(leaving))
        {
            return true;
        }

        if (fresh || !Refresh())
        {
            return false;
        }

        fresh = true;
        return _tableau.CertifiedRatioRows(leaving);
    }

    private bool NeedsRefresh() => _tableau.RadiiTooWide();

    /// <summary>
    /// Recomputes the tableau of the current basis from C; true when that worked and every right-hand side is
    /// certified, so that every tableau the search works with (snapshots included) satisfies rhs &gt; 2 · radius.
    /// </summary>
    private bool Refresh()
    {
        Refreshes++;
        return _tableau.Refresh() && _tableau.RightHandSidesCertified();
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

    /// <summary>The pivot that entered a DFS level (row and column; −1 at the root) and the next column to try.</summary>
    private struct Frame(int row, int slot)
    {
        public readonly int Row = row;
        public readonly int Slot = slot;
        public int Next;
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
