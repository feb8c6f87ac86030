using NashFast.Random;

namespace NashFast.Tests.Random;

/// <summary>
/// xoshiro256++ against the published reference algorithm, and the block seeding of <see cref="GameStream"/> against an
/// independent construction from Philox4x32-10 (itself checked against Random123's known answers in <c>PhiloxTests</c>).
/// </summary>
public class XoshiroTests
{
    // Outputs of the reference C next() (Blackman & Vigna, xoshiro256plusplus.c, as printed in the paper), compiled with gcc
    // from state {1, 2, 3, 4}: outputs 0..5 and 999. Output 0 is also rotl(1 + 4, 23) + 1 = 0x2800001 by hand.
    [Fact]
    public void ReferenceOutputsFromStateOneTwoThreeFour()
    {
        var g = new Xoshiro256PlusPlus(1, 2, 3, 4);
        ulong[] expected = [0x0000000002800001UL, 0x0000000003800067UL, 0x000CC00003800067UL, 0x000CC201994400B2UL, 0x8012A2019AC433CDUL, 0x8A69978ACDEE33BAUL];
        foreach (ulong e in expected)
        {
            Assert.Equal(e, g.Next());
        }

        for (int k = 6; k < 999; k++)
        {
            g.Next();
        }

        Assert.Equal(0x0E82DBFDABB0D354UL, g.Next());
    }

    [Fact]
    public void ReferenceOutputsFromAFullState()
    {
        var g = new Xoshiro256PlusPlus(0x9E3779B97F4A7C15UL, 0xBF58476D1CE4E5B9UL, 0x94D049BB133111EBUL, 0x0123456789ABCDEFUL);
        Assert.Equal(0x2EBBF4DE819A2974UL, g.Next());
        Assert.Equal(0xE1F19F076007FFECUL, g.Next());
        Assert.Equal(0x065152DC5F01BA7FUL, g.Next());
    }

    [Fact]
    public void MatchesAnIndependentScalarImplementationOnRandomStates()
    {
        var rng = new System.Random(12);
        for (int trial = 0; trial < 50; trial++)
        {
            ulong[] s = [(ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63), (ulong)rng.NextInt64(), (ulong)rng.NextInt64(), (ulong)rng.NextInt64()];
            var g = new Xoshiro256PlusPlus(s[0], s[1], s[2], s[3]);
            for (int k = 0; k < 200; k++)
            {
                Assert.Equal(Reference(s), g.Next());
            }
        }
    }

    [Fact]
    public void TheAllZeroStateIsReplaced()
    {
        var g = new Xoshiro256PlusPlus(0, 0, 0, 0);
        var h = new Xoshiro256PlusPlus(Xoshiro256PlusPlus.ZeroStateReplacement, 0, 0, 0);
        for (int k = 0; k < 10; k++)
        {
            ulong x = g.Next();
            Assert.Equal(h.Next(), x);
        }

        Assert.NotEqual(0UL, new Xoshiro256PlusPlus(0, 0, 0, 0).Next() | new Xoshiro256PlusPlus(0, 0, 0, 0).Next());
    }

    [Theory]
    [InlineData(0UL, 0L, 8)]
    [InlineData(20111112UL, 256L * 5 + 17, 8)]
    [InlineData(0xFEDCBA9876543210UL, (1L << 40) + 255, 8)]
    [InlineData(7UL, 113L * 9 + 112, 18)]   // 3×3: 113 games per block
    [InlineData(7UL, 4000L, 2048)]          // 32×32: one game per block
    [InlineData(7UL, 4001L, 5000)]          // beyond a block's words: still one game per block
    public void AGameReadsItsSliceOfItsBlocksGenerator(ulong seed, long game, int words)
    {
        int perBlock = Math.Max(1, 2048 / words);
        Assert.Equal(perBlock, GameStream.GamesPerBlock(words));
        long block = game / perBlock;
        long j = game % perBlock;

        // The block's state: Philox4x32-10, key (seed lo, seed hi), counters (0 and 1, block lo, block hi, domain 1).
        uint k0 = unchecked((uint)seed), k1 = (uint)(seed >> 32), b0 = unchecked((uint)block), b1 = (uint)(block >> 32);
        Philox4x32.Block(0, b0, b1, 1, k0, k1, out uint r0, out uint r1, out uint r2, out uint r3);
        Philox4x32.Block(1, b0, b1, 1, k0, k1, out uint r4, out uint r5, out uint r6, out uint r7);
        ulong[] s = [((ulong)r0 << 32) | r1, ((ulong)r2 << 32) | r3, ((ulong)r4 << 32) | r5, ((ulong)r6 << 32) | r7];
        for (long k = 0; k < j * words; k++)
        {
            Reference(s);
        }

        GameStream stream = GameStream.Open(seed, game, words);
        for (int k = 0; k < Math.Min(words, 64); k++)
        {
            Assert.Equal(Reference(s), stream.NextUInt64());
        }
    }

    [Fact]
    public void UniformAndIntegerPayoffsAreTheDocumentedMapsOfTheWords()
    {
        var a = new double[6];
        var b = new double[6];
        UniformDistribution.Instance.Fill(5, 1234, a, b);
        GameStream s = GameStream.Open(5, 1234, 12);
        foreach (double x in a.Concat(b))
        {
            Assert.Equal((s.NextUInt64() >> 11) * Math.Pow(2, -53), x);
        }

        new IntegerDistribution(-3, 4).Fill(5, 1234, a, b);
        s = GameStream.Open(5, 1234, 12);
        foreach (double x in a.Concat(b))
        {
            Assert.Equal(-3 + (double)(ulong)((UInt128)s.NextUInt64() * 8 >> 64), x);
        }
    }

    [Fact]
    public void BoundedDrawsCoverTheFullRangeAndStayInside()
    {
        GameStream s = GameStream.Open(1, 0, 2048);
        var seen = new bool[5];
        for (int k = 0; k < 1000; k++)
        {
            ulong x = s.NextBounded(5);
            Assert.True(x < 5);
            seen[x] = true;
        }

        Assert.All(seen, Assert.True);
        Assert.Equal(0UL, s.NextBounded(1));
    }

    [Fact]
    public void OpeningRejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GameStream.Open(1, -1, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => GameStream.Open(1, 0, 0));
    }

    /// <summary>xoshiro256++ next() written out again, on an array state.</summary>
    private static ulong Reference(ulong[] s)
    {
        static ulong Rotl(ulong x, int k) => (x << k) | (x >> (64 - k));
        ulong result = Rotl(s[0] + s[3], 23) + s[0];
        ulong t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = Rotl(s[3], 45);
        return result;
    }
}
