using System.Numerics;
using System.Runtime.CompilerServices;

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
    private readonly int _maxSnapshots;
    private readonly int _intsPerSnapshot;
    private T[] _snapshotEntries = [];
    private int[] _snapshotInts = [];
    private T[] _snapshotDets = [];
    private int _snapshotCapacity;
    private BigInteger[]? _bigCoordinates;

    /// <summary>
    /// 64-bit tier only: every tableau entry (and the determinant) is at most 2^30 in magnitude, so products and their
    /// differences fit a <see cref="long"/> and pivots and ratio tests need no 128-bit arithmetic.
    /// </summary>
    private bool _small;

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
        _intsPerSnapshot = (3 * (d + k)) + 1;

        // Snapshots by DFS depth, at most about 64 MB of them (entry sizes: 8 bytes to 192 for the widest tier; a
        // BigInteger entry is counted as 512 bytes because a snapshot keeps its digits alive).
        int entryBytes = Unsafe.SizeOf<T>() + (typeof(T) == typeof(BigInteger) ? 512 : 0);
        long snapshotBytes = ((long)dictionary.Length * entryBytes) + (4L * _intsPerSnapshot);
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

        var search = new VertexSearch<T, TOps>(k, d, dictionary, TOps.One);
        search._small = typeof(T) == typeof(long) && search.AllSmall();
        try
        {
            return search.Search(labelShift, token);
        }
        finally
        {
            search.ReturnSnapshots();
        }
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
                        Restore(f - 1);
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
                    Save(level);
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
        int c = CompareProducts(_m[(i * _w) + _d], pt, _m[(t * _w) + _d], pi);
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

            c = CompareProducts(ei, pt, et, pi);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>Sign of <c>a·b − c·d</c>; in plain 64-bit products while the entries are small.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CompareProducts(in T a, in T b, in T c, in T d)
    {
        if (typeof(T) == typeof(long) && _small)
        {
            long left = Unsafe.As<T, long>(ref Unsafe.AsRef(in a)) * Unsafe.As<T, long>(ref Unsafe.AsRef(in b));
            long right = Unsafe.As<T, long>(ref Unsafe.AsRef(in c)) * Unsafe.As<T, long>(ref Unsafe.AsRef(in d));
            return left.CompareTo(right);
        }

        return TOps.CompareProducts(in a, in b, in c, in d);
    }

    /// <summary>Copies the search state into snapshot slot <paramref name="level"/>, growing the slots as needed.</summary>
    private void Save(int level)
    {
        if (level == _snapshotCapacity)
        {
            GrowSnapshots(level + 1);
        }

        int entries = _m.Length;
        _m.AsSpan().CopyTo(_snapshotEntries.AsSpan(level * entries, entries));
        _snapshotDets[level] = _det;
        Span<int> ints = _snapshotInts.AsSpan(level * _intsPerSnapshot, _intsPerSnapshot);
        _basic.CopyTo(ints);
        _nonbasic.CopyTo(ints[_k..]);
        _rowOf.CopyTo(ints[(_k + _d)..]);
        _slotOf.CopyTo(ints[(2 * (_k + _d))..]);
        ints[^1] = _small ? 1 : 0;
    }

    private void Restore(int level)
    {
        int entries = _m.Length;
        _snapshotEntries.AsSpan(level * entries, entries).CopyTo(_m);
        _det = _snapshotDets[level];
        ReadOnlySpan<int> ints = _snapshotInts.AsSpan(level * _intsPerSnapshot, _intsPerSnapshot);
        ints[.._k].CopyTo(_basic);
        ints.Slice(_k, _d).CopyTo(_nonbasic);
        ints.Slice(_k + _d, _k + _d).CopyTo(_rowOf);
        ints.Slice(2 * (_k + _d), _k + _d).CopyTo(_slotOf);
        _small = ints[^1] != 0;
    }

    /// <summary>
    /// Snapshots live in three flat arrays (one allocation each, no per-depth objects: a DFS over a degenerate
    /// polytope is about as deep as it has bases, and thousands of small live objects cost more in garbage collection
    /// than the search itself). Arrays of unmanaged entries come from <see cref="VertexSnapshotPool{T}"/>.
    /// </summary>
    private void GrowSnapshots(int minimum)
    {
        int capacity = (int)Math.Min(_maxSnapshots, Math.Max(minimum, Math.Max(16L, 2L * _snapshotCapacity)));
        int entries = _m.Length;
        T[] newEntries = VertexSnapshotPool<T>.Rent((long)capacity * entries);
        int[] newInts = VertexSnapshotPool<int>.Rent((long)capacity * _intsPerSnapshot);
        var newDets = new T[capacity];
        int used = _snapshotCapacity;
        _snapshotEntries.AsSpan(0, used * entries).CopyTo(newEntries);
        _snapshotInts.AsSpan(0, used * _intsPerSnapshot).CopyTo(newInts);
        _snapshotDets.AsSpan(0, used).CopyTo(newDets);
        ReturnSnapshots();
        _snapshotEntries = newEntries;
        _snapshotInts = newInts;
        _snapshotDets = newDets;
        _snapshotCapacity = capacity;
    }

    private void ReturnSnapshots()
    {
        VertexSnapshotPool<T>.Return(_snapshotEntries);
        VertexSnapshotPool<int>.Return(_snapshotInts);
        _snapshotEntries = [];
        _snapshotInts = [];
        _snapshotDets = [];
        _snapshotCapacity = 0;
    }

    /// <summary>Exchanges the basic variable of row r with the nonbasic variable of slot s; false on overflow.</summary>
    private bool Pivot(int r, int s)
    {
        if (typeof(T) == typeof(long) && _small)
        {
            PivotSmall(r, s);
            return true;
        }

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
        if (typeof(T) == typeof(long))
        {
            _small = AllSmall();
        }

        UpdateBasis(r, s);
        return true;
    }

    /// <summary>
    /// <see cref="Pivot"/> for the 64-bit tier while every entry is at most 2^30: <c>a·p − b·c</c> fits a long, and the
    /// exact division by the determinant <c>D = 2^t·o</c> (o odd) is a shift and a multiplication by o's inverse
    /// modulo 2^64 instead of a hardware division.
    /// </summary>
    private void PivotSmall(int r, int s)
    {
        long[] m = Unsafe.As<long[]>(_m);
        int w = _w;
        int pivotRow = r * w;
        long p = m[pivotRow + s];
        long det = Unsafe.As<T, long>(ref _det);
        int shift = BitOperations.TrailingZeroCount(det);
        long inverse = (long)VertexLongArithmetic.InverseOdd((ulong)det >> shift);
        long magnitudes = p;
        for (int i = 0; i < _k; i++)
        {
            if (i == r)
            {
                continue;
            }

            Span<long> row = m.AsSpan(i * w, w);
            ReadOnlySpan<long> pivot = m.AsSpan(pivotRow, w);
            long b = row[s];
            if (b == 0 && det == 1)
            {
                for (int j = 0; j < row.Length; j++)
                {
                    long v = row[j] * p;
                    row[j] = v;
                    magnitudes |= v ^ (v >> 63);
                }
            }
            else
            {
                for (int j = 0; j < row.Length; j++)
                {
                    long v = ((row[j] * p) - (b * pivot[j])) >> shift;
                    v *= inverse;
                    row[j] = v;
                    magnitudes |= v ^ (v >> 63);
                }
            }

            row[s] = -b;
            magnitudes |= b ^ (b >> 63);
        }

        m[pivotRow + s] = det;
        Unsafe.As<T, long>(ref _det) = p;
        _small = magnitudes < SmallLimit;
        UpdateBasis(r, s);
    }

    /// <summary>Bound on the magnitudes while <see cref="_small"/> holds (a value v counts as v xor (v >> 63), below this).</summary>
    private const long SmallLimit = 1L << 30;

    /// <summary>True when every entry and the determinant are below <see cref="SmallLimit"/> (64-bit tier only).</summary>
    private bool AllSmall()
    {
        long[] m = Unsafe.As<long[]>(_m);
        long magnitudes = Unsafe.As<T, long>(ref _det);
        foreach (long v in m)
        {
            magnitudes |= v ^ (v >> 63);
        }

        return magnitudes < SmallLimit;
    }

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
