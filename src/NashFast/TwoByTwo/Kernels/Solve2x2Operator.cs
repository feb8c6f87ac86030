using System.Numerics;
using System.Runtime.CompilerServices;

namespace NashFast.TwoByTwo.Kernels;

/// <summary>
/// The 2×2 solve as an operator (after TensorPrimitives): <c>Invoke</c> solves one game (scalar) or one vector of
/// games (one game per lane) and stores the answers at offset <c>i</c>. The loops, width dispatch and tail live in
/// <see cref="Batch2x2Driver"/>; the width overloads are in <c>Solve2x2Operator.Vector*.cs</c>.
/// </summary>
/// <remarks>
/// Every overload computes exactly <see cref="Scalar2x2.Solve{T}"/>: the same comparisons (exact) and the same
/// floating-point operations in the same order (the JIT never contracts to FMA), so the results are bit-identical
/// whatever the kernel. Byte outputs are built inside the lanes as bit patterns and narrowed once:
/// mask = bits of the four cell masks, count = 2^52 (2^23 for float) + the count as a float sum of 0/1 lanes,
/// whose low byte is the count, flags = bits of the tie/mixed masks; a truncating narrow keeps the low byte.
/// </remarks>
internal readonly partial struct Solve2x2Operator<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Solves game <paramref name="i"/> with the scalar closed form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Invoke(in Batch2x2In<T> g, in Batch2x2Out<T> o, nuint i)
    {
        Scalar2x2.Solve(Unsafe.Add(ref g.A00, i), Unsafe.Add(ref g.A01, i), Unsafe.Add(ref g.A10, i), Unsafe.Add(ref g.A11, i),
                        Unsafe.Add(ref g.B00, i), Unsafe.Add(ref g.B01, i), Unsafe.Add(ref g.B10, i), Unsafe.Add(ref g.B11, i),
                        out Unsafe.Add(ref o.Mask, i), out Unsafe.Add(ref o.Count, i),
                        out Unsafe.As<byte, Solution2x2Flags>(ref Unsafe.Add(ref o.Flags, i)),
                        out Unsafe.Add(ref o.P, i), out Unsafe.Add(ref o.Q, i), out T u, out T v);
        if (o.Payoffs)
        {
            Unsafe.Add(ref o.RowPayoff, i) = u;
            Unsafe.Add(ref o.ColumnPayoff, i) = v;
        }
    }

    /// <summary>The quarter scale of the closed form (exact in either type).</summary>
    private static T Quarter
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => T.CreateTruncating(0.25);
    }

    /// <summary>2^52 for double, 2^23 for float: adding a small integer k puts k in the low mantissa bits.</summary>
    private static T CountBias
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(double) ? T.CreateTruncating(4503599627370496.0) : T.CreateTruncating(8388608.0);
    }
}
