using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Vec = System.Runtime.Intrinsics.Vector128;

namespace NashFast.TwoByTwo.Kernels;

internal readonly partial struct Solve2x2Operator<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Solves the games <c>[i, i + Vector128&lt;T&gt;.Count)</c>, one game per lane.
    /// </summary>
    /// <remarks>
    /// Lane layout: lane k holds game i + k in all eight input vectors and in every output. ISA: SSE2/SSE4.1/AVX on x64, AdvSimd on
    /// Arm64; with hardware intrinsics disabled the runtime emulates the operations. Tail: none here,
    /// the driver calls this on full vectors only (the last one overlapping the previous). Equals
    /// <see cref="Scalar2x2.Solve{T}"/> lane by lane, bit for bit.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Invoke(Vector128<T> a00, Vector128<T> a01, Vector128<T> a10, Vector128<T> a11,
                              Vector128<T> b00, Vector128<T> b01, Vector128<T> b10, Vector128<T> b11,
                              in Batch2x2Out<T> o, nuint i)
    {
        // Kept under the JIT's inlinee local-variable limit (32 IL locals) so the driver loop inlines this body: the
        // constants are written inline (the JIT hoists them) and the A-side mix reuses the B-side temporaries.

        // Lane is valid when every payoff is finite: x − x is +0 for finite x and NaN for ±∞ and NaN, and NaN survives the sums.
        Vector128<T> valid = Vec.Equals(((a00 - a00) + (a01 - a01)) + ((a10 - a10) + (a11 - a11))
                              + (((b00 - b00) + (b01 - b01)) + ((b10 - b10) + (b11 - b11))), Vector128<T>.Zero);

        // Row player's best responses: ga0 ⇔ a00 ≥ a10 (row 0 best against column 0), la0 ⇔ a10 ≥ a00, likewise column 1.
        Vector128<T> ga0 = Vec.GreaterThanOrEqual(a00, a10);
        Vector128<T> la0 = Vec.GreaterThanOrEqual(a10, a00);
        Vector128<T> ga1 = Vec.GreaterThanOrEqual(a01, a11);
        Vector128<T> la1 = Vec.GreaterThanOrEqual(a11, a01);

        // Column player's best responses: gb0 ⇔ b00 ≥ b01 (column 0 best against row 0), lb0 ⇔ b01 ≥ b00, likewise row 1.
        Vector128<T> gb0 = Vec.GreaterThanOrEqual(b00, b01);
        Vector128<T> lb0 = Vec.GreaterThanOrEqual(b01, b00);
        Vector128<T> gb1 = Vec.GreaterThanOrEqual(b10, b11);
        Vector128<T> lb1 = Vec.GreaterThanOrEqual(b11, b10);

        // Cell (i, j) is a pure equilibrium when row i is a best response to column j and column j to row i.
        Vector128<T> c00 = ga0 & gb0;
        Vector128<T> c01 = ga1 & lb0;
        Vector128<T> c10 = la0 & gb1;
        Vector128<T> c11 = la1 & lb1;

        // Ties: both ≥ hold (a0j == a1j, bi0 == bi1).
        Vector128<T> tieA0 = ga0 & la0;
        Vector128<T> tieA1 = ga1 & la1;
        Vector128<T> tieB0 = gb0 & lb0;
        Vector128<T> tieB1 = gb1 & lb1;

        // hasP: both B rows strict (exactly one ≥ holds) and in opposite directions (b00 > b01 ⇔ b10 < b11); hasQ likewise for A.
        Vector128<T> hasP = (gb0 ^ lb0) & (gb1 ^ lb1) & (gb0 ^ gb1);
        Vector128<T> hasQ = (ga0 ^ la0) & (ga1 ^ la1) & (ga0 ^ ga1);
        Vector128<T> both = hasP & hasQ;

        // Lane has a completely mixed equilibrium when both interior vertices exist and the payoffs are finite.
        Vector128<T> mixed = both & valid;

        // Player's scale (Scalar2x2.Scale): 1 when every |payoff| ≤ MaxValue/4, else 1/4 (no overflow, no 0/0 on subnormals).
        // p* = d1 / (d1 − d0), di = s·Bi0 − s·Bi1 (Scalar2x2.MixP).
        Vector128<T> s = Vec.ConditionalSelect(Vec.LessThanOrEqual(Vec.Max(Vec.Max(Vec.Abs(b00), Vec.Abs(b01)), Vec.Max(Vec.Abs(b10), Vec.Abs(b11))),
                                                           Vec.Create(Scalar2x2.ScaleLimit<T>())), Vector128<T>.One, Vec.Create(Quarter));
        Vector128<T> d0 = (s * b00) - (s * b01);
        Vector128<T> d1 = (s * b10) - (s * b11);
        Vector128<T> p = d1 / (d1 - d0);

        // q* = e1 / (e1 − e0), ej = s·A0j − s·A1j (Scalar2x2.MixQ), in the same temporaries.
        s = Vec.ConditionalSelect(Vec.LessThanOrEqual(Vec.Max(Vec.Max(Vec.Abs(a00), Vec.Abs(a01)), Vec.Max(Vec.Abs(a10), Vec.Abs(a11))),
                                                      Vec.Create(Scalar2x2.ScaleLimit<T>())), Vector128<T>.One, Vec.Create(Quarter));
        d0 = (s * a00) - (s * a10);
        d1 = (s * a01) - (s * a11);
        Vector128<T> q = d1 / (d1 - d0);

        // Lanes without a completely mixed equilibrium (or invalid) get NaN, as the scalar kernel writes.
        Vec.StoreUnsafe(Vec.ConditionalSelect(mixed, p, Vec.Create(T.NaN)), ref o.P, i);
        Vec.StoreUnsafe(Vec.ConditionalSelect(mixed, q, Vec.Create(T.NaN)), ref o.Q, i);
        if (o.Payoffs)
        {
            // Row payoff q·a00 + (1 − q)·a01, column payoff p·b00 + (1 − p)·b10 (Scalar2x2.Blend).
            Vec.StoreUnsafe(Vec.ConditionalSelect(mixed, (q * a00) + ((Vector128<T>.One - q) * a01), Vec.Create(T.NaN)), ref o.RowPayoff, i);
            Vec.StoreUnsafe(Vec.ConditionalSelect(mixed, (p * b00) + ((Vector128<T>.One - p) * b10), Vec.Create(T.NaN)), ref o.ColumnPayoff, i);
        }

        StoreBytes(
            // Mask bit 2i + j from cell (i, j); zero in invalid lanes.
            valid & ((c00 & Bits128(1)) | (c01 & Bits128(2)) | (c10 & Bits128(4)) | (c11 & Bits128(8))),
            // count = popcount(mask) + hasP·(tieA0 + tieA1) + hasQ·(tieB0 + tieB1) + hasP·hasQ, summed exactly as 0/1 floats
            // on top of the bias so the low byte of the lane is the count; zero in invalid lanes.
            valid & ((((c00 & Vector128<T>.One) + (c01 & Vector128<T>.One)) + ((c10 & Vector128<T>.One) + (c11 & Vector128<T>.One)))
                     + (hasP & ((tieA0 & Vector128<T>.One) + (tieA1 & Vector128<T>.One)))
                     + (hasQ & ((tieB0 & Vector128<T>.One) + (tieB1 & Vector128<T>.One)))
                     + (both & Vector128<T>.One) + Vec.Create(CountBias)),
            // Flags: Degenerate on any tie, CompletelyMixed when both vertices exist; Invalid alone in invalid lanes.
            Vec.ConditionalSelect(valid, ((tieA0 | tieA1 | tieB0 | tieB1) & Bits128(1)) | (both & Bits128(2)), Bits128(4)),
            o,
            i);
    }

    /// <summary>Narrows the low byte of each lane of the three byte outputs and stores Count bytes of each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreBytes(Vector128<T> mask, Vector128<T> count, Vector128<T> flags, in Batch2x2Out<T> o, nuint i)
    {
        if (typeof(T) == typeof(double))
        {
            // 2 lanes: long → int gives [mask×2, count×2] and [flags×2, flags×2]; → short [m, c, f, f]; → byte, 2 bytes each.
            Vector128<int> mc = Vec.Narrow(mask.AsInt64(), count.AsInt64());
            Vector128<int> ff = Vec.Narrow(flags.AsInt64(), flags.AsInt64());
            Vector128<short> s = Vec.Narrow(mc, ff);
            Vector128<ushort> b = Vec.Narrow(s, s).AsUInt16();
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Mask, i), b.GetElement(0));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Count, i), b.GetElement(1));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Flags, i), b.GetElement(2));
        }
        else
        {
            // 4 lanes: int → short gives [mask×4, count×4] and [flags×4, flags×4]; → byte, 4 bytes each.
            Vector128<short> mc = Vec.Narrow(mask.AsInt32(), count.AsInt32());
            Vector128<short> ff = Vec.Narrow(flags.AsInt32(), flags.AsInt32());
            Vector128<uint> b = Vec.Narrow(mc, ff).AsUInt32();
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Mask, i), b.GetElement(0));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Count, i), b.GetElement(1));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Flags, i), b.GetElement(2));
        }
    }

    /// <summary>Every lane holding the bit pattern of the integer <paramref name="value"/> (a byte output value).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> Bits128(int value) =>
        typeof(T) == typeof(double) ? Vec.Create((long)value).As<long, T>() : Vec.Create(value).As<int, T>();
}
