using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>
/// Vertex id by label set (a nonzero 64-bit mask) for the nondegenerate pairing (<see cref="VertexMatching"/>,
/// <see cref="VertexMatchStream"/>): open addressing with linear probing in two flat pooled arrays, sized once for
/// the number of keys (at most half full), so it never grows.
/// </summary>
/// <remarks>
/// The pairing indexes every vertex of one polytope (thousands at 12×12) and looks up every vertex of the other.
/// <see cref="Dictionary{TKey, TValue}"/> spent about 90 ns per insertion there (a bucket array and an entry array,
/// each a cache miss), 4.5 % of a one-thread 12×12 solve in a profile; a probe here touches one line of keys.
/// </remarks>
internal sealed class VertexLabelIndex : IDisposable
{
    private ulong[] _keys;
    private int[] _ids;
    private readonly int _shift;

    /// <summary>An empty index with room for <paramref name="capacity"/> keys.</summary>
    public VertexLabelIndex(int capacity)
    {
        int slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, 2 * capacity));
        _keys = ArrayPool<ulong>.Shared.Rent(slots);
        _ids = ArrayPool<int>.Shared.Rent(slots);
        Slots = slots;
        Array.Clear(_keys, 0, slots);
        _shift = 64 - BitOperations.Log2((uint)slots);
    }

    /// <summary>Number of slots (a power of two, at least twice the capacity).</summary>
    public int Slots { get; }

    /// <summary>Number of keys stored.</summary>
    public int Count { get; private set; }

    /// <summary>Sets the id of <paramref name="key"/> (nonzero), replacing an earlier one, as an indexer would.</summary>
    public void Set(ulong key, int id)
    {
        ArgumentOutOfRangeException.ThrowIfZero(key);
        int last = Slots - 1;
        int i = Index(key);
        while (_keys[i] != 0 && _keys[i] != key)
        {
            i = (i + 1) & last;
        }

        if (_keys[i] == 0)
        {
            if (2 * (Count + 1) > Slots)
            {
                throw new InvalidOperationException($"The label index was sized for {Slots / 2} keys.");
            }

            _keys[i] = key;
            Count++;
        }

        _ids[i] = id;
    }

    /// <summary>The id of <paramref name="key"/> when present (a zero key is never present).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ulong key, out int id)
    {
        ulong[] keys = _keys;
        int last = Slots - 1;
        int i = Index(key);
        while (true)
        {
            ulong s = keys[i];
            if (s == key && s != 0)
            {
                id = _ids[i];
                return true;
            }

            if (s == 0)
            {
                id = -1;
                return false;
            }

            i = (i + 1) & last;
        }
    }

    /// <summary>Returns the arrays to the shared pool; the index must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_keys.Length > 0)
        {
            ArrayPool<ulong>.Shared.Return(_keys);
            ArrayPool<int>.Shared.Return(_ids);
            _keys = [];
            _ids = [];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Index(ulong key) => VertexBasisSet.Index(key, _shift);
}
