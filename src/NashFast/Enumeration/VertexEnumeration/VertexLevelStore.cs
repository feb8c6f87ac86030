using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>
/// The dictionaries of <see cref="VertexSearch{T, TOps}"/> along its DFS path, one level per depth, in fixed-size
/// blocks that are added as the path deepens and never moved.
/// </summary>
/// <remarks>
/// The DFS of a degenerate polytope runs about as deep as the polytope has bases (a thousand levels and more at 10×10
/// with payoffs 0..3). One array grown by doubling copied the whole path at every doubling and touched twice the memory
/// it kept. In a CLI process, where every page is fresh (a page fault each, before the first collection), that growth was
/// about 40 % of the first game's solve: 17 ms against 2 ms for the same game solved again. Blocks are never copied, and
/// a released block goes to its thread's pool (up to <see cref="MaxPooledBytes"/> per entry type and thread), so later
/// searches on the thread reuse memory that is already mapped and likely still in its core's cache. (A pool shared by
/// the two threads of a solve handed blocks from one core to the other: 8×8 games with payoffs 0..3 on two threads
/// became about an eighth slower.) Blocks of types with references (BigInteger) are plain cleared arrays and are not
/// pooled.
/// </remarks>
/// <typeparam name="T">Entry type.</typeparam>
internal sealed class VertexLevelStore<T>
    where T : struct
{
    /// <summary>Size of a pooled block: big enough to hold many levels of a 20×20 game's 64-bit dictionary.</summary>
    private const int BlockBytes = 128 << 10;

    /// <summary>The most memory a thread's pool keeps per entry type (blocks beyond it are left to the collector).</summary>
    private const long MaxPooledBytes = 32L << 20;

    /// <summary>The fewest levels a block holds.</summary>
    private const int MinLevelsPerBlock = 4;

    private static readonly int s_pooledLength = Math.Max(1, BlockBytes / Unsafe.SizeOf<T>());
    /// <summary>Per thread: a search releases its blocks on the thread that ran it, and takes them back there.</summary>
    [ThreadStatic]
    private static Stack<T[]>? t_pool;

    private readonly int _entries;
    private readonly int _levelsPerBlock;
    private readonly int _blockLength;
    private T[][] _blocks = new T[4][];
    private int _blockCount;

    /// <param name="entries">Entries per level (one dictionary).</param>
    public VertexLevelStore(int entries)
    {
        // Wide entries (the 1536-bit tier of a 20×20 game is 80 KB a level) get blocks of their own size, not pooled,
        // so that growing the path does not allocate once per level.
        // Entries with references (BigInteger, never pooled) get blocks of 16 levels: a large cleared block per search
        // would be a large-object allocation even for a tiny polytope.
        _entries = entries;
        _blockLength = RuntimeHelpers.IsReferenceOrContainsReferences<T>() ? 16 * entries
            : s_pooledLength >= MinLevelsPerBlock * entries ? s_pooledLength : MinLevelsPerBlock * entries;
        _levelsPerBlock = _blockLength / entries;
    }

    /// <summary>Number of levels that have room.</summary>
    public int Capacity => _blockCount * _levelsPerBlock;

    /// <summary>Adds blocks until at least <paramref name="levels"/> levels have room (kept levels stay where they are).</summary>
    public void EnsureCapacity(int levels)
    {
        while (Capacity < levels)
        {
            if (_blockCount == _blocks.Length)
            {
                Array.Resize(ref _blocks, 2 * _blocks.Length);
            }

            _blocks[_blockCount++] = RentBlock();
        }
    }

    /// <summary>The block holding <paramref name="level"/> and the level's offset in it.</summary>
    public T[] Locate(int level, out int offset)
    {
        int block = level / _levelsPerBlock;
        offset = (level - (block * _levelsPerBlock)) * _entries;
        return _blocks[block];
    }

    /// <summary>The entries of <paramref name="level"/> (which must have room).</summary>
    public Span<T> Level(int level) => Locate(level, out int offset).AsSpan(offset, _entries);

    /// <summary>Gives every block back to this thread's pool; the store is empty afterwards.</summary>
    public void Release()
    {
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>() && _blockLength == s_pooledLength)
        {
            Stack<T[]> pool = t_pool ??= new Stack<T[]>();
            for (int b = 0; b < _blockCount && (long)(pool.Count + 1) * BlockBytes <= MaxPooledBytes; b++)
            {
                pool.Push(_blocks[b]);
            }
        }

        Array.Clear(_blocks, 0, _blockCount);
        _blockCount = 0;
    }

    private T[] RentBlock()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            return new T[_blockLength];
        }

        if (_blockLength == s_pooledLength)
        {
            if (t_pool is not null && t_pool.TryPop(out T[]? pooled))
            {
                return pooled;
            }
        }

        // Uninitialised: every level is written (by the initial fill or a pivot) before it is read, and a large block
        // that is not cleared is not touched, so its pages cost nothing until the DFS gets that deep.
        return GC.AllocateUninitializedArray<T>(_blockLength);
    }
}
