using System.Numerics;
using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>
/// The 128-bit tier, hand-specialised (the commonest middle case: integer payoffs of a few decimal digits on 8×8 to
/// 12×12 games): <see cref="Int128"/> entries below <c>2^126</c> in magnitude, products as 256-bit two's complement
/// pairs of <see cref="UInt128"/> built from four <see cref="Math.BigMul(ulong, ulong)"/>, and the exact Bareiss
/// division by the Hensel inverse, with the overflow test of <see cref="VertexWideArithmetic{TLimbs}"/> (whose remarks
/// give the argument), all in registers.
/// </summary>
internal readonly struct VertexInt128Arithmetic : IVertexArithmetic<Int128>
{
    /// <summary>Entries satisfy <c>|x| &lt; 2^SafeBits</c>.</summary>
    public const int SafeBits = 126;

    public static bool TryFrom(BigInteger value, out Int128 result)
    {
        if (BigInteger.Abs(value).GetBitLength() <= SafeBits)
        {
            result = (Int128)value;
            return true;
        }

        result = 0;
        return false;
    }

    public static BigInteger ToBig(Int128 a) => a;

    public static Int128 One => Int128.One;

    public static int Sign(Int128 a) => Int128.Sign(a);

    public static Int128 Negate(Int128 a) => -a;

    public static VertexDivisor<Int128> PrepareDivisor(Int128 d)
    {
        var u = (UInt128)d;
        int t = (int)UInt128.TrailingZeroCount(u);
        UInt128 odd = u >> t;
        ulong y0 = (ulong)odd;
        ulong inv = (3 * y0) ^ 2; // correct to 5 bits; each Newton step doubles that
        for (int k = 0; k < 4; k++)
        {
            inv *= 2 - (y0 * inv);
        }

        UInt128 wide = inv;
        wide *= 2 - (odd * wide); // 128 bits
        int bits = 128 - (int)UInt128.LeadingZeroCount(u);
        return new VertexDivisor<Int128>(d, (Int128)wide, t, bits);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPivot(in Int128 a, in Int128 p, in Int128 b, in Int128 c, in VertexDivisor<Int128> d, out Int128 result)
    {
        Multiply(a, p, out UInt128 hi, out UInt128 lo);
        if (b != 0 && c != 0)
        {
            Multiply(b, c, out UInt128 h2, out UInt128 l2);
            UInt128 borrow = lo < l2 ? UInt128.One : UInt128.Zero;
            lo -= l2;
            hi = hi - h2 - borrow;
        }

        bool negative = (Int128)hi < 0;
        if (negative)
        {
            Negate(ref hi, ref lo);
        }

        int bits = hi != 0 ? 256 - (int)UInt128.LeadingZeroCount(hi) : 128 - (int)UInt128.LeadingZeroCount(lo);
        if (bits > d.Bits + 128 - 3)
        {
            result = 0;
            return false;
        }

        int t = d.Shift;
        UInt128 low = t == 0 ? lo : (lo >> t) | (hi << (128 - t));
        var q = (Int128)(low * (UInt128)d.Inverse);
        result = negative ? -q : q;
        return true;
    }

    public static int CompareProducts(in Int128 a, in Int128 b, in Int128 c, in Int128 d)
    {
        Multiply(a, b, out UInt128 h1, out UInt128 l1);
        Multiply(c, d, out UInt128 h2, out UInt128 l2);
        if (h1 != h2)
        {
            return ((Int128)h1).CompareTo((Int128)h2);
        }

        return l1.CompareTo(l2);
    }

    /// <summary>The 256-bit two's complement product of two entries (|x|, |y| &lt; 2^126).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Multiply(Int128 x, Int128 y, out UInt128 hi, out UInt128 lo)
    {
        bool negative = (x < 0) != (y < 0);
        var ux = (UInt128)Int128.Abs(x);
        var uy = (UInt128)Int128.Abs(y);
        ulong x0 = (ulong)ux, x1 = (ulong)(ux >> 64), y0 = (ulong)uy, y1 = (ulong)(uy >> 64);
        UInt128 p00 = Math.BigMul(x0, y0);
        if ((x1 | y1) == 0)
        {
            hi = 0;
            lo = p00;
        }
        else
        {
            UInt128 p01 = Math.BigMul(x0, y1), p10 = Math.BigMul(x1, y0), p11 = Math.BigMul(x1, y1);
            UInt128 mid = (p00 >> 64) + (ulong)p01 + (ulong)p10; // < 3·2^64
            lo = (mid << 64) | (ulong)p00;
            hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
        }

        if (negative)
        {
            Negate(ref hi, ref lo);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Negate(ref UInt128 hi, ref UInt128 lo)
    {
        lo = ~lo + 1;
        hi = ~hi + (lo == 0 ? UInt128.One : UInt128.Zero);
    }
}
