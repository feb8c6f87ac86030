using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NashFast.Enumeration;

/// <summary>
/// Enumerates every vertex of a polytope <c>{ z ∈ R^d : z ≥ 0, C z ≤ 1 }</c> with a positive integer matrix
/// <c>C</c> (k × d), exactly, by a depth-first search over its lexicographically feasible bases.
/// </summary>
/// <remarks>
/// <para><b>Design note.</b> We walk the graph of the lexicographically perturbed polytope (right-hand side
/// <c>1 + (ε, ε², …, ε^k)</c>, as lrs does): it is simple, so every lex-feasible basis has exactly d neighbours, each
/// found by one lexicographic minimum-ratio test, and every vertex of the original polytope is the image of at least
/// one lex-feasible basis; degenerate vertices therefore cost a few bases, not all of their bases. Instead of
/// Avis–Fukuda's memory-free reverse search we keep a hash set of visited bases (a 64-bit mask each): the
/// best-response polytopes of solvable games have at most a few million vertices, the set costs a few bytes per
/// basis, and it saves reverse search's extra ratio tests per edge (lrs re-derives each parent). Each new basis costs
/// one pivot: the dictionaries along the DFS path are kept (one flat array, up to a memory budget, beyond which the
/// deepest one is pivoted in place and back), and each pivot writes the child's dictionary next to its parent's, so
/// backtracking is free. The double description method was rejected: its intermediate polytopes can
/// be far larger than the final one and it offers no exact incremental output.</para>
/// <para><b>Arithmetic.</b> The dictionary holds the nonbasic columns and the right-hand side of the fraction-free
/// tableau <c>D·B⁻¹[C | I | 1]</c> with <c>D = det B &gt; 0</c>; a pivot on a positive entry <c>p</c> is the Bareiss
/// update <c>(a·p − b·c)/D</c>, whose division is exact, so all entries stay integers (minors of <c>[C | I | 1]</c>).
/// The lexicographic ratio test compares cross products, so no decision uses floating point. The entry type is a
/// tier chosen per polytope by <see cref="VertexTiers"/>: 64-bit, <see cref="Int128"/>, fixed-width limb arrays of 256
/// to 1536 bits (whose exact divisions are multiplications by a Hensel inverse), or <see cref="BigInteger"/>; every
/// tier detects overflow, and the search then restarts one tier wider.</para>
/// </remarks>
/// <typeparam name="T">Entry type (long, a fixed-width limb array, or BigInteger).</typeparam>
/// <typeparam name="TOps">The arithmetic of <typeparamref name="T"/>.</typeparam>
internal sealed class VertexSearch<T, TOps>
    where T : struct
    where TOps : struct, IVertexArithmetic<T>
{
    /// <summary>The DFS stack's bases by frame, reused by every search on this thread (<see cref="Search"/>).</summary>
    [ThreadStatic]
    private static Dictionary<ulong, int>? t_frameOf;

    /// <summary>
    /// The determinants and small flags by DFS level, kept for the next search on this thread (unmanaged entry types
    /// only): the DFS of a degenerate 10×10 polytope runs a thousand levels deep and more, and growing these per search
    /// was about a seventh of a 0..3 game's allocations (fresh memory costs a page fault per 4 KB in a CLI process,
    /// before its first collection).
    /// </summary>
    [ThreadStatic]
    private static T[]? t_levelDets;

    [ThreadStatic]
    private static bool[]? t_levelSmall;

    /// <summary>Level arrays longer than this are not kept per thread.</summary>
    private const int KeptLevelArrays = 1 << 16;

    private readonly int _k;
    private readonly int _d;
    private readonly int _w;
    private readonly int _entries;
    private readonly int[] _basic;
    private readonly int[] _nonbasic;
    private readonly int[] _rowOf;
    private readonly int[] _slotOf;
    private readonly T[] _coordinates;
    private readonly int _maxLevels;
    private BigInteger[]? _bigCoordinates;

    /// <summary>The dictionaries along the DFS path, level after level (<see cref="_entries"/> each).</summary>
    private readonly VertexLevelStore<T> _levels;
    private T[] _levelDets = [];
    private bool[] _levelSmall = [];

    /// <summary>Level of the current dictionary, and where it is: <see cref="_block"/> from <see cref="_offset"/>.</summary>
    private int _level;
    private T[] _block = [];
    private int _offset;
    private T _det;

    /// <summary>
    /// 64-bit tier only: every tableau entry (and the determinant) is at most 2^30 in magnitude, so products and their
    /// differences fit a <see cref="long"/> and pivots and ratio tests need no 128-bit arithmetic.
    /// </summary>
    private bool _small;

    private VertexSearchProgress? _progress;

    private VertexSearch(int k, int d, int maxLevels)
    {
        _k = k;
        _d = d;
        _w = d + 1;
        _entries = k * (d + 1);
        _basic = new int[k];
        _nonbasic = new int[d];
        _rowOf = new int[d + k];
        _slotOf = new int[d + k];
        _coordinates = new T[d];
        _levels = new VertexLevelStore<T>(_entries);

        // Dictionaries by DFS depth, at most about 64 MB of them (entry sizes: 8 bytes to 192 for the widest tier; a
        // BigInteger entry is counted as 512 bytes because a kept dictionary keeps its digits alive).
        int entryBytes = Unsafe.SizeOf<T>() + (typeof(T) == typeof(BigInteger) ? 512 : 0);
        long levelBytes = (long)_entries * entryBytes;
        _maxLevels = maxLevels > 0 ? Math.Max(2, maxLevels) : (int)Math.Clamp((64L << 20) / Math.Max(1, levelBytes), 2, 1 << 20);
        for (int s = 0; s < d; s++)
        {
            _nonbasic[s] = s;
            _slotOf[s] = s;
            _rowOf[s] = -1;
        }

        for (int r = 0; r < k; r++)
        {
            _basic[r] = d + r;
            _rowOf[d + r] = r;
            _slotOf[d + r] = -1;
        }
    }

    /// <summary>
    /// Runs the search. Returns null when an entry overflowed <typeparamref name="T"/> (the caller retries with a
    /// wider type); otherwise the vertices, possibly truncated by cancellation.
    /// </summary>
    /// <param name="constraints">C row-major (k × d), positive integers.</param>
    /// <param name="k">Number of inequality rows.</param>
    /// <param name="d">Dimension.</param>
    /// <param name="labelShift">
    /// Maps local labels (z variables 0…d−1, slacks d…d+k−1) to game labels: for P (z = x, d = m) the identity
    /// (pass 0); for Q (z = y, d = n, slacks are the row labels) pass m so that y_j ↦ m + j and slack_i ↦ i.
    /// </param>
    /// <param name="token">Checked every 1024 steps.</param>
    /// <param name="maxLevels">
    /// Dictionaries kept along the DFS path (at least 2); 0: as many as fit 64 MB. Deeper levels pivot in place and
    /// back (tests force that path with a small value).
    /// </param>
    /// <param name="progress">Told the vertex count as the set grows (see <see cref="VertexSet.Progress"/>); null for none.</param>
    public static VertexSet? Run(BigInteger[] constraints, int k, int d, int labelShift, CancellationToken token, int maxLevels = 0, VertexSearchProgress? progress = null)
    {
        var search = new VertexSearch<T, TOps>(k, d, maxLevels) { _progress = progress };
        if (t_levelDets is not null && t_levelSmall is not null)
        {
            search._levelDets = t_levelDets;
            search._levelSmall = t_levelSmall;
            t_levelDets = null;
            t_levelSmall = null;
        }

        try
        {
            search._levels.EnsureCapacity(1);
            search.MoveTo(0);
            Span<T> dictionary = search._levels.Level(0);
            for (int r = 0; r < k; r++)
            {
                for (int s = 0; s < d; s++)
                {
                    if (!TOps.TryFrom(constraints[(r * d) + s], out dictionary[(r * (d + 1)) + s]))
                    {
                        return null;
                    }
                }

                dictionary[(r * (d + 1)) + d] = TOps.One;
            }

            search._det = TOps.One;
            search._small = typeof(T) == typeof(long) && search.AllSmall(dictionary);
            return search.Search(labelShift, token);
        }
        finally
        {
            search.ReturnLevels();
        }
    }

    private VertexSet? Search(int labelShift, CancellationToken token)
    {
        // Flat open-addressing sets (masks are never zero: a basis has k ≥ 1 members, a vertex d ≥ 1 tight labels):
        // the search looks up d neighbours per basis, and HashSet's bucket-then-entry lookup cost more.
        // Small first tables: most polytopes solved are small (a 4×4 game has a few dozen bases), and the float search's
        // default of 1024 slots doubled the allocation of a 4×4 solve.
        var visited = new VertexBasisSet(64);
        var degenerateVertices = new VertexBasisSet(16);
        VertexDfsFrames frames = VertexDfsFrames.Rent(_d);
        try
        {
            return Search(visited, degenerateVertices, frames, labelShift, token);
        }
        finally
        {
            frames.Return();
            // Their slot arrays go back to the shared pool: the next search rents them instead of allocating and
            // clearing new ones (the sets of a 10×10 game with payoffs 0..3 grow to thousands of slots).
            visited.Release();
            degenerateVertices.Release();
        }
    }

    // The hot methods are optimised from their first call (AggressiveOptimization): a CLI process solves each game
    // once, and its tier-0 code made a 0..3 game several times slower than the steady state (measured: 8 ms against
    // 1 ms per 8×8 game for the games after the first, in one `nashfast solve` of 20 games).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private VertexSet? Search(VertexBasisSet visited, VertexBasisSet degenerateVertices, VertexDfsFrames frames, int labelShift, CancellationToken token)
    {
        var result = new VertexSet(_d) { Progress = _progress };
        ulong basis = 0;
        for (int r = 0; r < _k; r++)
        {
            basis |= 1UL << _basic[r];
        }

        visited.Add(basis);
        Record(result, degenerateVertices, labelShift);

        // Explicit DFS stack: the pivot that led into each frame (row, slot; −1 at the root) and the next slot to try.
        // Frame f's dictionary is level min(f, _maxLevels − 1): the deepest level is shared and pivoted in place.
        frames.Push(-1, -1);

        // Every edge of the (simple, perturbed) basis graph is looked at from both ends, and in an undirected DFS an
        // edge that does not lead to a new basis joins a basis to an ancestor on the stack that has not looked at it
        // yet (it would have found the descendant new). So when a ratio test leads to a basis on the stack, that
        // ancestor's ratio test for the reverse edge (entering the variable that just left) is skipped (frames.Skip):
        // it would only find this basis, visited. About half of all ratio tests at 10×10 with payoffs 0..3.
        // Kept per thread: the DFS of a degenerate 10×10 polytope is ~1000 frames deep, and a new dictionary grown to
        // that size per search added about a third to the solve's allocations.
        // (A dictionary left large by a deep search, over 64 Ki slots, is dropped rather than kept alive per thread.)
        if (t_frameOf is not null && t_frameOf.EnsureCapacity(0) > 1 << 16)
        {
            t_frameOf = null;
        }

        Dictionary<ulong, int> frameOf = t_frameOf ??= [];
        frameOf.Clear();
        frameOf.Add(basis, 0);
        long steps = 0;
        while (frames.Count > 0)
        {
            if ((steps++ & 1023) == 0 && token.IsCancellationRequested)
            {
                result.Truncated = true;
                return result;
            }

            int f = frames.Count - 1;
            int s = frames.Next(f);
            if (s == _d)
            {
                int backRow = frames.Row(f);
                int backSlot = frames.Slot(f);
                frames.Pop();
                frameOf.Remove(basis);
                if (backRow >= 0)
                {
                    basis ^= (1UL << _basic[backRow]) | (1UL << _nonbasic[backSlot]);
                    if (f < _maxLevels)
                    {
                        // The parent's dictionary is still there: undo the basis exchange and step back to it.
                        UpdateBasis(backRow, backSlot);
                        MoveTo(f - 1);
                        _det = _levelDets[f - 1];
                        _small = _levelSmall[f - 1];
                    }
                    else if (!Pivot(_level, _level, backRow, backSlot))
                    {
                        return null;
                    }
                }

                continue;
            }

            frames.Next(f) = s + 1;
            if (s == frames.Slot(f) || ((frames.Skip(f) >> _nonbasic[s]) & 1) != 0)
            {
                // The edge this frame was entered by: in the simple (perturbed) polytope it leads straight back to
                // the parent, which is visited, so its ratio test is skipped.
                continue;
            }

            int r = RatioRow(frames, f, s);
            ulong next = basis ^ (1UL << _basic[r]) ^ (1UL << _nonbasic[s]);
            if (!visited.Add(next))
            {
                if (frameOf.TryGetValue(next, out int ancestor))
                {
                    frames.Skip(ancestor) |= 1UL << _basic[r];
                }
            }
            else
            {
                int child = f + 1;
                int target = _level;
                if (child < _maxLevels)
                {
                    if (child == _levels.Capacity)
                    {
                        _levels.EnsureCapacity(child + 1);
                    }

                    if (f >= _levelDets.Length)
                    {
                        Array.Resize(ref _levelDets, Math.Max(16, 2 * f));
                        Array.Resize(ref _levelSmall, _levelDets.Length);
                    }

                    _levelDets[f] = _det;
                    _levelSmall[f] = _small;
                    target = child;
                }

                if (!Pivot(_level, target, r, s))
                {
                    return null;
                }

                MoveTo(target);
                basis = next;
                frames.Push(r, s);
                frameOf.Add(basis, child);
                Record(result, degenerateVertices, labelShift);
            }
        }

        return result;
    }

    /// <summary>Adds the vertex of the current basis unless a degenerate vertex was already recorded by another basis.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Record(VertexSet result, VertexBasisSet degenerateVertices, int labelShift)
    {
        ReadOnlySpan<T> m = _block.AsSpan(_offset, _entries);
        ulong local = 0;
        for (int s = 0; s < _d; s++)
        {
            local |= 1UL << _nonbasic[s];
        }

        bool degenerate = false;
        for (int r = 0; r < _k; r++)
        {
            if (TOps.Sign(m[(r * _w) + _d]) == 0)
            {
                local |= 1UL << _basic[r];
                degenerate = true;
            }
        }

        // A vertex with exactly d tight constraints has only this basis, so it is new; a degenerate one may recur.
        if (degenerate)
        {
            result.Degenerate = true;
            if (!degenerateVertices.Add(local))
            {
                return;
            }
        }

        bool isZero = true;
        for (int i = 0; i < _d; i++)
        {
            int row = _rowOf[i];
            _coordinates[i] = row >= 0 ? m[(row * _w) + _d] : default;
            isZero &= row < 0 || TOps.Sign(_coordinates[i]) == 0;
        }

        ulong labels = local;
        if (labelShift > 0)
        {
            int d = _d;
            ulong low = d == 64 ? ulong.MaxValue : (1UL << d) - 1;
            labels = (local >> d) | ((local & low) << labelShift);
        }

        if (typeof(T) == typeof(long))
        {
            result.Add(labels, isZero, Unsafe.As<long[]>(_coordinates));
        }
        else if (typeof(T) == typeof(BigInteger))
        {
            result.Add(labels, isZero, Unsafe.As<BigInteger[]>(_coordinates));
        }
        else
        {
            // Wide tiers: recorded in BigInteger (one conversion per coordinate per vertex; pivots dominate).
            _bigCoordinates ??= new BigInteger[_d];
            for (int i = 0; i < _d; i++)
            {
                _bigCoordinates[i] = TOps.ToBig(_coordinates[i]);
            }

            result.Add(labels, isZero, _bigCoordinates);
        }
    }

    /// <summary>The leaving row for entering slot <paramref name="s"/>: lexicographic minimum ratio over positive entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LexMinRatioRow(int s)
    {
        if (typeof(T) == typeof(long) && _small)
        {
            return LexMinRatioRowSmall(s);
        }

        ReadOnlySpan<T> m = _block.AsSpan(_offset, _entries);
        int best = -1;
        for (int i = 0; i < _k; i++)
        {
            if (TOps.Sign(m[(i * _w) + s]) <= 0)
            {
                continue;
            }

            if (best < 0 || LexCompare(m, i, best, s) < 0)
            {
                best = i;
            }
        }

        // The polytope is bounded (C > 0), so every edge direction ends at some constraint.
        return best;
    }

    private int LexCompare(ReadOnlySpan<T> m, int i, int t, int s) =>
        LexicographicRatio.Compare<T, TOps>(m, _w, _d, _k, _rowOf, _slotOf, _det, i, t, s);

    /// <summary>
    /// The leaving row of slot <paramref name="s"/> at frame <paramref name="f"/> (the current dictionary): in the
    /// 64-bit tier's small mode with at least <see cref="MinDimensionForRatioPass"/> slots, where the 8-lane ratio pass
    /// runs, every slot's row is decided together at the frame's first test and kept with the frame
    /// (<see cref="VertexSmallRatio"/>; a tied slot still takes the lexicographic test); otherwise one slot at a time.
    /// The kept rows stay right: whenever the DFS tests a frame's slots, the dictionary is that frame's basis's,
    /// exactly (its own level, or the in-place level pivoted back exactly).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int RatioRow(VertexDfsFrames frames, int f, int s)
    {
        if (typeof(T) == typeof(long) && VertexSmallRatio.IsVectorized && _d >= MinDimensionForRatioPass)
        {
            if (!frames.RowsReady(f) && _small)
            {
                frames.Ties(f) = VertexSmallRatio.Rows(Unsafe.As<long[]>(_block).AsSpan(_offset, _entries), _k, _d, frames.Rows(f));
                frames.RowsReady(f) = true;
            }

            if (frames.RowsReady(f) && ((frames.Ties(f) >> s) & 1) == 0)
            {
                return frames.Rows(f)[s];
            }
        }

        return LexMinRatioRow(s);
    }

    /// <summary>
    /// Below this many slots the frame's ratio tests stay one slot at a time (<see cref="RatioRow"/>): a frame of a
    /// small degenerate polytope tests few of its slots (most lead back to visited bases), and deciding all of them
    /// made 6×6 games with payoffs 0..3 about a fifth slower, while 8×8 and 10×10 gained (interleaved in-process runs).
    /// </summary>
    private const int MinDimensionForRatioPass = 8;

    /// <summary>From this many rows the small-mode ratio test runs branch-free (<see cref="LexMinRatioRowSmallBranchFree"/>).</summary>
    private const int MinRowsForBranchFreeRatio = 8;

    /// <summary>
    /// <see cref="LexMinRatioRow"/> for the 64-bit tier in small mode: cross products in plain longs, no bounds checks
    /// (the ratio tests are most of the search's time on degenerate games). With few rows a row's sign and order are
    /// predictable enough that skipping rows by branches is faster (6×6 games with payoffs 0..3 took a fifth longer
    /// branch-free); from <see cref="MinRowsForBranchFreeRatio"/> rows the branch-free loop is (a 10×10 such game a
    /// quarter faster).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LexMinRatioRowSmall(int s)
    {
        if (_k >= MinRowsForBranchFreeRatio)
        {
            return LexMinRatioRowSmallBranchFree(s);
        }

        ref long m = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Unsafe.As<long[]>(_block)), _offset);
        int w = _w, d = _d, k = _k;
        int best = -1;
        long bestPivot = 0, bestRhs = 0;
        for (int i = 0; i < k; i++)
        {
            long p = Unsafe.Add(ref m, (i * w) + s);
            if (p <= 0)
            {
                continue;
            }

            long rhs = Unsafe.Add(ref m, (i * w) + d);
            if (best >= 0)
            {
                long c = (rhs * bestPivot) - (bestRhs * p);
                if (c > 0 || (c == 0 && LexTieSmall(ref m, i, best, p, bestPivot) >= 0))
                {
                    continue;
                }
            }

            best = i;
            bestPivot = p;
            bestRhs = rhs;
        }

        return best;
    }

    /// <summary><see cref="LexMinRatioRowSmall"/> for many rows.</summary>
    /// <remarks>
    /// Branch-free but for ties: whether a row's entry is positive and whether its ratio is smaller are coin flips
    /// to the branch predictor, so the running minimum is updated by masks. The initial "best" ratio 1/0 is larger
    /// than any candidate's (rhs·0 − 1·p = −p &lt; 0), so the first positive row wins without a test of its own, and
    /// a tie (c = 0, a degenerate step, decided lexicographically) can only occur once some row is the best.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LexMinRatioRowSmallBranchFree(int s)
    {
        ref long m = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Unsafe.As<long[]>(_block)), _offset);
        int w = _w, d = _d, k = _k;
        long best = -1;
        long bestPivot = 0, bestRhs = 1;
        ref long entry = ref Unsafe.Add(ref m, s);
        ref long rhsEntry = ref Unsafe.Add(ref m, d);
        for (int i = 0; i < k; i++)
        {
            long p = Unsafe.Add(ref entry, i * w);
            long rhs = Unsafe.Add(ref rhsEntry, i * w);
            long c = (rhs * bestPivot) - (bestRhs * p);

            // All ones when this row becomes the best: p > 0 and a smaller ratio (c < 0), or a tie it wins.
            long take = (c & -p) >> 63;
            if ((c == 0) & (p > 0) && LexTieSmall(ref m, i, (int)best, p, bestPivot) < 0)
            {
                take = -1;
            }

            best = (i & take) | (best & ~take);
            bestPivot = (p & take) | (bestPivot & ~take);
            bestRhs = (rhs & take) | (bestRhs & ~take);
        }

        return (int)best;
    }

    /// <summary>The tie-break of <see cref="LexCompare"/> in small mode; <paramref name="pi"/>, <paramref name="pt"/> are the column entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LexTieSmall(ref long m, int i, int t, long pi, long pt)
    {
        long det = Unsafe.As<T, long>(ref _det);
        int w = _w;
        for (int q = 0; q < _k; q++)
        {
            int v = _d + q;
            int row = _rowOf[v];
            long ei, et;
            if (row >= 0)
            {
                if (row != i && row != t)
                {
                    continue;
                }

                ei = row == i ? det : 0;
                et = row == t ? det : 0;
            }
            else
            {
                int slot = _slotOf[v];
                ei = Unsafe.Add(ref m, (i * w) + slot);
                et = Unsafe.Add(ref m, (t * w) + slot);
            }

            long c = (ei * pt) - (et * pi);
            if (c != 0)
            {
                return c < 0 ? -1 : 1;
            }
        }

        return 0;
    }

    /// <summary>Makes <paramref name="level"/> the current dictionary.</summary>
    private void MoveTo(int level)
    {
        _level = level;
        _block = _levels.Locate(level, out _offset);
    }

    private void ReturnLevels()
    {
        _levels.Release();
        _block = [];
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>() && _levelDets.Length is > 0 and <= KeptLevelArrays
            && _levelSmall.Length == _levelDets.Length)
        {
            t_levelDets = _levelDets;
            t_levelSmall = _levelSmall;
        }

        _levelDets = [];
        _levelSmall = [];
    }

    /// <summary>
    /// Exchanges the basic variable of row r with the nonbasic variable of slot s, reading the dictionary at offset
    /// <paramref name="source"/> and writing the result at <paramref name="target"/> (which may be the same); false on
    /// overflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Pivot(int source, int target, int r, int s)
    {
        if (typeof(T) == typeof(long) && _small)
        {
            PivotSmall(source, target, r, s);
            return true;
        }

        ReadOnlySpan<T> from = _levels.Level(source);
        Span<T> to = _levels.Level(target);
        int w = _w;
        int pivotRow = r * w;
        T p = from[pivotRow + s];
        VertexDivisor<T> det = TOps.PrepareDivisor(_det);
        if (!FractionFreePivot.UpdateOtherRows<T, TOps>(from, to, _k, w, r, s, det))
        {
            return false;
        }

        if (source != target)
        {
            from.Slice(pivotRow, w).CopyTo(to.Slice(pivotRow, w));
        }

        to[pivotRow + s] = det.Value;
        _det = p;
        if (typeof(T) == typeof(long))
        {
            _small = AllSmall(to);
        }

        UpdateBasis(r, s);
        return true;
    }

    /// <summary>
    /// <see cref="Pivot"/> for the 64-bit tier while every entry is at most 2^30: <c>a·p − b·c</c> fits a long, and the
    /// exact division by the determinant <c>D = 2^t·o</c> (o odd) is a shift and a multiplication by o's inverse
    /// modulo 2^64 instead of a hardware division (<see cref="VertexSmallPivot"/>, vectorised where AVX-512DQ is).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PivotSmall(int source, int target, int r, int s)
    {
        Span<long> from = MemoryMarshal.Cast<T, long>(_levels.Level(source));
        Span<long> to = MemoryMarshal.Cast<T, long>(_levels.Level(target));
        int w = _w;
        ReadOnlySpan<long> pivot = from.Slice(r * w, w);
        long p = pivot[s];
        long det = Unsafe.As<T, long>(ref _det);
        long magnitudes = p | VertexSmallPivot.UpdateRows(from, to, _k, w, r, s, det);
        Span<long> pivotTo = to.Slice(r * w, w);
        if (source != target)
        {
            pivot.CopyTo(pivotTo);
        }

        pivotTo[s] = det;
        Unsafe.As<T, long>(ref _det) = p;
        _small = magnitudes < SmallLimit;
        UpdateBasis(r, s);
    }

    /// <summary>Bound on the magnitudes while <see cref="_small"/> holds (a value v counts as v xor (v >> 63), below this).</summary>
    private const long SmallLimit = 1L << 30;

    /// <summary>True when every entry of <paramref name="dictionary"/> and the determinant are below <see cref="SmallLimit"/> (64-bit tier only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AllSmall(ReadOnlySpan<T> dictionary)
    {
        ReadOnlySpan<long> m = MemoryMarshal.Cast<T, long>(dictionary);
        long magnitudes = Unsafe.As<T, long>(ref _det);
        foreach (long v in m)
        {
            magnitudes |= v ^ (v >> 63);
        }

        return magnitudes < SmallLimit;
    }

    /// <summary>Swaps basic row r and nonbasic slot s in the bookkeeping (its own inverse).</summary>
    private void UpdateBasis(int r, int s)
    {
        int entering = _nonbasic[s];
        int leaving = _basic[r];
        _basic[r] = entering;
        _nonbasic[s] = leaving;
        _rowOf[entering] = r;
        _slotOf[entering] = -1;
        _rowOf[leaving] = -1;
        _slotOf[leaving] = s;
    }
}
