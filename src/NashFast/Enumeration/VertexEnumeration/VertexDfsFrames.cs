namespace NashFast.Enumeration;

/// <summary>
/// The explicit DFS stack of <see cref="VertexSearch{T, TOps}"/>: per frame, the pivot that led into it (row, slot;
/// −1 at the root), the next slot to try, the slots whose ratio test is skipped (a bit per entering variable), and
/// the leaving rows of all its slots when they were decided together (<see cref="Rows"/>).
/// </summary>
/// <remarks>
/// Kept per thread (<see cref="Rent"/>): the DFS of a degenerate 10×10 polytope runs thousands of frames deep, and
/// four lists grown by doubling on every search were a visible part of a CLI process's allocations, whose fresh memory
/// costs page faults as well as clearing. Arrays grown past <see cref="KeptFrames"/> frames are not kept.
/// </remarks>
internal sealed class VertexDfsFrames
{
    /// <summary>The deepest stack kept for the next search on the thread (about 2 MB of arrays, and d bytes a frame of rows).</summary>
    private const int KeptFrames = 1 << 16;

    [ThreadStatic]
    private static VertexDfsFrames? t_cached;

    private int[] _row = new int[64];
    private int[] _slot = new int[64];
    private int[] _next = new int[64];
    private ulong[] _skip = new ulong[64];
    private ulong[] _ties = new ulong[64];
    private bool[] _rowsReady = new bool[64];
    private byte[] _rows = [];
    private int _rowsPerFrame;

    /// <summary>Number of frames on the stack.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The thread's stack, emptied (a new one if another search on this thread holds it), with room for
    /// <paramref name="rowsPerFrame"/> leaving rows per frame (the search's dimension d).
    /// </summary>
    public static VertexDfsFrames Rent(int rowsPerFrame = 0)
    {
        VertexDfsFrames frames = t_cached ?? new VertexDfsFrames();
        t_cached = null;
        frames.Count = 0;
        frames._rowsPerFrame = rowsPerFrame;
        if (frames._rows.Length < frames._row.Length * rowsPerFrame)
        {
            frames._rows = new byte[frames._row.Length * rowsPerFrame];
        }

        return frames;
    }

    /// <summary>Gives the stack back to the thread (unless it grew past <see cref="KeptFrames"/>).</summary>
    public void Return()
    {
        if (_row.Length <= KeptFrames)
        {
            t_cached = this;
        }
    }

    /// <summary>Pushes a frame entered by pivoting on (<paramref name="row"/>, <paramref name="slot"/>), next slot 0, nothing skipped.</summary>
    public void Push(int row, int slot)
    {
        int f = Count;
        if (f == _row.Length)
        {
            int size = 2 * f;
            Array.Resize(ref _row, size);
            Array.Resize(ref _slot, size);
            Array.Resize(ref _next, size);
            Array.Resize(ref _skip, size);
            Array.Resize(ref _ties, size);
            Array.Resize(ref _rowsReady, size);
            Array.Resize(ref _rows, size * _rowsPerFrame);
        }

        _row[f] = row;
        _slot[f] = slot;
        _next[f] = 0;
        _skip[f] = 0;
        _rowsReady[f] = false;
        Count = f + 1;
    }

    /// <summary>Removes the top frame.</summary>
    public void Pop() => Count--;

    /// <summary>The pivot row that led into frame <paramref name="f"/> (−1 at the root).</summary>
    public int Row(int f) => _row[f];

    /// <summary>The pivot slot that led into frame <paramref name="f"/> (−1 at the root).</summary>
    public int Slot(int f) => _slot[f];

    /// <summary>The next slot frame <paramref name="f"/> tries.</summary>
    public ref int Next(int f) => ref _next[f];

    /// <summary>The entering variables whose edges frame <paramref name="f"/> skips (they lead to a visited descendant's basis).</summary>
    public ref ulong Skip(int f) => ref _skip[f];

    /// <summary>Whether frame <paramref name="f"/>'s leaving rows are in <see cref="Rows"/> (false when pushed).</summary>
    public ref bool RowsReady(int f) => ref _rowsReady[f];

    /// <summary>The leaving row of each slot of frame <paramref name="f"/>, once decided (see <see cref="VertexSmallRatio"/>).</summary>
    public Span<byte> Rows(int f) => _rows.AsSpan(f * _rowsPerFrame, _rowsPerFrame);

    /// <summary>The slots of frame <paramref name="f"/> whose entry in <see cref="Rows"/> a tie left undecided.</summary>
    public ref ulong Ties(int f) => ref _ties[f];
}
