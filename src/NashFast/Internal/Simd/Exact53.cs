using System.Runtime.CompilerServices;

namespace NashFast.Internal.Simd;

/// <summary>The width-independent fallback of <see cref="ISimdDoubles{TD, TL}.FromExact53"/>.</summary>
internal static class Exact53
{
    /// <summary>2^52's bit pattern: OR-ing an integer below 2^32 (or 2^52) into its mantissa gives 2^52 + that integer, exactly.</summary>
    private const long TwoTo52Bits = 0x4330000000000000L;

    /// <summary>
    /// <paramref name="v"/> (below 2^53 in every lane) as doubles without a 64-bit integer conversion: the high and low
    /// 32-bit halves each by the 2^52 trick, then high·2^32 + low (every step exact).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TD BySplitting<TD, TL>(TL v)
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
    {
        TL magic = TL.Create(TwoTo52Bits);
        TD twoTo52 = TD.Create(4503599627370496.0);
        TD dh = TD.FromBits((v >>> 32) | magic) - twoTo52;
        TD dl = TD.FromBits((v & TL.Create(0xFFFFFFFFL)) | magic) - twoTo52;
        return (dh * 4294967296.0) + dl;
    }
}
