using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>
/// Reuses the vertex search's snapshot arrays across searches: a degenerate polytope of a 12×12 game needs about
/// 10 MB of them, and a fresh allocation of that size costs page faults and clearing on every solve (about as much as
/// the search). Two slots, because two searches (P and Q) may run at once; arrays larger than
/// <see cref="MaxRetainedBytes"/> and arrays of types with references are not kept.
/// </summary>
/// <typeparam name="T">Element type.</typeparam>
internal static class VertexSnapshotPool<T>
{
    /// <summary>The largest array kept for reuse, in bytes.</summary>
    public const long MaxRetainedBytes = 32L << 20;

    private static T[]? s_first;
    private static T[]? s_second;

    /// <summary>An array of at least <paramref name="length"/> elements, contents unspecified.</summary>
    public static T[] Rent(long length)
    {
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            T[]? cached = Interlocked.Exchange(ref s_first, null);
            if (cached is not null && cached.Length >= length)
            {
                return cached;
            }

            Return(cached);
            cached = Interlocked.Exchange(ref s_second, null);
            if (cached is not null && cached.Length >= length)
            {
                return cached;
            }

            Return(cached);
            return GC.AllocateUninitializedArray<T>(checked((int)length));
        }

        return new T[checked((int)length)];
    }

    /// <summary>Offers an array for reuse (null and empty arrays are ignored).</summary>
    public static void Return(T[]? array)
    {
        if (array is null || array.Length == 0 || RuntimeHelpers.IsReferenceOrContainsReferences<T>()
            || (long)array.Length * Unsafe.SizeOf<T>() > MaxRetainedBytes)
        {
            return;
        }

        // Keep the larger arrays: a slot holding a smaller one gives way.
        array = Interlocked.Exchange(ref s_first, array);
        if (array is not null && (s_second is null || s_second.Length < array.Length))
        {
            Interlocked.Exchange(ref s_second, array);
        }
    }
}
