using System.Buffers;
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
/// tableau of the current basis — from the anchor (the last tableau computed from C) when that is a few exchanges
/// away, else from C (fresh pivots, complete pivoting) — and retries; if it is still uncertain on the tableau from C
/// the search returns null. A tableau is also recomputed when its radii grow beyond 2⁻⁶ of its largest value (long
/// DFS paths accumulate error).</para>
/// <para><b>Where the time goes.</b> Per vertex the search decides the leaving row of all d columns in one
/// vectorised pass when it enters the vertex (<see cref="VertexIntervalTableau.CertifiedRatioRows"/>), looks up its
/// neighbours in the visited set (all d together once the set outgrows the cache, so that their misses overlap;
/// before that one at its turn, and none for the edge back to the parent), and pivots once forward. Backtracking is
/// lazy: the labels go back at once, the entries only when a level turns out to have another child (rare: the DFS
/// tree is nearly a path), by a pivot or two back or by a recomputation (<see cref="Materialise"/>). Interval
/// pivots back cannot cancel the radius growth of the pivots forward, so pivoting back through every level both
/// doubled the pivots and caused most recomputations.</para>
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
    private readonly int[] _rows;

    /// <summary>Default of the farthest basis (in exchanges) recomputed from the anchor rather than from C.</summary>
    public const int DefaultMaxAnchorExchanges = 4;

    /// <summary>Default of the longest path pivoted back to give a level its entries again (see Materialise).</summary>
    public const int DefaultMaxPivotsBack = 2;

    private readonly int _maxAnchorExchanges;

    /// <summary>
    /// Visited tables of at least this many slots (4 MB, past the L2 caches of current processors) get their
    /// neighbour lookups batched (see SeenNeighbours). Below it a lookup hits the cache and batching only repeats it:
    /// measured on random 8×8 to 14×14 games (thread CPU time, with other jobs running), the search took 15–40 % less
    /// time per vertex without it, and about the same at 16×16.
    /// </summary>
    public const int DefaultBatchLookupSlots = 1 << 19;
    private readonly int _maxPivotsBack;

    private readonly int _batchLookupSlots;

    private VertexSearchProgress? _progress;

    private VertexFloatSearch(VertexIntervalTableau tableau, int maxPivotsBack, int maxAnchorExchanges, int batchLookupSlots)
    {
        _batchLookupSlots = batchLookupSlots;
        _maxPivotsBack = maxPivotsBack;
        _maxAnchorExchanges = maxAnchorExchanges;
        _tableau = tableau;
        _k = tableau.K;
        _d = tableau.D;
        _rows = new int[_d];
    }

    /// <summary>Number of times a tableau was recomputed (diagnostics for tests and measurements).</summary>
    public int Refreshes { get; private set; }

    /// <summary>How many of <see cref="Refreshes"/> started from the anchor rather than from C.</summary>
    public int AnchorRefreshes { get; private set; }

    /// <summary>Number of times lazy backtracking had to give a level its entries back (see Materialise).</summary>
    public int Materialisations { get; private set; }

    /// <summary>
    /// The vertices (label sets only; coordinates on demand) or null when some decision could not be certified.
    /// Parameters as for <see cref="VertexSearch{T, TOps}.Run"/>.
    /// </summary>
    public static VertexSet? Run(BigInteger[] constraints, int k, int d, int labelShift, CancellationToken token, Action<VertexSet>? stream = null, VertexSearchProgress? progress = null) =>
        Run(constraints, k, d, labelShift, token, out _, stream: stream, progress: progress);

    /// <summary>
    /// As <see cref="Run(BigInteger[], int, int, int, CancellationToken)"/>, also reporting the work done; the
    /// limits choose between pivoting back, recomputing from the anchor and recomputing from C, and cap the vector
    /// width of the arithmetic (512, 256 or 0 for scalar) (tests force each path; every choice gives the same
    /// vertices or null); <paramref name="batchLookupSlots"/> is the visited-table size from which neighbour lookups
    /// are batched (0: always, <see cref="int.MaxValue"/>: never; the traversal is the same either way);
    /// <paramref name="stream"/> is given the result set as soon as it exists, for another thread to read as it grows
    /// (see <see cref="VertexSet.Published"/>); <paramref name="progress"/> is told the vertex count as the set grows
    /// (see <see cref="VertexSet.Progress"/>).
    /// </summary>
    public static VertexSet? Run(
        BigInteger[] constraints,
        int k,
        int d,
        int labelShift,
        CancellationToken token,
        out VertexFloatSearchStats stats,
        int maxPivotsBack = DefaultMaxPivotsBack,
        int maxAnchorExchanges = DefaultMaxAnchorExchanges,
        int maxVectorBits = 512,
        int batchLookupSlots = DefaultBatchLookupSlots,
        Action<VertexSet>? stream = null,
        VertexSearchProgress? progress = null)
    {
        stats = default;
        VertexIntervalTableau? tableau = VertexIntervalTableau.Create(constraints, k, d, maxVectorBits);
        if (tableau is null)
        {
            return null;
        }

        var search = new VertexFloatSearch(tableau, maxPivotsBack, maxAnchorExchanges, batchLookupSlots) { _progress = progress };
        VertexSet? result = search.Search(new VertexExactCoordinates(constraints, k, d, labelShift), labelShift, stream, token);
        stats = new VertexFloatSearchStats(search.Refreshes, search.AnchorRefreshes, search.Materialisations, tableau.Pivots);
        return result;
    }

    /// <summary>
    /// The search with its per-level arrays and visited table rented from the shared pools: the DFS tree is nearly a
    /// path (tens of thousands of levels at 16×16), so these arrays and the table were most of its allocation.
    /// </summary>
    private VertexSet? Search(VertexExactCoordinates coordinates, int labelShift, Action<VertexSet>? stream, CancellationToken token)
    {
        Frame[] frames = ArrayPool<Frame>.Shared.Rent(64);
        byte[] leaving = ArrayPool<byte>.Shared.Rent(64 * _d);
        var visited = new VertexBasisSet(VisitedSlotsHint());
        try
        {
            return Search(coordinates, labelShift, visited, stream, token, ref frames, ref leaving);
        }
        finally
        {
            RememberVisitedSlots(visited.Capacity);
            visited.Release();
            ArrayPool<Frame>.Shared.Return(frames);
            ArrayPool<byte>.Shared.Return(leaving);
        }
    }

    // Hot from the first call: a single game (the CLI) would otherwise spend much of its time in unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private VertexSet? Search(VertexExactCoordinates coordinates, int labelShift, VertexBasisSet visited, Action<VertexSet>? stream, CancellationToken token, ref Frame[] frames, ref byte[] leaving)
    {
        VertexIntervalTableau t = _tableau;
        int d = _d;
        var result = new VertexSet(d, coordinates.Solve) { Progress = _progress };
        stream?.Invoke(result);
        ulong zMask = d == 64 ? ulong.MaxValue : (1UL << d) - 1;
        ulong allLocal = d + _k == 64 ? ulong.MaxValue : (1UL << (d + _k)) - 1;
        ulong basis = allLocal & ~zMask;
        visited.Add(basis);
        result.Add(GameLabels(allLocal & ~basis, labelShift), isZero: true);

        // One frame per DFS level: the pivot that entered it (row, column; none at the root), the next column to try,
        // the columns whose neighbour was visited on entry, and (in `leaving`) every column's leaving row, decided
        // once on entry (see EnterLevel). The labels (t.Basic, t.Nonbasic) always belong to the current level; the
        // entries to level `entriesLevel` ≥ level (lazy backtracking, see Materialise).
        int level = 0, entriesLevel = 0;
        frames[0] = Frame.Root;
        Accuracy accuracy = Accuracy.Fresh;
        if (!EnterLevel(leaving.AsSpan(0, d), ref accuracy))
        {
            return null;
        }

        frames[0].Seen = visited.Capacity >= _batchLookupSlots ? SeenNeighbours(visited, basis, leaving.AsSpan(0, d)) : 0;
        long steps = 0;
        while (level >= 0)
        {
            if ((steps++ & 1023) == 0 && token.IsCancellationRequested)
            {
                result.Truncated = true;
                result.PublishAll();
                return result;
            }

            ref Frame frame = ref frames[level];
            ulong next = 0;
            int s = frame.Next < d ? NextUnvisited(visited, basis, leaving.AsSpan(level * d, d), t.Basic, t.Nonbasic, frame.Next, frame.Seen, out next) : d;
            frame.Next = (byte)Math.Min(s + 1, d);
            if (s == d)
            {
                // Back to the parent: its labels now, its entries only if another child of it turns up.
                if (frame.Row != Frame.NoPivot)
                {
                    basis ^= (1UL << t.Basic[frame.Row]) | (1UL << t.Nonbasic[frame.Slot]);
                    t.ExchangeLabels(frame.Row, frame.Slot);
                }

                level--;
                if (level >= 0 && frames[level].Next < d && visited.Capacity >= _batchLookupSlots)
                {
                    // The parent's remaining neighbours, looked up together again (the subtree just left has
                    // visited many of them, and their lines are long out of the cache).
                    ref Frame parent = ref frames[level];
                    parent.Seen = SeenNeighbours(visited, basis, leaving.AsSpan(level * d, d), parent.Next, parent.Seen);
                }

                continue;
            }

            int r = leaving[(level * d) + s];
            if (entriesLevel != level)
            {
                if (!Materialise(frames, level, entriesLevel, ref accuracy))
                {
                    return null;
                }

                entriesLevel = level;
            }

            // A nondegenerate vertex certifies with a fresh tableau; a degenerate one never does (its zero right-hand
            // side cannot be certified positive), so the search then gives up.
            accuracy = Accuracy.Stale;
            if (!t.Pivot(r, s) || NeedsRefresh() || !t.RightHandSidesCertified())
            {
                if (!Refresh(ref accuracy))
                {
                    return null;
                }
            }

            basis = next;
            level++;
            entriesLevel = level;
            if (level == frames.Length)
            {
                frames = GrowPooled(frames, level);
            }

            if ((level + 1) * d > leaving.Length)
            {
                leaving = GrowPooled(leaving, level * d);
            }

            frames[level] = new Frame(r, s);
            result.Add(GameLabels(allLocal & ~basis, labelShift), isZero: (basis & zMask) == 0);
            Span<byte> rows = leaving.AsSpan(level * d, d);
            if (!EnterLevel(rows, ref accuracy))
            {
                return null;
            }

            frames[level].Seen = visited.Capacity >= _batchLookupSlots ? SeenNeighbours(visited, basis, rows)
                : rows[s] == r ? 1UL << s : 0; // the edge back to the parent (column s leaves row r again)
        }

        result.PublishAll();
        return result;
    }

    /// <summary>
    /// Visited-table sizes this thread's last searches ended with, by k + d (a game's polytopes of one shape have
    /// vertex counts of one order of magnitude): the next search of that shape starts there instead of growing from
    /// 1024 slots by doubling (each doubling rehashes every mask: about 2 % of a 10×10 search in a profile).
    /// </summary>
    [ThreadStatic]
    private static int[]? t_visitedSlots;

    /// <summary>Largest start size taken from <see cref="t_visitedSlots"/> (4 MB): an outlier game does not make later ones clear megabytes.</summary>
    private const int MaxHintedSlots = 1 << 19;

    private int VisitedSlotsHint()
    {
        int slots = t_visitedSlots?[_k + _d] ?? 0;
        return slots > 0 ? Math.Min(slots, MaxHintedSlots) : 1024;
    }

    private void RememberVisitedSlots(int slots)
    {
        t_visitedSlots ??= new int[VertexEnumeration.MaxStrategies + 1]; // k + d = m + n ≤ 64
        t_visitedSlots[_k + _d] = slots;
    }

    /// <summary>
    /// The first column from <paramref name="from"/> on whose neighbour is not in <paramref name="seen"/> and not yet
    /// visited, that neighbour (<paramref name="next"/>) now added to the visited set; the dimension when there is none.
    /// </summary>
    /// <remarks>
    /// A method of its own so that its few values stay in registers: inside the search loop, with the whole loop's
    /// state live, the JIT kept the lookup's operands on the stack (about a quarter of the loop's own time was spent
    /// around the visited-set probe in a profile).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int NextUnvisited(VertexBasisSet visited, ulong basis, ReadOnlySpan<byte> rows, int[] basic, int[] nonbasic, int from, ulong seen, out ulong next)
    {
        for (int s = from; s < rows.Length; s++)
        {
            if ((seen & (1UL << s)) == 0)
            {
                ulong candidate = basis ^ (1UL << basic[rows[s]]) ^ (1UL << nonbasic[s]);
                if (visited.Add(candidate))
                {
                    next = candidate;
                    return s;
                }
            }
        }

        next = 0;
        return rows.Length;
    }

    /// <summary>
    /// Brings the entries (left at level <paramref name="entriesLevel"/> by lazy backtracking) to the current
    /// <paramref name="level"/>, whose labels the tableau already has: a few pivots back along the path, or a
    /// recomputation when the path is longer. False when the search must give up.
    /// </summary>
    /// <remarks>
    /// The DFS tree of a simple polytope is nearly a path: measured on random 16×16 games, under 4% of the levels
    /// the search backtracks through have another child to explore. Pivoting back through every level (and saving
    /// each level's tableau for the way back) was most of the search's work, and each pivot back widens the radii
    /// (intervals cannot cancel a pivot against its inverse), so it also caused most recomputations. Now a level
    /// gets its entries back only when a child needs them. Pivots back at (row, column) of the frames above are
    /// exact inverses in exact arithmetic (same positions), so the result encloses this level's tableau.
    /// </remarks>
    private bool Materialise(Frame[] frames, int level, int entriesLevel, ref Accuracy accuracy)
    {
        VertexIntervalTableau t = _tableau;
        Materialisations++;
        accuracy = Accuracy.Stale;
        if (entriesLevel - level <= _maxPivotsBack)
        {
            bool ok = true;
            for (int l = entriesLevel; l > level && ok; l--)
            {
                ok = t.PivotEntriesOnly(frames[l].Row, frames[l].Slot);
            }

            if (ok && !NeedsRefresh() && t.RightHandSidesCertified())
            {
                return true;
            }
        }

        return Refresh(ref accuracy);
    }

    /// <summary>
    /// <paramref name="seen"/> plus the columns from <paramref name="from"/> on whose neighbour is visited already
    /// (bit s): they stay visited, so their turn needs no lookup. Called on entering a level and on coming back to
    /// one.
    /// </summary>
    /// <remarks>
    /// The visited set outgrows the caches (a million masks at 16×16), so nearly every lookup is a miss. Here the
    /// d lookups are independent and the processor overlaps their misses; at its turn each column then costs a
    /// lookup only if its neighbour was still unvisited on entry (it may have been reached in between).
    /// </remarks>
    private ulong SeenNeighbours(VertexBasisSet visited, ulong basis, ReadOnlySpan<byte> leaving, int from = 0, ulong seen = 0)
    {
        VertexIntervalTableau t = _tableau;
        for (int s = from; s < leaving.Length; s++)
        {
            if ((seen & (1UL << s)) == 0)
            {
                ulong next = basis ^ (1UL << t.Basic[leaving[s]]) ^ (1UL << t.Nonbasic[s]);
                seen |= visited.Contains(next) ? 1UL << s : 0;
            }
        }

        return seen;
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
    private bool EnterLevel(Span<byte> leaving, ref Accuracy accuracy)
    {
        while (!_tableau.CertifiedRatioRows(_rows))
        {
            if (accuracy == Accuracy.Fresh || !Refresh(ref accuracy))
            {
                return false;
            }
        }

        for (int s = 0; s < leaving.Length; s++)
        {
            leaving[s] = (byte)_rows[s]; // rows < k ≤ 64
        }

        return true;
    }

    private bool NeedsRefresh() => _tableau.RadiiTooWide();

    /// <summary>
    /// Recomputes the tableau of the current basis, one level more accurate than <paramref name="accuracy"/>: from the
    /// anchor (the last tableau computed from C) when it is near and that certifies, else from C. True when that
    /// worked and every right-hand side is certified, so that every tableau the search works with (snapshots
    /// included) satisfies rhs &gt; 2 · radius; false (give up) only when the tableau from C fails.
    /// </summary>
    private bool Refresh(ref Accuracy accuracy)
    {
        Refreshes++;
        if (accuracy == Accuracy.Stale && _tableau.RefreshFromAnchor(_maxAnchorExchanges) && _tableau.RightHandSidesCertified())
        {
            AnchorRefreshes++;
            accuracy = Accuracy.Anchored;
            return true;
        }

        accuracy = Accuracy.Fresh;
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

    /// <summary>A pooled array twice as long holding the first <paramref name="used"/> elements; the old one goes back to the pool.</summary>
    private static T[] GrowPooled<T>(T[] array, int used)
    {
        T[] larger = ArrayPool<T>.Shared.Rent(array.Length * 2);
        Array.Copy(array, larger, used);
        ArrayPool<T>.Shared.Return(array);
        return larger;
    }

    /// <summary>How the current tableau was obtained, least accurate first.</summary>
    private enum Accuracy
    {
        /// <summary>Pivots (forward or back) since the last recomputation.</summary>
        Stale,

        /// <summary>Recomputed from the anchor (<see cref="VertexIntervalTableau.RefreshFromAnchor"/>), no pivot since.</summary>
        Anchored,

        /// <summary>Recomputed from C (or the slack basis itself), no pivot since: an undecided question here is final.</summary>
        Fresh,
    }

    /// <summary>
    /// The pivot that entered a DFS level (row and column; <see cref="NoPivot"/> at the root) and the next column to
    /// try: bytes (k, d ≤ 64), so a frame is 16 bytes rather than 24.
    /// </summary>
    private struct Frame(int row, int slot)
    {
        /// <summary>Row and column of the root frame, which no pivot entered.</summary>
        public const byte NoPivot = byte.MaxValue;

        public readonly byte Row = (byte)row;
        public readonly byte Slot = (byte)slot;
        public byte Next;

        /// <summary>Columns whose neighbour was already visited when the level was entered (see SeenNeighbours).</summary>
        public ulong Seen;

        public static Frame Root => new(NoPivot, NoPivot);
    }
}

/// <summary>Work done by one <see cref="VertexFloatSearch"/> (diagnostics for tests and measurements).</summary>
/// <param name="Refreshes">Tableaux recomputed (from the anchor or from C).</param>
/// <param name="AnchorRefreshes">How many of those started from the anchor.</param>
/// <param name="Materialisations">Levels whose entries lazy backtracking had to restore.</param>
/// <param name="Pivots">Pivots on the entries, recomputations included.</param>
internal readonly record struct VertexFloatSearchStats(int Refreshes, int AnchorRefreshes, int Materialisations, long Pivots);
