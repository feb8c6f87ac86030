using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CommunityToolkit.HighPerformance;

namespace NashFast.Enumeration;

/// <summary>
/// The vector kernel of <see cref="PureEquilibria"/>: marks the cells that are a best response for both players.
/// </summary>
/// <remarks>
/// Lane layout: one cell per lane, consecutive columns <c>j … j+w-1</c> of one row <c>i</c> (w = 4 for Vector256,
/// 2 for Vector128). ISA paths: Vector256 when accelerated, else Vector128 when accelerated, else scalar; the
/// columns past the last full vector are finished by the scalar loop. Each lane computes the scalar expression
/// <c>A[i, j] == colMaxA[j] &amp;&amp; B[i, j] == rowMaxB[i]</c> (weak best responses: ties are equilibria).
/// </remarks>
internal static class PureEquilibriaKernel
{
    /// <summary>
    /// Writes the equilibrium cells of row <paramref name="i"/> into <paramref name="destination"/> from
    /// position <paramref name="count"/> on (as far as it has room) and returns the new total count.
    /// </summary>
    public static int MarkRow(
        ReadOnlySpan<double> aRow,
        ReadOnlySpan<double> bRow,
        ReadOnlySpan<double> columnMaxA,
        double rowMaxB,
        int i,
        Span<PureCell> destination,
        int count)
    {
        int n = aRow.Length;
        int j = 0;
        ref double a = ref MemoryMarshal.GetReference(aRow);
        ref double b = ref MemoryMarshal.GetReference(bRow);
        ref double c = ref MemoryMarshal.GetReference(columnMaxA);
        if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
        {
            Vector256<double> bMax = Vector256.Create(rowMaxB);
            for (; j <= n - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                // Lane is an equilibrium when A equals its column maximum and B its row maximum.
                Vector256<double> both = Vector256.Equals(Vector256.LoadUnsafe(ref a, (nuint)j), Vector256.LoadUnsafe(ref c, (nuint)j))
                    & Vector256.Equals(Vector256.LoadUnsafe(ref b, (nuint)j), bMax);
                count = Emit(both.ExtractMostSignificantBits(), i, j, destination, count);
            }
        }
        else if (Vector128.IsHardwareAccelerated && n >= Vector128<double>.Count)
        {
            Vector128<double> bMax = Vector128.Create(rowMaxB);
            for (; j <= n - Vector128<double>.Count; j += Vector128<double>.Count)
            {
                // Lane is an equilibrium when A equals its column maximum and B its row maximum.
                Vector128<double> both = Vector128.Equals(Vector128.LoadUnsafe(ref a, (nuint)j), Vector128.LoadUnsafe(ref c, (nuint)j))
                    & Vector128.Equals(Vector128.LoadUnsafe(ref b, (nuint)j), bMax);
                count = Emit(both.ExtractMostSignificantBits(), i, j, destination, count);
            }
        }

        for (; j < n; j++)
        {
            if (Unsafe.Add(ref a, j) == Unsafe.Add(ref c, j) && Unsafe.Add(ref b, j) == rowMaxB)
            {
                if (count < destination.Length)
                {
                    destination[count] = new PureCell(i, j);
                }

                count++;
            }
        }

        return count;
    }

    /// <summary>Column maxima of <paramref name="a"/>: one elementwise-max pass per row (TensorPrimitives).</summary>
    public static void ColumnMaxima(ReadOnlySpan2D<double> a, Span<double> columnMax)
    {
        a.GetRowSpan(0).CopyTo(columnMax);
        for (int i = 1; i < a.Height; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Max(columnMax, a.GetRowSpan(i), columnMax);
        }
    }

    /// <summary>Row maxima of <paramref name="b"/>: one max reduction per row (TensorPrimitives).</summary>
    public static void RowMaxima(ReadOnlySpan2D<double> b, Span<double> rowMax)
    {
        for (int i = 0; i < b.Height; i++)
        {
            rowMax[i] = System.Numerics.Tensors.TensorPrimitives.Max(b.GetRowSpan(i));
        }
    }

    private static int Emit(uint bits, int i, int j, Span<PureCell> destination, int count)
    {
        while (bits != 0)
        {
            int lane = BitOperations.TrailingZeroCount(bits);
            if (count < destination.Length)
            {
                destination[count] = new PureCell(i, j + lane);
            }

            count++;
            bits &= bits - 1;
        }

        return count;
    }
}
