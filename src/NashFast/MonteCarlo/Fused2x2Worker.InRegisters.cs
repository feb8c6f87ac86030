using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NashFast.Random;
using NashFast.Random.Kernels;
using NashFast.TwoByTwo;
using NashFast.TwoByTwo.Kernels;
using VD = System.Runtime.Intrinsics.Vector512<double>;
using VL = System.Runtime.Intrinsics.Vector512<long>;

namespace NashFast.MonteCarlo;

// The built-in uniform and normal distributions on the Vector512 fold path: a chunk is 8 whole generator blocks
// (XoshiroGames), one per lane; each step generates game j of the 8 blocks in registers, solves it in registers with the
// operations of the 2×2 kernel (Solve2x2Operator, in the same order, so bit-identical) and folds it into per-lane
// integer accumulators as FoldVector does. Nothing goes through memory but the rare vector with a degenerate, invalid
// or huge-payoff lane, which is written to the chunk buffers and takes the reference solve and fold. The statistics are
// order-free integer sums, so visiting the chunk's games block-interleaved gives the same summary as the unfused path.
internal sealed partial class Fused2x2Worker
{
    /// <summary>Whether chunks of <paramref name="distribution"/> run in registers (otherwise generate, solve, fold through the buffers).</summary>
    private bool InRegisters(IGameDistribution distribution, bool pureOnly) =>
        _inRegisters && !pureOnly && _path == FoldPath.Vector512 && TwoByTwoSolver.ActiveKernel == TwoByTwoKernel.Vector512
        && (distribution is UniformDistribution || distribution is NormalDistribution);

    /// <summary>Games visited by the in-register path (tests check it is used).</summary>
    internal long InRegisterGames { get; private set; }

    /// <summary>The 8 lanes' next uniform or normal game (tests plug in games with ties, huge or invalid payoffs).</summary>
    internal interface IVectorGames
    {
        void Next(ref XoshiroGames.State512 g, out VD a00, out VD a01, out VD a10, out VD a11, out VD b00, out VD b01, out VD b10, out VD b11);
    }

