using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NashFast.TwoByTwo;

namespace NashFast.MonteCarlo;

/// <summary>Which implementation folds a chunk's answers into the statistics (all give bit-identical statistics).</summary>
internal enum FoldPath
{
    /// <summary>The widest path the processor accelerates.</summary>
    Auto,

    /// <summary>One game at a time (the reference).</summary>
    Scalar,

    /// <summary>2 games per step.</summary>
    Vector128,

    /// <summary>4 games per step.</summary>
    Vector256,

    /// <summary>8 games per step.</summary>
    Vector512,
}

// The vector folds: per-lane 64-bit counters and fixed-point sums (integer, so summing the lanes at the end of the chunk
// is exact and the result is bit-identical to the scalar fold), the payoff of each game computed with the same double
// additions in the same order as the scalar fold, and its fixed-point value truncated exactly as (long) does.
internal sealed partial class Fused2x2Worker
{
    /// <summary>1.5·2^52 (see the truncation in the vector folds).</summary>
    private const double Magic = 6755399441055744.0;

    private readonly FoldPath _path;

    /// <summary>Games the vector fast path folded (the rest went through <see cref="FoldScalar"/>); tests check it is used.</summary>
    internal long VectorFoldedGames { get; private set; }

    /// <summary>Whether <paramref name="path"/> runs accelerated on this processor (the vector folds widen bytes with x86 instructions).</summary>
    internal static bool IsSupported(FoldPath path) => path switch
    {
        FoldPath.Auto or FoldPath.Scalar => true,
        FoldPath.Vector128 => Vector128.IsHardwareAccelerated && Sse41.IsSupported,
        FoldPath.Vector256 => Vector256.IsHardwareAccelerated && Avx2.IsSupported,
        FoldPath.Vector512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported,
        _ => false,
    };

    private static FoldPath BestFoldPath() =>
        IsSupported(FoldPath.Vector512) ? FoldPath.Vector512
        : IsSupported(FoldPath.Vector256) ? FoldPath.Vector256
        : IsSupported(FoldPath.Vector128) ? FoldPath.Vector128
        : FoldPath.Scalar;

