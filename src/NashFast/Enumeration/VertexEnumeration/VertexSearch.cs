using System.Numerics;

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
/// one pivot in and one pivot back out. The double description method was rejected: its intermediate polytopes can
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
    private readonly int _k;
    private readonly int _d;
    private readonly int _w;
    private readonly T[] _m;
    private readonly int[] _basic;
    private readonly int[] _nonbasic;
    private readonly int[] _rowOf;
    private readonly int[] _slotOf;
    private readonly T[] _coordinates;
    private T _det;
    private readonly List<Snapshot> _snapshots = [];
    private readonly int _maxSnapshots;
    private BigInteger[]? _bigCoordinates;

    private VertexSearch(int k, int d, T[] dictionary, T one)
    {
        _k = k;
        _d = d;
        _w = d + 1;
        _m = dictionary;
        _det = one;
        _basic = new int[k];
        _nonbasic = new int[d];
        _rowOf = new int[d + k];
        _slotOf = new int[d + k];
        _coordinates = new T[d];

        // Snapshots by DFS depth, at most about 64 MB of them (entry sizes: 8 bytes to 192 for the widest tier; a
        // BigInteger entry is counted as 512 bytes because a snapshot keeps its digits alive).
        int entryBytes = System.Runtime.CompilerServices.Unsafe.SizeOf<T>() + (typeof(T) == typeof(BigInteger) ? 512 : 0);
        long snapshotBytes = ((long)dictionary.Length * entryBytes) + (8L * (d + k));
        _maxSnapshots = (int)Math.Min(1 << 20, (64L << 20) / Math.Max(1, snapshotBytes));
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
    public static VertexSet? Run(BigInteger[] constraints, int k, int d, int labelShift, CancellationToken token)
    {
        var dictionary = new T[k * (d + 1)];
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

        return new VertexSearch<T, TOps>(k, d, dictionary, TOps.One).Search(labelShift, token);
    }

    private VertexSet? Search(int labelShift, CancellationToken token)
    {
        var result = new VertexSet(_d);
        var visited = new HashSet<ulong>();
        var degenerateVertices = new HashSet<ulong>();
        ulong basis = 0;
        for (int r = 0; r < _k; r++)
        {
            basis |= 1UL << _basic[r];
        }

        visited.Add(basis);
        Record(result, degenerateVertices, labelShift);

        // Explicit DFS stack: the pivot that led into each frame (row, slot; −1 at the root) and the next slot to try.
        var frameRow = new List<int> { -1 };
        var frameSlot = new List<int> { -1 };
        var frameNext = new List<int> { 0 };
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
                    basis ^= (1UL << _basic[backRow]) | (1UL << _nonbasic[backSlot]);
                    if (f - 1 < _maxSnapshots)
                    {
                        Restore(_snapshots[f - 1]);
                    }
                    else if (!Pivot(backRow, backSlot))
                    {
                        return null;
                    }
                }

                continue;
            }

            frameNext[f] = s + 1;
            int r = LexMinRatioRow(s);
            ulong next = basis ^ (1UL << _basic[r]) ^ (1UL << _nonbasic[s]);
            if (visited.Add(next))
            {
                // Keep the parent's dictionary while the snapshots fit their budget: restoring it on the way back is a
                // copy, where pivoting back would cost as much as the pivot forward.
                int level = frameRow.Count - 1; // the new frame's index − 1 (the root frame is never left by a pivot)
                if (level < _maxSnapshots)
                {
                    if (level == _snapshots.Count)
                    {
                        _snapshots.Add(new Snapshot(_m.Length, _k, _d));
                    }

                    Save(_snapshots[level]);
                }

                if (!Pivot(r, s))
                {
                    return null;
                }

                basis = next;
                frameRow.Add(r);
                frameSlot.Add(s);
                frameNext.Add(0);
                Record(result, degenerateVertices, labelShift);
            }
        }

        return result;
    }

    /// <summary>Adds the vertex of the current basis unless a degenerate vertex was already recorded by another basis.</summary>
    private void Record(VertexSet result, HashSet<ulong> degenerateVertices, int labelShift)
    {
        ulong local = 0;
        for (int s = 0; s < _d; s++)
        {
            local |= 1UL << _nonbasic[s];
        }

        bool degenerate = false;
        for (int r = 0; r < _k; r++)
        {
            if (TOps.Sign(_m[(r * _w) + _d]) == 0)
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
            _coordinates[i] = row >= 0 ? _m[(row * _w) + _d] : default;
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
            result.Add(labels, isZero, System.Runtime.CompilerServices.Unsafe.As<long[]>(_coordinates));
        }
        else if (typeof(T) == typeof(BigInteger))
        {
            result.Add(labels, isZero, System.Runtime.CompilerServices.Unsafe.As<BigInteger[]>(_coordinates));
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
    private int LexMinRatioRow(int s)
    {
        int best = -1;
        for (int i = 0; i < _k; i++)
        {
            if (TOps.Sign(_m[(i * _w) + s]) <= 0)
            {
                continue;
            }

            if (best < 0 || LexCompare(i, best, s) < 0)
            {
                best = i;
            }
        }

        // The polytope is bounded (C > 0), so every edge direction ends at some constraint.
        return best;
    }

    private int LexCompare(int i, int t, int s)
    {
        T pi = _m[(i * _w) + s];
        T pt = _m[(t * _w) + s];
        int c = TOps.CompareProducts(_m[(i * _w) + _d], pt, _m[(t * _w) + _d], pi);
        if (c != 0)
        {
            return c;
        }

        // Tie: compare the rows of B⁻¹ (the slack columns) in order, the perturbation ε, ε², ….
        for (int q = 0; q < _k; q++)
        {
            int v = _d + q;
            int row = _rowOf[v];
            T ei, et;
            if (row >= 0)
            {
                if (row != i && row != t)
                {
                    continue;
                }

                ei = row == i ? _det : default;
                et = row == t ? _det : default;
            }
            else
            {
                int slot = _slotOf[v];
                ei = _m[(i * _w) + slot];
                et = _m[(t * _w) + slot];
            }

            c = TOps.CompareProducts(ei, pt, et, pi);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private void Save(Snapshot snapshot)
    {
        _m.CopyTo(snapshot.M, 0);
        snapshot.Det = _det;
        _basic.CopyTo(snapshot.Basic, 0);
        _nonbasic.CopyTo(snapshot.Nonbasic, 0);
        _rowOf.CopyTo(snapshot.RowOf, 0);
        _slotOf.CopyTo(snapshot.SlotOf, 0);
    }

    private void Restore(Snapshot snapshot)
    {
        snapshot.M.CopyTo(_m, 0);
        _det = snapshot.Det;
        snapshot.Basic.CopyTo(_basic, 0);
        snapshot.Nonbasic.CopyTo(_nonbasic, 0);
        snapshot.RowOf.CopyTo(_rowOf, 0);
        snapshot.SlotOf.CopyTo(_slotOf, 0);
    }

    /// <summary>A copy of the search state (dictionary and basis bookkeeping) at one DFS depth.</summary>
    private sealed class Snapshot(int entries, int k, int d)
    {
        public T[] M { get; } = new T[entries];

        public T Det { get; set; }

        public int[] Basic { get; } = new int[k];

        public int[] Nonbasic { get; } = new int[d];

        public int[] RowOf { get; } = new int[d + k];

        public int[] SlotOf { get; } = new int[d + k];
    }

    /// <summary>Exchanges the basic variable of row r with the nonbasic variable of slot s; false on overflow.</summary>
    private bool Pivot(int r, int s)
    {
        T[] m = _m;
        int w = _w;
        T p = m[(r * w) + s];
        VertexDivisor<T> det = TOps.PrepareDivisor(_det);
        int pivotRow = r * w;
        for (int i = 0; i < _k; i++)
        {
            if (i == r)
            {
                continue;
            }

            int row = i * w;
            T b = m[row + s];
            for (int j = 0; j < w; j++)
            {
                if (j != s && !TOps.TryPivot(in m[row + j], in p, in b, in m[pivotRow + j], in det, out m[row + j]))
                {
                    return false;
                }
            }

            m[row + s] = TOps.Negate(b);
        }

        m[pivotRow + s] = det.Value;
        _det = p;
        int entering = _nonbasic[s];
        int leaving = _basic[r];
        _basic[r] = entering;
        _nonbasic[s] = leaving;
        _rowOf[entering] = r;
        _slotOf[entering] = -1;
        _rowOf[leaving] = -1;
        _slotOf[leaving] = s;
        return true;
    }
}