    private readonly struct UniformGames : IVectorGames
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Next(ref XoshiroGames.State512 g, out VD a00, out VD a01, out VD a10, out VD a11, out VD b00, out VD b01, out VD b10, out VD b11) =>
            XoshiroGames.Uniform512(ref g, out a00, out a01, out a10, out a11, out b00, out b01, out b10, out b11);
    }

    private readonly struct NormalGames : IVectorGames
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Next(ref XoshiroGames.State512 g, out VD a00, out VD a01, out VD a10, out VD a11, out VD b00, out VD b01, out VD b10, out VD b11) =>
            XoshiroGames.Normal512(ref g, out a00, out a01, out a10, out a11, out b00, out b01, out b10, out b11);
    }

    /// <summary>Generates, solves and folds the chunk <c>[first, first + ChunkGames)</c> (first a multiple of <see cref="ChunkGames"/>).</summary>
    private void RunInRegisters(IGameDistribution distribution, ulong seed, long first)
    {
        if (distribution is UniformDistribution)
        {
            RunInRegisters512(default(UniformGames), seed, first);
        }
        else
        {
            RunInRegisters512(default(NormalGames), seed, first);
        }
    }

    /// <summary>The chunk whose block group starts at game <paramref name="first"/>, its games drawn by <typeparamref name="TGames"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void RunInRegisters512<TGames>(TGames games, ulong seed, long first)
        where TGames : struct, IVectorGames
    {
        Accumulator acc = Statistics;
        long[] pTotal = acc.P, qTotal = acc.Q;
        int bins = pTotal.Length;
        VL pure0 = default, pure1 = default, pure2 = default, equilibria1 = default, equilibria3 = default;
        VL pureTotal = default, mixedGames = default, rowSum = default, columnSum = default;
        long fastGames = 0;
        XoshiroGames.State512 g = XoshiroGames.Seed512(seed, (ulong)(first / XoshiroGames.BlockGames));
        VD binsD = Vector512.Create((double)bins);
        VL lastBin = Vector512.Create((long)bins - 1), spare = Vector512.Create((long)bins) + Vector512<long>.Indices;
        Span<long> binIndices = stackalloc long[16];
        ref long binIndex = ref MemoryMarshal.GetReference(binIndices);
        long[] pBins = _pBins, qBins = _qBins; // bins + SpareBins (8) slots, zero between chunks
        ref long pb = ref MemoryMarshal.GetArrayDataReference(pBins), qb = ref MemoryMarshal.GetArrayDataReference(qBins);
        for (int j = 0; j < XoshiroGames.BlockGames; j++)
        {
            games.Next(ref g, out VD a00, out VD a01, out VD a10, out VD a11, out VD b00, out VD b01, out VD b10, out VD b11);

            // Solve2x2Operator's Vector512 body, without the stores (see there for the why of each line). The scale test
            // takes MaxNative (vmaxpd): it differs from Max only on NaN or signed zeros, and |x| has no sign while a lane
            // with a NaN payoff is invalid and leaves the fast path.
            VD valid = Vector512.Equals(((a00 - a00) + (a01 - a01)) + ((a10 - a10) + (a11 - a11))
                                        + (((b00 - b00) + (b01 - b01)) + ((b10 - b10) + (b11 - b11))), VD.Zero);
            VD ga0 = Vector512.GreaterThanOrEqual(a00, a10), la0 = Vector512.GreaterThanOrEqual(a10, a00);
            VD ga1 = Vector512.GreaterThanOrEqual(a01, a11), la1 = Vector512.GreaterThanOrEqual(a11, a01);
            VD gb0 = Vector512.GreaterThanOrEqual(b00, b01), lb0 = Vector512.GreaterThanOrEqual(b01, b00);
            VD gb1 = Vector512.GreaterThanOrEqual(b10, b11), lb1 = Vector512.GreaterThanOrEqual(b11, b10);
            VL c00 = (ga0 & gb0).AsInt64(), c01 = (ga1 & lb0).AsInt64(), c10 = (la0 & gb1).AsInt64(), c11 = (la1 & lb1).AsInt64();
            VD tie = (ga0 & la0) | (ga1 & la1) | (gb0 & lb0) | (gb1 & lb1);
            VD hasP = (gb0 ^ lb0) & (gb1 ^ lb1) & (gb0 ^ gb1);
            VD hasQ = (ga0 ^ la0) & (ga1 ^ la1) & (ga0 ^ ga1);
            VL keep = (hasP & hasQ & valid).AsInt64(); // completely mixed

            VD s = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(Vector512.MaxNative(Vector512.MaxNative(Vector512.Abs(b00), Vector512.Abs(b01)), Vector512.MaxNative(Vector512.Abs(b10), Vector512.Abs(b11))),
                                                                         Vector512.Create(Scalar2x2.ScaleLimit<double>())), VD.One, Vector512.Create(0.25));
            VD d0 = (s * b00) - (s * b01);
            VD d1 = (s * b10) - (s * b11);
            VD p = d1 / (d1 - d0);
            s = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(Vector512.MaxNative(Vector512.MaxNative(Vector512.Abs(a00), Vector512.Abs(a01)), Vector512.MaxNative(Vector512.Abs(a10), Vector512.Abs(a11))),
                                                                     Vector512.Create(Scalar2x2.ScaleLimit<double>())), VD.One, Vector512.Create(0.25));
            d0 = (s * a00) - (s * a10);
            d1 = (s * a01) - (s * a11);
            VD q = d1 / (d1 - d0);
            VD u = (q * a00) + ((VD.One - q) * a01);
            VD v = (p * b00) + ((VD.One - p) * b10);

            // FoldVector on the lanes (a valid lane without ties has mask = the cells, count = pure + mixed).
            VL pure = -(c00 + c01 + c10 + c11);
            VL mixed = keep & VL.One;
            VL count = pure + mixed;
            VD row = VD.Zero + (a00.AsInt64() & c00).AsDouble();
            row += (a01.AsInt64() & c01).AsDouble();
            row += (a10.AsInt64() & c10).AsDouble();
            row += (a11.AsInt64() & c11).AsDouble();
            row += (u.AsInt64() & keep).AsDouble();
            VD column = VD.Zero + (b00.AsInt64() & c00).AsDouble();
            column += (b01.AsInt64() & c01).AsDouble();
            column += (b10.AsInt64() & c10).AsDouble();
            column += (b11.AsInt64() & c11).AsDouble();
            column += (v.AsInt64() & keep).AsDouble();
            VD rs = row * FixedPoint.Scale, cs = column * FixedPoint.Scale;
            VL ok = Vector512.AndNot(valid, tie).AsInt64()
                & (Vector512.Equals(count, VL.One) | Vector512.Equals(count, Vector512.Create(3L)))
                & Vector512.LessThanOrEqual(pure, Vector512.Create(2L))
                & Vector512.LessThan(Vector512.Abs(rs), Vector512.Create(SmallUnits)).AsInt64()
                & Vector512.LessThan(Vector512.Abs(cs), Vector512.Create(SmallUnits)).AsInt64();
            if (!Vector512.EqualsAll(ok, VL.AllBitsSet))
            {
                FoldThroughBuffers(a00, a01, a10, a11, b00, b01, b10, b11);
                continue;
            }

            VD magic = Vector512.Create(Magic);
            rowSum += (Vector512.Truncate(rs) + magic).AsInt64() - magic.AsInt64();
            columnSum += (Vector512.Truncate(cs) + magic).AsInt64() - magic.AsInt64();
            pure0 -= Vector512.Equals(pure, VL.Zero);
            pure1 -= Vector512.Equals(pure, VL.One);
            pure2 -= Vector512.Equals(pure, Vector512.Create(2L));
            equilibria1 -= Vector512.Equals(count, VL.One);
            equilibria3 -= Vector512.Equals(count, Vector512.Create(3L));
            pureTotal += pure;
            mixedGames += mixed;
            fastGames += 8;

            // The p and q bins without a data-dependent branch: every lane increments a counter, the completely mixed ones
            // their bin (Accumulator.Bin: truncation, then clamping), the others their own spare slot past the bins.
            Vector512<long> pBin = Vector512.ConditionalSelect(keep, Vector512.Min(Vector512.Max(Vector512.ConvertToInt64(p * binsD), VL.Zero), lastBin), spare);
            Vector512<long> qBin = Vector512.ConditionalSelect(keep, Vector512.Min(Vector512.Max(Vector512.ConvertToInt64(q * binsD), VL.Zero), lastBin), spare);
            pBin.StoreUnsafe(ref binIndex, 0);
            qBin.StoreUnsafe(ref binIndex, 8);
            for (int k = 0; k < 8; k++)
            {
                Unsafe.Add(ref pb, (nint)Unsafe.Add(ref binIndex, k))++;
                Unsafe.Add(ref qb, (nint)Unsafe.Add(ref binIndex, 8 + k))++;
            }
        }

        for (int b = 0; b < bins; b++)
        {
            pTotal[b] += pBins[b];
            qTotal[b] += qBins[b];
        }

        Array.Clear(pBins);
        Array.Clear(qBins);
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
        InRegisterGames += ChunkGames;
    }

    /// <summary>The 8 games of a vector the fast path does not cover: written to the chunk buffers, solved and folded by the reference.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FoldThroughBuffers(VD a00, VD a01, VD a10, VD a11, VD b00, VD b01, VD b10, VD b11)
    {
        a00.CopyTo(_a00); a01.CopyTo(_a01); a10.CopyTo(_a10); a11.CopyTo(_a11);
        b00.CopyTo(_b00); b01.CopyTo(_b01); b10.CopyTo(_b10); b11.CopyTo(_b11);
        SolveChunk(8, pureOnly: false);
        FoldScalar(0, 8);
    }
}
