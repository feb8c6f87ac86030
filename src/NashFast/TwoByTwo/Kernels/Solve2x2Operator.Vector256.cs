using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Vec = System.Runtime.Intrinsics.Vector256;

namespace NashFast.TwoByTwo.Kernels;

internal readonly partial struct Solve2x2Operator<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Solves the games <c>[i, i + Vector256&lt;T&gt;.Count)</c>, one game per lane.
    /// </summary>
    /// <remarks>
    /// Lane layout: lane k holds game i + k in all eight input vectors and in every output. ISA: AVX2 on x64 (AVX-512
    /// machines use the same code with EVEX encodings); elsewhere the runtime emulates the operations. Tail: none here,
    /// the driver calls this on full vectors only (the last one overlapping the previous). Equals
    /// <see cref="Scalar2x2.Solve{T}"/> lane by lane, bit for bit.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Invoke(Vector256<T> a00, Vector256<T> a01, Vector256<T> a10, Vector256<T> a11,
                              Vector256<T> b00, Vector256<T> b01, Vector256<T> b10, Vector256<T> b11,
                              in Batch2x2Out<T> o, nuint i)
    {
        // Kept under the JIT's inlinee local-variable limit (32 IL locals) so the driver loop inlines this body: the
        // constants are written inline (the JIT hoists them) and the A-side mix reuses the B-side temporaries.

        // Lane is valid when every payoff is finite: x − x is +0 for finite x and NaN for ±∞ and NaN, and NaN survives the sums.
        Vector256<T> valid = Vec.Equals(((a00 - a00) + (a01 - a01)) + ((a10 - a10) + (a11 - a11))
                              + (((b00 - b00) + (b01 - b01)) + ((b10 - b10) + (b11 - b11))), Vector256<T>.Zero);

        // Row player's best responses: ga0 ⇔ a00 ≥ a10 (row 0 best against column 0), la0 ⇔ a10 ≥ a00, likewise column 1.
        Vector256<T> ga0 = Vec.GreaterThanOrEqual(a00, a10);
        Vector256<T> la0 = Vec.GreaterThanOrEqual(a10, a00);
        Vector256<T> ga1 = Vec.GreaterThanOrEqual(a01, a11);
        Vector256<T> la1 = Vec.GreaterThanOrEqual(a11, a01);

        // Column player's best responses: gb0 ⇔ b00 ≥ b01 (column 0 best against row 0), lb0 ⇔ b01 ≥ b00, likewise row 1.
        Vector256<T> gb0 = Vec.GreaterThanOrEqual(b00, b01);
        Vector256<T> lb0 = Vec.GreaterThanOrEqual(b01, b00);
        Vector256<T> gb1 = Vec.GreaterThanOrEqual(b10, b11);
        Vector256<T> lb1 = Vec.GreaterThanOrEqual(b11, b10);

        // Cell (i, j) is a pure equilibrium when row i is a best response to column j and column j to row i.
        Vector256<T> c00 = ga0 & gb0;
        Vector256<T> c01 = ga1 & lb0;
        Vector256<T> c10 = la0 & gb1;
        Vector256<T> c11 = la1 & lb1;

        // Ties: both ≥ hold (a0j == a1j, bi0 == bi1).
        Vector256<T> tieA0 = ga0 & la0;
        Vector256<T> tieA1 = ga1 & la1;
        Vector256<T> tieB0 = gb0 & lb0;
        Vector256<T> tieB1 = gb1 & lb1;

        // hasP: both B rows strict (exactly one ≥ holds) and in opposite directions (b00 > b01 ⇔ b10 < b11); hasQ likewise for A.
        Vector256<T> hasP = (gb0 ^ lb0) & (gb1 ^ lb1) & (gb0 ^ gb1);
        Vector256<T> hasQ = (ga0 ^ la0) & (ga1 ^ la1) & (ga0 ^ ga1);
        Vector256<T> both = hasP & hasQ;

        // Lane has a completely mixed equilibrium when both interior vertices exist and the payoffs are finite.
        Vector256<T> mixed = both & valid;

        // Player's scale (Scalar2x2.Scale): 1 when every |payoff| ≤ MaxValue/4, else 1/4 (no overflow, no 0/0 on subnormals).
        // p* = d1 / (d1 − d0), di = s·Bi0 − s·Bi1 (Scalar2x2.MixP).
        Vector256<T> s = Vec.ConditionalSelect(Vec.LessThanOrEqual(Vec.Max(Vec.Max(Vec.Abs(b00), Vec.Abs(b01)), Vec.Max(Vec.Abs(b10), Vec.Abs(b11))),
                                                           Vec.Create(Scalar2x2.ScaleLimit<T>())), Vector256<T>.One, Vec.Create(Quarter));
        Vector256<T> d0 = (s * b00) - (s * b01);
        Vector256<T> d1 = (s * b10) - (s * b11);
        Vector256<T> p = d1 / (d1 - d0);

        // q* = e1 / (e1 − e0), ej = s·A0j − s·A1j (Scalar2x2.MixQ), in the same temporaries.
        s = Vec.ConditionalSelect(Vec.LessThanOrEqual(Vec.Max(Vec.Max(Vec.Abs(a00), Vec.Abs(a01)), Vec.Max(Vec.Abs(a10), Vec.Abs(a11))),
                                                      Vec.Create(Scalar2x2.ScaleLimit<T>())), Vector256<T>.One, Vec.Create(Quarter));
        d0 = (s * a00) - (s * a10);
        d1 = (s * a01) - (s * a11);
        Vector256<T> q = d1 / (d1 - d0);

        // Lanes without a completely mixed equilibrium (or invalid) get NaN, as the scalar kernel writes.
        Vec.StoreUnsafe(Vec.ConditionalSelect(mixed, p, Vec.Create(T.NaN)), ref o.P, i);
        Vec.StoreUnsafe(Vec.ConditionalSelect(mixed, q, Vec.Create(T.NaN)), ref o.Q, i);
        if (o.Payoffs)
        {
            // Row payoff q·a00 + (1 − q)·a01, column payoff p·b00 + (1 − p)·b10 (Scalar2x2.Blend).
            Vec.StoreUnsafe(Vec.ConditionalSelect(mixed, (q * a00) + ((Vector256<T>.One - q) * a01), Vec.Create(T.NaN)), ref o.RowPayoff, i);
            Vec.StoreUnsafe(Vec.ConditionalSelect(mixed, (p * b00) + ((Vector256<T>.One - p) * b10), Vec.Create(T.NaN)), ref o.ColumnPayoff, i);
        }

        StoreBytes(
            // Mask bit 2i + j from cell (i, j); zero in invalid lanes.
            valid & ((c00 & Bits256(1)) | (c01 & Bits256(2)) | (c10 & Bits256(4)) | (c11 & Bits256(8))),
            // count = popcount(mask) + hasP·(tieA0 + tieA1) + hasQ·(tieB0 + tieB1) + hasP·hasQ, summed exactly as 0/1 floats
            // on top of the bias so the low byte of the lane is the count; zero in invalid lanes.
            valid & ((((c00 & Vector256<T>.One) + (c01 & Vector256<T>.One)) + ((c10 & Vector256<T>.One) + (c11 & Vector256<T>.One)))
                     + (hasP & ((tieA0 & Vector256<T>.One) + (tieA1 & Vector256<T>.One)))
                     + (hasQ & ((tieB0 & Vector256<T>.One) + (tieB1 & Vector256<T>.One)))
                     + (both & Vector256<T>.One) + Vec.Create(CountBias)),
            // Flags: Degenerate on any tie, CompletelyMixed when both vertices exist; Invalid alone in invalid lanes.
            Vec.ConditionalSelect(valid, ((tieA0 | tieA1 | tieB0 | tieB1) & Bits256(1)) | (both & Bits256(2)), Bits256(4)),
            o,
            i);
    }

    /// <summary>Narrows the low byte of each lane of the three byte outputs and stores Count bytes of each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreBytes(Vector256<T> mask, Vector256<T> count, Vector256<T> flags, in Batch2x2Out<T> o, nuint i)
    {
        if (typeof(T) == typeof(double))
        {
            // 4 lanes: long → int gives [mask×4, count×4] and [flags×4, flags×4]; → short [m, c, f, f]; → byte, 4 bytes each.
            Vector256<int> mc = Vec.Narrow(mask.AsInt64(), count.AsInt64());
            Vector256<int> ff = Vec.Narrow(flags.AsInt64(), flags.AsInt64());
            Vector256<short> s = Vec.Narrow(mc, ff);
            Vector256<uint> b = Vec.Narrow(s, s).AsUInt32();
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Mask, i), b.GetElement(0));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Count, i), b.GetElement(1));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Flags, i), b.GetElement(2));
        }
        else
        {
            // 8 lanes: int → short gives [mask×8, count×8] and [flags×8, flags×8]; → byte, 8 bytes each.
            Vector256<short> mc = Vec.Narrow(mask.AsInt32(), count.AsInt32());
            Vector256<short> ff = Vec.Narrow(flags.AsInt32(), flags.AsInt32());
            Vector256<ulong> b = Vec.Narrow(mc, ff).AsUInt64();
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Mask, i), b.GetElement(0));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Count, i), b.GetElement(1));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o.Flags, i), b.GetElement(2));
        }
    }

    /// <summary>Every lane holding the bit pattern of the integer <paramref name="value"/> (a byte output value).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Bits256(int value) =>
        typeof(T) == typeof(double) ? Vec.Create((long)value).As<long, T>() : Vec.Create(value).As<int, T>();
}
