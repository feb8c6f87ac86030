using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NashFast.TwoByTwo.Kernels;

/// <summary>
/// The loops of the 2×2 batch solve (the "driver" of <see cref="Solve2x2Operator{T}"/>): one pass over the batch at
/// the kernel's width, the tail done by one last full vector that ends exactly at the batch end.
/// </summary>
/// <remarks>
/// Tail: when the batch is at least one vector long, the last vector starts at <c>n − width</c> and recomputes some
/// games already solved (same inputs, same operations, so the same values are stored again); nothing is read or
/// written past the end. A batch shorter than one vector falls to the next narrower width, down to scalar, so a
/// kernel never touches a slot outside <c>[0, n)</c>.
/// </remarks>
internal static class Batch2x2Driver
{
    /// <summary>Solves every game of <paramref name="g"/> into <paramref name="r"/> (lengths already validated).</summary>
    public static void Solve<T>(Games2x2<T> g, Solutions2x2<T> r, TwoByTwoKernel kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var input = new Batch2x2In<T>(g);
        var output = new Batch2x2Out<T>(r);
        nuint n = (nuint)g.Length;

        if (kernel >= TwoByTwoKernel.Vector512 && n >= (nuint)Vector512<T>.Count)
        {
            Solve512(input, output, n);
        }
        else if (kernel >= TwoByTwoKernel.Vector256 && n >= (nuint)Vector256<T>.Count)
        {
            Solve256(input, output, n);
        }
        else if (kernel >= TwoByTwoKernel.Vector128 && n >= (nuint)Vector128<T>.Count)
        {
            Solve128(input, output, n);
        }
        else
        {
            for (nuint i = 0; i < n; i++)
            {
                Solve2x2Operator<T>.Invoke(input, output, i);
            }
        }
    }

    // The three width loops are identical but for the vector type (diff them); n ≥ width on entry.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Solve512<T>(in Batch2x2In<T> g, in Batch2x2Out<T> o, nuint n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nuint width = (nuint)Vector512<T>.Count;
        nuint last = n - width;
        for (nuint i = 0; ; i += width)
        {
            if (i > last)
            {
                i = last; // overlapping last vector (see the remarks)
            }

            Solve2x2Operator<T>.Invoke(Vector512.LoadUnsafe(ref g.A00, i), Vector512.LoadUnsafe(ref g.A01, i),
                                       Vector512.LoadUnsafe(ref g.A10, i), Vector512.LoadUnsafe(ref g.A11, i),
                                       Vector512.LoadUnsafe(ref g.B00, i), Vector512.LoadUnsafe(ref g.B01, i),
                                       Vector512.LoadUnsafe(ref g.B10, i), Vector512.LoadUnsafe(ref g.B11, i), o, i);
            if (i == last)
            {
                break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Solve256<T>(in Batch2x2In<T> g, in Batch2x2Out<T> o, nuint n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nuint width = (nuint)Vector256<T>.Count;
        nuint last = n - width;
        for (nuint i = 0; ; i += width)
        {
            if (i > last)
            {
                i = last;
            }

            Solve2x2Operator<T>.Invoke(Vector256.LoadUnsafe(ref g.A00, i), Vector256.LoadUnsafe(ref g.A01, i),
                                       Vector256.LoadUnsafe(ref g.A10, i), Vector256.LoadUnsafe(ref g.A11, i),
                                       Vector256.LoadUnsafe(ref g.B00, i), Vector256.LoadUnsafe(ref g.B01, i),
                                       Vector256.LoadUnsafe(ref g.B10, i), Vector256.LoadUnsafe(ref g.B11, i), o, i);
            if (i == last)
            {
                break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Solve128<T>(in Batch2x2In<T> g, in Batch2x2Out<T> o, nuint n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nuint width = (nuint)Vector128<T>.Count;
        nuint last = n - width;
        for (nuint i = 0; ; i += width)
        {
            if (i > last)
            {
                i = last;
            }

            Solve2x2Operator<T>.Invoke(Vector128.LoadUnsafe(ref g.A00, i), Vector128.LoadUnsafe(ref g.A01, i),
                                       Vector128.LoadUnsafe(ref g.A10, i), Vector128.LoadUnsafe(ref g.A11, i),
                                       Vector128.LoadUnsafe(ref g.B00, i), Vector128.LoadUnsafe(ref g.B01, i),
                                       Vector128.LoadUnsafe(ref g.B10, i), Vector128.LoadUnsafe(ref g.B11, i), o, i);
            if (i == last)
            {
                break;
            }
        }
    }
}
