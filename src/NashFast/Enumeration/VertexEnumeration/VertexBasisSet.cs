using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>
/// The set of visited bases (64-bit masks, never zero) of <see cref="VertexFloatSearch"/> and
/// <see cref="VertexSearch{T, TOps}"/> (which also keeps its degenerate vertices' label sets in one): open addressing with
/// linear probing in one flat array, at most half full.
/// </summary>
/// <remarks>
/// The search looks up d neighbours per vertex, and with millions of vertices nearly every lookup misses the cache:
/// one probe sequence in a flat array of masks costs one miss where <see cref="HashSet{T}"/> costs two (bucket, then
/// entry) and takes about three times the memory. The slot arrays come from the shared pool (cleared) and go back
/// to it as the set grows and on <see cref="Release"/>: at 16×16 the table doubles its way to megabytes per polytope,
/// which were the float search's largest allocation.
/// </remarks>
internal sealed class VertexBasisSet
{
    private ulong[] _slots;
    private int _shift;

    /// <summary>An empty set with room for half of <paramref name="slots"/> masks (a power of two, at least 2) before it grows.</summary>
    public VertexBasisSet(int slots = 1024)
    {
        if (slots < 2 || !BitOperations.IsPow2(slots))
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "The slot count must be a power of two, at least 2.");
        }

        _slots = RentCleared(slots);
        _shift = 64 - BitOperations.Log2((uint)slots);
    }

    /// <summary>Returns the slots to the shared pool; the set must not be used afterwards.</summary>
    public void Release()
    {
        ArrayPool<ulong>.Shared.Return(_slots);
        _slots = [];
        Count = 0;
    }

    /// <summary>Number of slots (a power of two; the set grows before it is half full).</summary>
    public int Capacity => _slots.Length;

    /// <summary>Number of masks stored.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="mask"/> (nonzero); false when it was already present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(ulong mask)
    {
        ulong[] slots = _slots;
        int last = slots.Length - 1;
        int i = Index(mask, _shift);
        while (true)
        {
            ulong s = slots[i];
            if (s == mask)
            {
                return false;
            }

            if (s == 0)
            {
                slots[i] = mask;
                if (++Count * 2 > slots.Length)
                {
                    Grow();
                }

                return true;
            }

            i = (i + 1) & last;
        }
    }

    /// <summary>True when <paramref name="mask"/> (nonzero) is present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(ulong mask)
    {
        ulong[] slots = _slots;
        int last = slots.Length - 1;
        int i = Index(mask, _shift);
        while (true)
        {
            ulong s = slots[i];
            if (s == mask || s == 0)
            {
                return s != 0;
            }

            i = (i + 1) & last;
        }
    }

    /// <summary>
    /// Slot of <paramref name="mask"/> in a table of 2^(64 − <paramref name="shift"/>) slots (also used by
    /// <see cref="VertexLabelIndex"/>). Fibonacci hashing: the top bits of the product mix every bit of the mask.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Index(ulong mask, int shift) => (int)((mask * 0x9E3779B97F4A7C15UL) >> shift);

    private void Grow()
    {
        ulong[] old = _slots;
        ulong[] slots = RentCleared(old.Length * 2);
        int shift = _shift - 1, last = slots.Length - 1;
        foreach (ulong mask in old)
        {
            if (mask != 0)
            {
                int i = Index(mask, shift);
                while (slots[i] != 0)
                {
                    i = (i + 1) & last;
                }

                slots[i] = mask;
            }
        }

        _slots = slots;
        _shift = shift;
        ArrayPool<ulong>.Shared.Return(old);
    }

    /// <summary>A zeroed array of exactly <paramref name="length"/> slots (a power of two), pooled when the pool has that size.</summary>
    private static ulong[] RentCleared(int length)
    {
        ulong[] slots = ArrayPool<ulong>.Shared.Rent(length);
        if (slots.Length != length)
        {
            ArrayPool<ulong>.Shared.Return(slots);
            return new ulong[length];
        }

        Array.Clear(slots);
        return slots;
    }
}