    private void FoldFull(int n)
    {
        switch (_path)
        {
            case FoldPath.Vector512:
                FoldVector512(n);
                break;
            case FoldPath.Vector256:
                FoldVector256(n);
                break;
            case FoldPath.Vector128:
                FoldVector128(n);
                break;
            default:
                FoldScalar(0, n);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> Widen512(ref byte source) =>
        Avx512F.ConvertToVector512Int64(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref source)).AsByte()).AsInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> Widen256(ref byte source) =>
        Avx2.ConvertToVector256Int64(Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref source)).AsByte()).AsInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<long> Widen128(ref byte source) =>
        Sse41.ConvertToVector128Int64(Vector128.CreateScalar(Unsafe.ReadUnaligned<ushort>(ref source)).AsByte()).AsInt64();

    /// <summary>The fold of games <c>[0, n)</c> in Vector512 blocks; a block with a lane the fast path does not cover goes to <see cref="FoldScalar"/>.</summary>
    private void FoldVector512(int n)
    {
        Accumulator acc = Statistics;
        int lanes = Vector512<double>.Count;
        long[] pTotal = acc.P, qTotal = acc.Q;
        int bins = pTotal.Length;
        Vector512<long> pure0 = default, pure1 = default, pure2 = default, equilibria1 = default, equilibria3 = default;
        Vector512<long> pureTotal = default, mixedGames = default, rowSum = default, columnSum = default;
        Vector512<long> one = Vector512<long>.One, three = Vector512.Create(3L), two = Vector512.Create(2L), five = Vector512.Create(5L);
        Vector512<double> small = Vector512.Create(SmallUnits), scale = Vector512.Create(FixedPoint.Scale), magic = Vector512.Create(Magic);
        Vector512<long> magicBits = magic.AsInt64();
        ref double a00 = ref MemoryMarshal.GetArrayDataReference(_a00), a01 = ref MemoryMarshal.GetArrayDataReference(_a01);
        ref double a10 = ref MemoryMarshal.GetArrayDataReference(_a10), a11 = ref MemoryMarshal.GetArrayDataReference(_a11);
        ref double b00 = ref MemoryMarshal.GetArrayDataReference(_b00), b01 = ref MemoryMarshal.GetArrayDataReference(_b01);
        ref double b10 = ref MemoryMarshal.GetArrayDataReference(_b10), b11 = ref MemoryMarshal.GetArrayDataReference(_b11);
        ref double ur = ref MemoryMarshal.GetArrayDataReference(_u), vr = ref MemoryMarshal.GetArrayDataReference(_v);
        ref byte maskr = ref MemoryMarshal.GetArrayDataReference(_mask), countr = ref MemoryMarshal.GetArrayDataReference(_count);
        ref byte flagr = ref Unsafe.As<Solution2x2Flags, byte>(ref MemoryMarshal.GetArrayDataReference(_flags));
        long fastGames = 0;
        int k = 0;
        for (; k <= n - lanes; k += lanes)
        {
            Vector512<long> mask = Widen512(ref Unsafe.Add(ref maskr, k));
            Vector512<long> count = Widen512(ref Unsafe.Add(ref countr, k));
            Vector512<long> flags = Widen512(ref Unsafe.Add(ref flagr, k));
            Vector512<long> bit0 = mask & one, bit1 = Vector512.ShiftRightLogical(mask, 1) & one;
            Vector512<long> bit2 = Vector512.ShiftRightLogical(mask, 2) & one, bit3 = Vector512.ShiftRightLogical(mask, 3) & one;
            Vector512<long> pure = bit0 + bit1 + bit2 + bit3;
            Vector512<long> mixed = Vector512.ShiftRightLogical(flags, 1) & one; // Solution2x2Flags.CompletelyMixed
            Vector512<long> m0 = -bit0, m1 = -bit1, m2 = -bit2, m3 = -bit3, keep = -mixed;

            // The same additions, in the same order, as the scalar fold: bit-identical doubles per lane.
            Vector512<double> row = Vector512<double>.Zero + (Vector512.LoadUnsafe(ref a00, (nuint)k).AsInt64() & m0).AsDouble();
            row += (Vector512.LoadUnsafe(ref a01, (nuint)k).AsInt64() & m1).AsDouble();
            row += (Vector512.LoadUnsafe(ref a10, (nuint)k).AsInt64() & m2).AsDouble();
            row += (Vector512.LoadUnsafe(ref a11, (nuint)k).AsInt64() & m3).AsDouble();
            row += (Vector512.LoadUnsafe(ref ur, (nuint)k).AsInt64() & keep).AsDouble();
            Vector512<double> column = Vector512<double>.Zero + (Vector512.LoadUnsafe(ref b00, (nuint)k).AsInt64() & m0).AsDouble();
            column += (Vector512.LoadUnsafe(ref b01, (nuint)k).AsInt64() & m1).AsDouble();
            column += (Vector512.LoadUnsafe(ref b10, (nuint)k).AsInt64() & m2).AsDouble();
            column += (Vector512.LoadUnsafe(ref b11, (nuint)k).AsInt64() & m3).AsDouble();
            column += (Vector512.LoadUnsafe(ref vr, (nuint)k).AsInt64() & keep).AsDouble();
            Vector512<double> rs = row * scale, cs = column * scale;

            // Lanes the fast path covers: valid, nondegenerate (1 or 3 equilibria, at most 2 pure), both sums below 2^51 units.
            Vector512<long> ok = Vector512.Equals(flags & five, Vector512<long>.Zero)
                & (Vector512.Equals(count, one) | Vector512.Equals(count, three))
                & Vector512.LessThanOrEqual(pure, two)
                & Vector512.LessThan(Vector512.Abs(rs), small).AsInt64()
                & Vector512.LessThan(Vector512.Abs(cs), small).AsInt64();
            if (!Vector512.EqualsAll(ok, Vector512<long>.AllBitsSet))
            {
                FoldScalar(k, k + lanes);
                continue;
            }

            // Truncation toward zero, exactly (long)x for |x| < 2^51: adding 1.5·2^52 to the integer part lands in the
            // binade [2^52, 2^53) where one unit of the last place is 1, so the bit pattern minus that of 1.5·2^52 is it.
            rowSum += (Vector512.Truncate(rs) + magic).AsInt64() - magicBits;
            columnSum += (Vector512.Truncate(cs) + magic).AsInt64() - magicBits;
            pure0 -= Vector512.Equals(pure, Vector512<long>.Zero);
            pure1 -= Vector512.Equals(pure, one);
            pure2 -= Vector512.Equals(pure, two);
            equilibria1 -= Vector512.Equals(count, one);
            equilibria3 -= Vector512.Equals(count, three);
            pureTotal += pure;
            mixedGames += mixed;
            fastGames += lanes;

            // The p and q bins only for the completely mixed lanes (a quarter of the games with continuous payoffs).
            ulong bits = Vector512.ExtractMostSignificantBits(keep);
            while (bits != 0)
            {
                int lane = k + BitOperations.TrailingZeroCount(bits);
                pTotal[Accumulator.Bin(_p[lane], bins)]++;
                qTotal[Accumulator.Bin(_q[lane], bins)]++;
                bits &= bits - 1;
            }
        }

        if (k < n)
        {
            FoldScalar(k, n);
        }

        long mixedSum = Vector512.Sum(mixedGames);
        acc.RowPayoffSum += Vector512.Sum(rowSum);
        acc.ColumnPayoffSum += Vector512.Sum(columnSum);
        acc.AddPureCounts(0, Vector512.Sum(pure0));
        acc.AddPureCounts(1, Vector512.Sum(pure1));
        acc.AddPureCounts(2, Vector512.Sum(pure2));
        acc.AddEquilibriaCounts(1, Vector512.Sum(equilibria1));
        acc.AddEquilibriaCounts(3, Vector512.Sum(equilibria3));
        _support[0] += Vector512.Sum(pureTotal);
        _support[3] += mixedSum;
        acc.CompletelyMixedGames += mixedSum;
        acc.Games += fastGames;
        VectorFoldedGames += fastGames;
    }

    /// <summary>The fold of games <c>[0, n)</c> in Vector256 blocks; a block with a lane the fast path does not cover goes to <see cref="FoldScalar"/>.</summary>
    private void FoldVector256(int n)
    {
        Accumulator acc = Statistics;
        int lanes = Vector256<double>.Count;
        long[] pTotal = acc.P, qTotal = acc.Q;
        int bins = pTotal.Length;
        Vector256<long> pure0 = default, pure1 = default, pure2 = default, equilibria1 = default, equilibria3 = default;
        Vector256<long> pureTotal = default, mixedGames = default, rowSum = default, columnSum = default;
        Vector256<long> one = Vector256<long>.One, three = Vector256.Create(3L), two = Vector256.Create(2L), five = Vector256.Create(5L);
        Vector256<double> small = Vector256.Create(SmallUnits), scale = Vector256.Create(FixedPoint.Scale), magic = Vector256.Create(Magic);
        Vector256<long> magicBits = magic.AsInt64();
        ref double a00 = ref MemoryMarshal.GetArrayDataReference(_a00), a01 = ref MemoryMarshal.GetArrayDataReference(_a01);
        ref double a10 = ref MemoryMarshal.GetArrayDataReference(_a10), a11 = ref MemoryMarshal.GetArrayDataReference(_a11);
        ref double b00 = ref MemoryMarshal.GetArrayDataReference(_b00), b01 = ref MemoryMarshal.GetArrayDataReference(_b01);
        ref double b10 = ref MemoryMarshal.GetArrayDataReference(_b10), b11 = ref MemoryMarshal.GetArrayDataReference(_b11);
        ref double ur = ref MemoryMarshal.GetArrayDataReference(_u), vr = ref MemoryMarshal.GetArrayDataReference(_v);
        ref byte maskr = ref MemoryMarshal.GetArrayDataReference(_mask), countr = ref MemoryMarshal.GetArrayDataReference(_count);
        ref byte flagr = ref Unsafe.As<Solution2x2Flags, byte>(ref MemoryMarshal.GetArrayDataReference(_flags));
        long fastGames = 0;
        int k = 0;
        for (; k <= n - lanes; k += lanes)
        {
            Vector256<long> mask = Widen256(ref Unsafe.Add(ref maskr, k));
            Vector256<long> count = Widen256(ref Unsafe.Add(ref countr, k));
            Vector256<long> flags = Widen256(ref Unsafe.Add(ref flagr, k));
            Vector256<long> bit0 = mask & one, bit1 = Vector256.ShiftRightLogical(mask, 1) & one;
            Vector256<long> bit2 = Vector256.ShiftRightLogical(mask, 2) & one, bit3 = Vector256.ShiftRightLogical(mask, 3) & one;
            Vector256<long> pure = bit0 + bit1 + bit2 + bit3;
            Vector256<long> mixed = Vector256.ShiftRightLogical(flags, 1) & one; // Solution2x2Flags.CompletelyMixed
            Vector256<long> m0 = -bit0, m1 = -bit1, m2 = -bit2, m3 = -bit3, keep = -mixed;

            // The same additions, in the same order, as the scalar fold: bit-identical doubles per lane.
            Vector256<double> row = Vector256<double>.Zero + (Vector256.LoadUnsafe(ref a00, (nuint)k).AsInt64() & m0).AsDouble();
            row += (Vector256.LoadUnsafe(ref a01, (nuint)k).AsInt64() & m1).AsDouble();
            row += (Vector256.LoadUnsafe(ref a10, (nuint)k).AsInt64() & m2).AsDouble();
            row += (Vector256.LoadUnsafe(ref a11, (nuint)k).AsInt64() & m3).AsDouble();
            row += (Vector256.LoadUnsafe(ref ur, (nuint)k).AsInt64() & keep).AsDouble();
            Vector256<double> column = Vector256<double>.Zero + (Vector256.LoadUnsafe(ref b00, (nuint)k).AsInt64() & m0).AsDouble();
            column += (Vector256.LoadUnsafe(ref b01, (nuint)k).AsInt64() & m1).AsDouble();
            column += (Vector256.LoadUnsafe(ref b10, (nuint)k).AsInt64() & m2).AsDouble();
            column += (Vector256.LoadUnsafe(ref b11, (nuint)k).AsInt64() & m3).AsDouble();
            column += (Vector256.LoadUnsafe(ref vr, (nuint)k).AsInt64() & keep).AsDouble();
            Vector256<double> rs = row * scale, cs = column * scale;

            // Lanes the fast path covers: valid, nondegenerate (1 or 3 equilibria, at most 2 pure), both sums below 2^51 units.
            Vector256<long> ok = Vector256.Equals(flags & five, Vector256<long>.Zero)
                & (Vector256.Equals(count, one) | Vector256.Equals(count, three))
                & Vector256.LessThanOrEqual(pure, two)
                & Vector256.LessThan(Vector256.Abs(rs), small).AsInt64()
                & Vector256.LessThan(Vector256.Abs(cs), small).AsInt64();
            if (!Vector256.EqualsAll(ok, Vector256<long>.AllBitsSet))
            {
                FoldScalar(k, k + lanes);
                continue;
            }

            // Truncation toward zero, exactly (long)x for |x| < 2^51: adding 1.5·2^52 to the integer part lands in the
            // binade [2^52, 2^53) where one unit of the last place is 1, so the bit pattern minus that of 1.5·2^52 is it.
            rowSum += (Vector256.Truncate(rs) + magic).AsInt64() - magicBits;
            columnSum += (Vector256.Truncate(cs) + magic).AsInt64() - magicBits;
            pure0 -= Vector256.Equals(pure, Vector256<long>.Zero);
            pure1 -= Vector256.Equals(pure, one);
            pure2 -= Vector256.Equals(pure, two);
            equilibria1 -= Vector256.Equals(count, one);
            equilibria3 -= Vector256.Equals(count, three);
            pureTotal += pure;
            mixedGames += mixed;
            fastGames += lanes;

            // The p and q bins only for the completely mixed lanes (a quarter of the games with continuous payoffs).
            ulong bits = Vector256.ExtractMostSignificantBits(keep);
            while (bits != 0)
            {
                int lane = k + BitOperations.TrailingZeroCount(bits);
                pTotal[Accumulator.Bin(_p[lane], bins)]++;
                qTotal[Accumulator.Bin(_q[lane], bins)]++;
                bits &= bits - 1;
            }
        }

        if (k < n)
        {
            FoldScalar(k, n);
        }

        long mixedSum = Vector256.Sum(mixedGames);
        acc.RowPayoffSum += Vector256.Sum(rowSum);
        acc.ColumnPayoffSum += Vector256.Sum(columnSum);
        acc.AddPureCounts(0, Vector256.Sum(pure0));
        acc.AddPureCounts(1, Vector256.Sum(pure1));
        acc.AddPureCounts(2, Vector256.Sum(pure2));
        acc.AddEquilibriaCounts(1, Vector256.Sum(equilibria1));
        acc.AddEquilibriaCounts(3, Vector256.Sum(equilibria3));
        _support[0] += Vector256.Sum(pureTotal);
        _support[3] += mixedSum;
        acc.CompletelyMixedGames += mixedSum;
        acc.Games += fastGames;
        VectorFoldedGames += fastGames;
    }

    /// <summary>The fold of games <c>[0, n)</c> in Vector128 blocks; a block with a lane the fast path does not cover goes to <see cref="FoldScalar"/>.</summary>
    private void FoldVector128(int n)
    {
        Accumulator acc = Statistics;
        int lanes = Vector128<double>.Count;
        long[] pTotal = acc.P, qTotal = acc.Q;
        int bins = pTotal.Length;
        Vector128<long> pure0 = default, pure1 = default, pure2 = default, equilibria1 = default, equilibria3 = default;
        Vector128<long> pureTotal = default, mixedGames = default, rowSum = default, columnSum = default;
        Vector128<long> one = Vector128<long>.One, three = Vector128.Create(3L), two = Vector128.Create(2L), five = Vector128.Create(5L);
        Vector128<double> small = Vector128.Create(SmallUnits), scale = Vector128.Create(FixedPoint.Scale), magic = Vector128.Create(Magic);
        Vector128<long> magicBits = magic.AsInt64();
        ref double a00 = ref MemoryMarshal.GetArrayDataReference(_a00), a01 = ref MemoryMarshal.GetArrayDataReference(_a01);
        ref double a10 = ref MemoryMarshal.GetArrayDataReference(_a10), a11 = ref MemoryMarshal.GetArrayDataReference(_a11);
        ref double b00 = ref MemoryMarshal.GetArrayDataReference(_b00), b01 = ref MemoryMarshal.GetArrayDataReference(_b01);
        ref double b10 = ref MemoryMarshal.GetArrayDataReference(_b10), b11 = ref MemoryMarshal.GetArrayDataReference(_b11);
        ref double ur = ref MemoryMarshal.GetArrayDataReference(_u), vr = ref MemoryMarshal.GetArrayDataReference(_v);
        ref byte maskr = ref MemoryMarshal.GetArrayDataReference(_mask), countr = ref MemoryMarshal.GetArrayDataReference(_count);
        ref byte flagr = ref Unsafe.As<Solution2x2Flags, byte>(ref MemoryMarshal.GetArrayDataReference(_flags));
        long fastGames = 0;
        int k = 0;
        for (; k <= n - lanes; k += lanes)
        {
            Vector128<long> mask = Widen128(ref Unsafe.Add(ref maskr, k));
            Vector128<long> count = Widen128(ref Unsafe.Add(ref countr, k));
            Vector128<long> flags = Widen128(ref Unsafe.Add(ref flagr, k));
            Vector128<long> bit0 = mask & one, bit1 = Vector128.ShiftRightLogical(mask, 1) & one;
            Vector128<long> bit2 = Vector128.ShiftRightLogical(mask, 2) & one, bit3 = Vector128.ShiftRightLogical(mask, 3) & one;
            Vector128<long> pure = bit0 + bit1 + bit2 + bit3;
            Vector128<long> mixed = Vector128.ShiftRightLogical(flags, 1) & one; // Solution2x2Flags.CompletelyMixed
            Vector128<long> m0 = -bit0, m1 = -bit1, m2 = -bit2, m3 = -bit3, keep = -mixed;

            // The same additions, in the same order, as the scalar fold: bit-identical doubles per lane.
            Vector128<double> row = Vector128<double>.Zero + (Vector128.LoadUnsafe(ref a00, (nuint)k).AsInt64() & m0).AsDouble();
            row += (Vector128.LoadUnsafe(ref a01, (nuint)k).AsInt64() & m1).AsDouble();
            row += (Vector128.LoadUnsafe(ref a10, (nuint)k).AsInt64() & m2).AsDouble();
            row += (Vector128.LoadUnsafe(ref a11, (nuint)k).AsInt64() & m3).AsDouble();
            row += (Vector128.LoadUnsafe(ref ur, (nuint)k).AsInt64() & keep).AsDouble();
            Vector128<double> column = Vector128<double>.Zero + (Vector128.LoadUnsafe(ref b00, (nuint)k).AsInt64() & m0).AsDouble();
            column += (Vector128.LoadUnsafe(ref b01, (nuint)k).AsInt64() & m1).AsDouble();
            column += (Vector128.LoadUnsafe(ref b10, (nuint)k).AsInt64() & m2).AsDouble();
            column += (Vector128.LoadUnsafe(ref b11, (nuint)k).AsInt64() & m3).AsDouble();
            column += (Vector128.LoadUnsafe(ref vr, (nuint)k).AsInt64() & keep).AsDouble();
            Vector128<double> rs = row * scale, cs = column * scale;

            // Lanes the fast path covers: valid, nondegenerate (1 or 3 equilibria, at most 2 pure), both sums below 2^51 units.
            Vector128<long> ok = Vector128.Equals(flags & five, Vector128<long>.Zero)
                & (Vector128.Equals(count, one) | Vector128.Equals(count, three))
                & Vector128.LessThanOrEqual(pure, two)
                & Vector128.LessThan(Vector128.Abs(rs), small).AsInt64()
                & Vector128.LessThan(Vector128.Abs(cs), small).AsInt64();
            if (!Vector128.EqualsAll(ok, Vector128<long>.AllBitsSet))
            {
                FoldScalar(k, k + lanes);
                continue;
            }

            // Truncation toward zero, exactly (long)x for |x| < 2^51: adding 1.5·2^52 to the integer part lands in the
            // binade [2^52, 2^53) where one unit of the last place is 1, so the bit pattern minus that of 1.5·2^52 is it.
            rowSum += (Vector128.Truncate(rs) + magic).AsInt64() - magicBits;
            columnSum += (Vector128.Truncate(cs) + magic).AsInt64() - magicBits;
            pure0 -= Vector128.Equals(pure, Vector128<long>.Zero);
            pure1 -= Vector128.Equals(pure, one);
            pure2 -= Vector128.Equals(pure, two);
            equilibria1 -= Vector128.Equals(count, one);
            equilibria3 -= Vector128.Equals(count, three);
            pureTotal += pure;
            mixedGames += mixed;
            fastGames += lanes;

            // The p and q bins only for the completely mixed lanes (a quarter of the games with continuous payoffs).
            ulong bits = Vector128.ExtractMostSignificantBits(keep);
            while (bits != 0)
            {
                int lane = k + BitOperations.TrailingZeroCount(bits);
                pTotal[Accumulator.Bin(_p[lane], bins)]++;
                qTotal[Accumulator.Bin(_q[lane], bins)]++;
                bits &= bits - 1;
            }
        }

        if (k < n)
        {
            FoldScalar(k, n);
        }

        long mixedSum = Vector128.Sum(mixedGames);
        acc.RowPayoffSum += Vector128.Sum(rowSum);
        acc.ColumnPayoffSum += Vector128.Sum(columnSum);
        acc.AddPureCounts(0, Vector128.Sum(pure0));
        acc.AddPureCounts(1, Vector128.Sum(pure1));
        acc.AddPureCounts(2, Vector128.Sum(pure2));
        acc.AddEquilibriaCounts(1, Vector128.Sum(equilibria1));
        acc.AddEquilibriaCounts(3, Vector128.Sum(equilibria3));
        _support[0] += Vector128.Sum(pureTotal);
        _support[3] += mixedSum;
        acc.CompletelyMixedGames += mixedSum;
        acc.Games += fastGames;
        VectorFoldedGames += fastGames;
    }
}
