using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>
/// The vertices of one best-response polytope, in the (deterministic) order the search found them: for each its
/// label set (bit <c>l</c> set when label <c>l</c> is tight, labels numbered as in the reference: row strategies
/// 0…m−1, column strategies m…m+n−1) and its coordinates as integers over a common, vertex-specific denominator
/// (only their ratios matter, because equilibria are the vertices normalised to sum 1).
/// </summary>
internal sealed class VertexSet
{
    // Chunked, not List<T>: a degenerate polytope has thousands of vertices, and a list's doublings (a large-object
    // allocation and a copy each) were a tenth of a 10×10 search with payoffs 0..3.
    private readonly VertexChunkedList<ulong> _labels = new();
    private readonly VertexChunkedList<long> _longCoordinates = new();
    private readonly VertexChunkedList<BigInteger> _bigCoordinates = new();
    private readonly VertexChunkedList<bool> _isZero = new();
    private readonly Func<ulong, BigInteger[]>? _resolver;

    public VertexSet(int dimension) => Dimension = dimension;

    /// <summary>
    /// A set whose vertices carry only labels (<see cref="Add(ulong, bool)"/>); <see cref="Coordinates"/> asks
    /// <paramref name="resolver"/> for them, from the label set, on demand (see <see cref="VertexFloatSearch"/>).
    /// </summary>
    public VertexSet(int dimension, Func<ulong, BigInteger[]> resolver)
    {
        Dimension = dimension;
        _resolver = resolver;
    }

    /// <summary>Number of coordinates per vertex (m for P, n for Q).</summary>
    public int Dimension { get; }

    /// <summary>The arithmetic tier that completed the search (see <see cref="VertexTiers"/>).</summary>
    public VertexTier Tier { get; set; }

    /// <summary>Number of vertices stored.</summary>
    public int Count => _labels.Count;

    /// <summary>True when some vertex has more tight constraints than the dimension.</summary>
    public bool Degenerate { get; set; }

    /// <summary>True when the search stopped early (cancellation): the list is a subset of the vertices.</summary>
    public bool Truncated { get; set; }

    /// <summary>Label set of vertex <paramref name="v"/>.</summary>
    public ulong Labels(int v) => _labels[v];

    /// <summary>True when vertex <paramref name="v"/> is the origin (not part of any equilibrium).</summary>
    public bool IsZero(int v) => _isZero[v];

    /// <summary>Coordinate numerators of vertex <paramref name="v"/>.</summary>
    public BigInteger[] Coordinates(int v)
    {
        if (_resolver is not null)
        {
            return _resolver(_labels[v]);
        }

        var result = new BigInteger[Dimension];
        int start = v * Dimension;
        if (_bigCoordinates.Count > 0)
        {
            for (int i = 0; i < Dimension; i++)
            {
                result[i] = _bigCoordinates[start + i];
            }
        }
        else
        {
            for (int i = 0; i < Dimension; i++)
            {
                result[i] = _longCoordinates[start + i];
            }
        }

        return result;
    }

    /// <summary>
    /// How many vertices another thread may read (<see cref="Labels"/>, <see cref="IsZero"/>, <see cref="Coordinates"/>)
    /// while the search is still adding to a set built with a coordinate resolver (see <see cref="VertexMatchStream"/>).
    /// </summary>
    /// <remarks>
    /// One writer, any number of readers. The writer stores vertices and then publishes the new count (release); a
    /// reader that reads the count (acquire) sees every store before it. Appending never changes a stored element:
    /// a chunk is replaced only by a larger copy (the first chunk's doubling) and the chunk directory only by a longer
    /// copy, so a reader holding either the old or the new array finds the same elements below the count.
    /// Vertices are published in batches of <see cref="PublishBatch"/> and by <see cref="PublishAll"/> at the end: a
    /// reader polling a count written at every vertex would pull its cache line away from the search each time.
    /// </remarks>
    public int Published => Volatile.Read(ref _published);

    /// <summary>Vertices appended between two publications (a power of two).</summary>
    public const int PublishBatch = 64;

    /// <summary>
    /// Told the vertex count at every <see cref="PublishBatch"/>-th vertex, for progress reports
    /// (<see cref="SolveOptions.Progress"/>); null for none.
    /// </summary>
    public VertexSearchProgress? Progress { get; set; }

    private int _published;

    /// <summary>Appends a vertex of a set built with a coordinate resolver (published in batches, see <see cref="Published"/>).</summary>
    public void Add(ulong labels, bool isZero)
    {
        _labels.Add(labels);
        _isZero.Add(isZero);
        if ((_labels.Count & (PublishBatch - 1)) == 0)
        {
            Volatile.Write(ref _published, _labels.Count);
            Progress?.Report(_labels.Count);
        }
    }

    /// <summary>Publishes every vertex appended so far (the search calls this before it returns the set).</summary>
    public void PublishAll() => Volatile.Write(ref _published, _labels.Count);

