using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NashFast.Internal.Simd;
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
                FoldVector<Doubles512, Longs512>(n);
                break;
            case FoldPath.Vector256:
                FoldVector<Doubles256, Longs256>(n);
                break;
            case FoldPath.Vector128:
                FoldVector<Doubles128, Longs128>(n);
                break;
            default:
                FoldScalar(0, n);
                break;
        }
    }

    /// <summary>The fold of games <c>[0, n)</c> in vectors of Count games; a vector with a lane the fast path does not cover goes to <see cref="FoldScalar"/>.</summary>
    private void FoldVector<TD, TL>(int n)
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
    {
        Accumulator acc = Statistics;
        int lanes = TD.Count;
        long[] pTotal = acc.P, qTotal = acc.Q;
        int bins = pTotal.Length;
        TL pure0 = TL.Zero, pure1 = TL.Zero, pure2 = TL.Zero, equilibria1 = TL.Zero, equilibria3 = TL.Zero;
        TL pureTotal = TL.Zero, mixedGames = TL.Zero, rowSum = TL.Zero, columnSum = TL.Zero;
        TL one = TL.One, three = TL.Create(3L), two = TL.Create(2L), five = TL.Create(5L);
        TD small = TD.Create(SmallUnits), scale = TD.Create(FixedPoint.Scale), magic = TD.Create(Magic);
        TL magicBits = magic.Bits;
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
            TL mask = TL.WidenBytes(ref Unsafe.Add(ref maskr, k));
            TL count = TL.WidenBytes(ref Unsafe.Add(ref countr, k));
            TL flags = TL.WidenBytes(ref Unsafe.Add(ref flagr, k));
            TL bit0 = mask & one, bit1 = (mask >>> 1) & one;
            TL bit2 = (mask >>> 2) & one, bit3 = (mask >>> 3) & one;
            TL pure = bit0 + bit1 + bit2 + bit3;
            TL mixed = (flags >>> 1) & one; // Solution2x2Flags.CompletelyMixed
            TL m0 = -bit0, m1 = -bit1, m2 = -bit2, m3 = -bit3, keep = -mixed;

            // The same additions, in the same order, as the scalar fold: bit-identical doubles per lane.
            TD row = TD.Zero + TD.FromBits(TD.Load(ref a00, (nuint)k).Bits & m0);
            row += TD.FromBits(TD.Load(ref a01, (nuint)k).Bits & m1);
            row += TD.FromBits(TD.Load(ref a10, (nuint)k).Bits & m2);
            row += TD.FromBits(TD.Load(ref a11, (nuint)k).Bits & m3);
            row += TD.FromBits(TD.Load(ref ur, (nuint)k).Bits & keep);
            TD column = TD.Zero + TD.FromBits(TD.Load(ref b00, (nuint)k).Bits & m0);
            column += TD.FromBits(TD.Load(ref b01, (nuint)k).Bits & m1);
            column += TD.FromBits(TD.Load(ref b10, (nuint)k).Bits & m2);
            column += TD.FromBits(TD.Load(ref b11, (nuint)k).Bits & m3);
            column += TD.FromBits(TD.Load(ref vr, (nuint)k).Bits & keep);
            TD rs = row * scale, cs = column * scale;

            // Lanes the fast path covers: valid, nondegenerate (1 or 3 equilibria, at most 2 pure), both sums below 2^51 units.
            TL ok = TL.CompareEqual(flags & five, TL.Zero)
                & (TL.CompareEqual(count, one) | TL.CompareEqual(count, three))
                & TL.CompareLessThanOrEqual(pure, two)
                & TD.LessThan(TD.Abs(rs), small).Bits
                & TD.LessThan(TD.Abs(cs), small).Bits;
            if (!TL.EqualsAll(ok, TL.AllBitsSet))
            {
                FoldScalar(k, k + lanes);
                continue;
            }

            // Truncation toward zero, exactly (long)x for |x| < 2^51: adding 1.5·2^52 to the integer part lands in the
            // binade [2^52, 2^53) where one unit of the last place is 1, so the bit pattern minus that of 1.5·2^52 is it.
            rowSum += (TD.Truncate(rs) + magic).Bits - magicBits;
            columnSum += (TD.Truncate(cs) + magic).Bits - magicBits;
            pure0 -= TL.CompareEqual(pure, TL.Zero);
            pure1 -= TL.CompareEqual(pure, one);
            pure2 -= TL.CompareEqual(pure, two);
            equilibria1 -= TL.CompareEqual(count, one);
            equilibria3 -= TL.CompareEqual(count, three);
            pureTotal += pure;
            mixedGames += mixed;
            fastGames += lanes;

            // The p and q bins only for the completely mixed lanes (a quarter of the games with continuous payoffs).
            ulong bits = TL.ExtractMostSignificantBits(keep);
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

        long mixedSum = TL.Sum(mixedGames);
        acc.RowPayoffSum += TL.Sum(rowSum);
        acc.ColumnPayoffSum += TL.Sum(columnSum);
        acc.AddPureCounts(0, TL.Sum(pure0));
        acc.AddPureCounts(1, TL.Sum(pure1));
        acc.AddPureCounts(2, TL.Sum(pure2));
        acc.AddEquilibriaCounts(1, TL.Sum(equilibria1));
        acc.AddEquilibriaCounts(3, TL.Sum(equilibria3));
        _support[0] += TL.Sum(pureTotal);
        _support[3] += mixedSum;
        acc.CompletelyMixedGames += mixedSum;
        acc.Games += fastGames;
        VectorFoldedGames += fastGames;
    }
}
