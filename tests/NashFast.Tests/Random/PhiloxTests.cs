using System.Runtime.Intrinsics;
using NashFast.Random;

namespace NashFast.Tests.Random;

public class PhiloxTests
{
    // Random123's kat_vectors, "philox4x32 10" lines: counter[4], key[2] → output[4].
    [Theory]
    [InlineData(0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void KnownAnswerVectors(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint e0, uint e1, uint e2, uint e3)
    {
        Philox4x32.Block(c0, c1, c2, c3, k0, k1, out uint r0, out uint r1, out uint r2, out uint r3);
        Assert.Equal([e0, e1, e2, e3], new[] { r0, r1, r2, r3 });
    }

    [Fact]
    public void StreamReadsConsecutiveBlocksOfItsCounter()
    {
        const ulong seed = 0x0123456789abcdefUL;
        const ulong index = 0xfedcba9876543210UL;
        var s = new PhiloxStream(seed, index, domain: 7);
        for (uint block = 0; block < 5; block++)
        {
            Philox4x32.Block(block, unchecked((uint)index), (uint)(index >> 32), 7, unchecked((uint)seed), (uint)(seed >> 32), out uint r0, out uint r1, out uint r2, out uint r3);
            Assert.Equal(r0, s.NextUInt32());
            Assert.Equal(r1, s.NextUInt32());
            Assert.Equal(((ulong)r2 << 32) | r3, s.NextUInt64());
        }
    }

    [Fact]
    public void UnitFloatsUseTheTopBits()
    {
        var s = new PhiloxStream(5, 9);
        var t = new PhiloxStream(5, 9);
        ulong x = t.NextUInt64();
        Assert.Equal((x >> 11) * Math.Pow(2, -53), s.NextDouble());
        uint w = t.NextUInt32();
        Assert.Equal((w >> 8) * MathF.Pow(2, -24), s.NextSingle());
    }

    [Fact]
    public void BoundedIsInRangeAndHitsEveryValue()
    {
        var s = new PhiloxStream(3, 0);
        foreach (uint range in new uint[] { 1, 2, 3, 7, 10, 1000 })
        {
            var seen = new bool[range];
            for (int k = 0; k < 20000; k++)
            {
                uint v = s.NextBounded(range);
                Assert.True(v < range);
                seen[v] = true;
            }

            Assert.All(seen, Assert.True);
        }
    }

    [Fact]
    public void BoundedOverAHugeRangeIsUnbiasedInItsTopBit()
    {
        // range 3·2^30: Lemire rejection must keep P(v < 2^31) = 2/3 exactly; a plain modulo would give 3/4.
        // n = 40000, p = 2/3: SE = sqrt(p(1-p)/n) = 0.00236, 4σ = 0.0094 (modulo bias is 0.083).
        var s = new PhiloxStream(11, 1);
        const uint range = 3u << 30;
        int low = 0;
        const int n = 40000;
        for (int k = 0; k < n; k++)
        {
            low += s.NextBounded(range) < (1u << 31) ? 1 : 0;
        }

        Assert.InRange((double)low / n, (2.0 / 3) - 0.0094, (2.0 / 3) + 0.0094);
    }
}