    /// <summary>
    /// Labels and origin flags of vertices <paramref name="from"/> on, up to <paramref name="to"/> or the end of the
    /// chunk holding <paramref name="from"/> (so a reader touches the lists' shared fields once per run, not per
    /// vertex); <paramref name="to"/> must not exceed <see cref="Published"/> for a reader on another thread.
    /// </summary>
    public ReadOnlySpan<ulong> Run(int from, int to, out ReadOnlySpan<bool> isZero)
    {
        ReadOnlySpan<ulong> labels = _labels.Run(from, to);
        isZero = _isZero.Run(from, from + labels.Length);
        return labels[..isZero.Length];
    }

    /// <summary>Appends a vertex with 64-bit coordinates.</summary>
    public void Add(ulong labels, bool isZero, ReadOnlySpan<long> coordinates)
    {
        _labels.Add(labels);
        _isZero.Add(isZero);
        _longCoordinates.AddRange(coordinates);
        ReportEveryBatch();
    }

    /// <summary>
    /// Gives the storage of a set back for the next search's sets (see <see cref="VertexChunkedList{T}"/>): to the pool
    /// of the thread that wrote it, also when released on another thread (the second search's set, released by the
    /// caller); the set is empty afterwards. Only when no other thread reads it any more.
    /// </summary>
    /// <remarks>
    /// On one thread a uniform 10×10 solve's sets were 72 of its 210 KB, and on two the second search's set, left to
    /// the collector, another 46 KB; in a short process (the CLI, the peer script) every allocation until the first
    /// collections is fresh memory, a page fault per 4 KB, and a page fault costs about 14 µs on the 2-core VM.
    /// </remarks>
    public void Release()
    {
        _labels.Release();
        _longCoordinates.Release();
        _bigCoordinates.Release();
        _isZero.Release();
        _published = 0;
        Progress = null;
    }

    /// <summary>Appends a vertex with arbitrary-precision coordinates.</summary>
    public void Add(ulong labels, bool isZero, ReadOnlySpan<BigInteger> coordinates)
    {
        _labels.Add(labels);
        _isZero.Add(isZero);
        _bigCoordinates.AddRange(coordinates);
        ReportEveryBatch();
    }

    /// <summary>The progress count of the exact searches' sets (they publish nothing: no other thread reads them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReportEveryBatch()
    {
        if (Progress is { } progress && (_labels.Count & (PublishBatch - 1)) == 0)
        {
            progress.Report(_labels.Count);
        }
    }
}

/// <summary>
/// An append-only list in chunks of 4096 elements: appending never copies what is stored beyond the first chunk,
/// which grows by doubling from 16 (small polytopes stay small).
/// </summary>
/// <remarks>
/// Full chunks of unmanaged elements go back on <see cref="Release"/> to the pool of the thread that filled the list
/// (up to <see cref="MaxPooledChunks"/> per element type and thread): the sets of a degenerate 10×10 polytope hold tens
/// of thousands of coordinates, over half of such a solve's allocations, and fresh memory costs clearing and, in a CLI
/// process before its first collection, a page fault per 4 KB. Per thread, as for <see cref="VertexLevelStore{T}"/>,
/// and to the filling thread even when another releases the list (a set searched on a helper thread, released by the
/// caller): that thread writes the chunks again in its next search, where the caller's pool would move lines the
/// helper's core holds into the caller's searches.
/// </remarks>
/// <typeparam name="T">Element type.</typeparam>
internal sealed class VertexChunkedList<T>
{
    private const int Shift = 12;
    private const int ChunkSize = 1 << Shift;
    private const int MaxPooledChunks = 256;

    /// <summary>A first chunk that would grow past this takes a whole (pooled) chunk instead.</summary>
    private const int FirstChunkPooledFrom = 1024;

    [ThreadStatic]
    private static ChunkPool? t_pool;
    private readonly List<T[]> _chunks = [];

    /// <summary>The pool of the thread that added the first element (null while empty): where <see cref="Release"/> returns the chunks.</summary>
    private ChunkPool? _owner;

    /// <summary>Number of elements.</summary>
    public int Count { get; private set; }

    public T this[int index] => _chunks[index >> Shift][index & (ChunkSize - 1)];

    /// <summary>Elements <paramref name="from"/> … up to <paramref name="to"/> or the end of their chunk, whichever is first.</summary>
    public ReadOnlySpan<T> Run(int from, int to)
    {
        T[] chunk = _chunks[from >> Shift];
        int offset = from & (ChunkSize - 1);
        return chunk.AsSpan(offset, Math.Min(to - from, chunk.Length - offset));
    }

    public void Add(T value)
    {
        T[] chunk = Room(1);
        chunk[Count & (ChunkSize - 1)] = value;
        Count++;
    }

    public void AddRange(ReadOnlySpan<T> values)
    {
        while (!values.IsEmpty)
        {
            T[] chunk = Room(values.Length);
            int slot = Count & (ChunkSize - 1);
            int take = Math.Min(values.Length, chunk.Length - slot);
            values[..take].CopyTo(chunk.AsSpan(slot));
            values = values[take..];
            Count += take;
        }
    }

    /// <summary>The chunk the next element goes to, with room for it (and up to <paramref name="wanted"/> − 1 more in the first chunk).</summary>
    private T[] Room(int wanted)
    {
        if (Count < ChunkSize)
        {
            if (_chunks.Count == 0)
            {
                _owner = RuntimeHelpers.IsReferenceOrContainsReferences<T>() ? null : t_pool ??= new ChunkPool();
                // A whole chunk when the pool has one (no doublings), else a small first chunk (a small polytope
                // should not claim a whole one).
                _chunks.Add(TryRentPooled() ?? new T[Math.Min(ChunkSize, Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)wanted)))]);
            }

            T[] first = _chunks[0];
            if (Count == first.Length)
            {
                int size = Math.Min(ChunkSize, Math.Max(2 * first.Length, (int)BitOperations.RoundUpToPowerOf2((uint)(Count + wanted))));
                T[] grown = size >= FirstChunkPooledFrom ? RentChunk() : new T[size];
                first.AsSpan(0, Count).CopyTo(grown);
                first = grown;
                _chunks[0] = first;
            }

            return first;
        }

        if ((Count & (ChunkSize - 1)) == 0)
        {
            _chunks.Add(RentChunk());
        }

        return _chunks[^1];
    }

    /// <summary>
    /// Gives the full chunks to the filling thread's pool (unmanaged elements only; see the remarks) and empties the
    /// list. The list must no longer be read or written by any thread.
    /// </summary>
    public void Release()
    {
        if (_owner is { } owner)
        {
            if (ReferenceEquals(owner, t_pool))
            {
                foreach (T[] chunk in _chunks)
                {
                    owner.Keep(chunk);
                }
            }
            else
            {
                owner.Return(_chunks);
            }
        }

        _chunks.Clear();
        Count = 0;
        _owner = null;
    }

    private static T[]? TryRentPooled() =>
        !RuntimeHelpers.IsReferenceOrContainsReferences<T>() && t_pool is not null && t_pool.TryRent(out T[]? chunk) ? chunk : null;

    private static T[] RentChunk()
    {
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            // Not on the pinned object heap: measured there (first twenty 10×10 games of a native process), one thread
            // took 1.06-1.07 and two 0.92-0.94 of the time of `09e3daa`, against 0.97-0.99 and 0.80-0.83 here.
            return TryRentPooled() ?? GC.AllocateUninitializedArray<T>(ChunkSize);
        }

        return new T[ChunkSize];
    }

    /// <summary>
    /// One thread's full chunks: a stack only that thread touches, and a locked list where other threads put back the
    /// chunks of lists this thread filled, moved to the stack when the stack runs out.
    /// </summary>
    private sealed class ChunkPool
    {
        private readonly Stack<T[]> _kept = new();
        private readonly Lock _gate = new();
        private readonly List<T[]> _returned = [];
        private int _returnedCount;

        /// <summary>Pools a chunk on the owning thread.</summary>
        public void Keep(T[] chunk)
        {
            if (chunk.Length == ChunkSize && _kept.Count < MaxPooledChunks)
            {
                _kept.Push(chunk);
            }
        }

        /// <summary>Pools the full chunks among <paramref name="chunks"/> from another thread.</summary>
        public void Return(List<T[]> chunks)
        {
            lock (_gate)
            {
                foreach (T[] chunk in chunks)
                {
                    if (chunk.Length == ChunkSize && _returned.Count < MaxPooledChunks)
                    {
                        _returned.Add(chunk);
                    }
                }

                Volatile.Write(ref _returnedCount, _returned.Count);
            }
        }

        /// <summary>A pooled chunk, on the owning thread.</summary>
        public bool TryRent([NotNullWhen(true)] out T[]? chunk)
        {
            if (_kept.TryPop(out chunk))
            {
                return true;
            }

            if (Volatile.Read(ref _returnedCount) == 0)
            {
                return false;
            }

            lock (_gate)
            {
                foreach (T[] returned in _returned)
                {
                    Keep(returned);
                }

                _returned.Clear();
                Volatile.Write(ref _returnedCount, 0);
            }

            return _kept.TryPop(out chunk);
        }
    }
}

/// <summary>One polytope's vertex count so far, written by its search and read by a progress timer.</summary>
internal sealed class VertexSearchProgress
{
    private long _found;

    /// <summary>Vertices found so far by the current search of the polytope.</summary>
    public long Found => Volatile.Read(ref _found);

    /// <summary>Records the count (the searching thread only).</summary>
    public void Report(long found) => Volatile.Write(ref _found, found);
}
