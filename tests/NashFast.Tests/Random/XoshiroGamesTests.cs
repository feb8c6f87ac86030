using NashFast.Random;
using NashFast.Random.Kernels;
using NashFast.TwoByTwo;

namespace NashFast.Tests.Random;

/// <summary>
/// The 2×2 generators: every vector width (forced, whatever the hardware) writes the same bits as the scalar
/// specification and as the per-game <see cref="IGameDistribution.Fill"/>, at every tail length, across block boundaries
/// (256 games), the 2^32 game index boundary, and however a range is cut into chunks.
/// </summary>
public class XoshiroGamesTests
{
    public static TheoryData<string, TwoByTwoKernel> Cases()
    {
        var data = new TheoryData<string, TwoByTwoKernel>();
        foreach (string d in new[] { "uniform", "normal" })
        {
            foreach (TwoByTwoKernel k in TwoByTwoSolver.Kernels)
            {
                data.Add(d, k);
            }
        }

        return data;
    }

    private static void Fill(string distribution, ulong seed, long first, double[][] s, int offset, int n, TwoByTwoKernel kernel)
    {
        var p = new Payoffs2x2(s[0].AsSpan(offset, n), s[1].AsSpan(offset, n), s[2].AsSpan(offset, n), s[3].AsSpan(offset, n),
                               s[4].AsSpan(offset, n), s[5].AsSpan(offset, n), s[6].AsSpan(offset, n), s[7].AsSpan(offset, n));
        if (distribution == "uniform")
        {
            UniformDistribution.Fill2x2(seed, first, p, kernel);
        }
        else
        {
            NormalDistribution.Fill2x2(seed, first, p, kernel);
        }
    }

    private static double[][] Buffers(int n, double sentinel)
    {
        var s = new double[8][];
        for (int k = 0; k < 8; k++)
        {
            s[k] = new double[n];
            Array.Fill(s[k], sentinel);
        }

        return s;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryLengthAndStartEqualsThePerGameFillBitForBit(string distribution, TwoByTwoKernel kernel)
    {
        IGameDistribution d = GameDistributions.Parse(distribution);
        var a = new double[4];
        var b = new double[4];
        // Starts: 0, just below 2^32 (lanes straddle the low word's wrap), far beyond 2^32, near the top of long.
        long[] starts = [0, (1L << 32) - 5, (1L << 45) + 12345, long.MaxValue - 300];
        ulong[] seeds = [0, 20111112, 0xFEDCBA9876543210UL];
        for (int t = 0; t < starts.Length; t++)
        {
            ulong seed = seeds[t % seeds.Length];
            for (int n = 0; n <= 37; n++)
            {
                // One spare slot on each side must stay untouched.
                double[][] s = Buffers(n + 2, -7.25);
                Fill(distribution, seed, starts[t], s, 1, n, kernel);
                for (int k = 0; k < 8; k++)
                {
                    Assert.Equal(-7.25, s[k][0]);
                    Assert.Equal(-7.25, s[k][n + 1]);
                }

                for (int i = 0; i < n; i++)
                {
                    d.Fill(seed, starts[t] + i, a, b);
                    for (int k = 0; k < 4; k++)
                    {
                        Assert.Equal(BitConverter.DoubleToInt64Bits(a[k]), BitConverter.DoubleToInt64Bits(s[k][i + 1]));
                        Assert.Equal(BitConverter.DoubleToInt64Bits(b[k]), BitConverter.DoubleToInt64Bits(s[4 + k][i + 1]));
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LongChunksEqualTheScalarPathAndAreIndependentOfChunking(string distribution, TwoByTwoKernel kernel)
    {
        const int n = 3001; // not a multiple of any width
        const long first = (1L << 32) - 1500; // crosses the 2^32 boundary mid-chunk
        double[][] scalar = Buffers(n, 0);
        Fill(distribution, 7, first, scalar, 0, n, TwoByTwoKernel.Scalar);
        double[][] whole = Buffers(n, 0);
        Fill(distribution, 7, first, whole, 0, n, kernel);
        double[][] pieces = Buffers(n, 0);
        var rng = new System.Random(3);
        for (int at = 0; at < n;)
        {
            int len = Math.Min(n - at, rng.Next(1, 300));
            Fill(distribution, 7, first + at, pieces, at, len, kernel);
            at += len;
        }

        for (int k = 0; k < 8; k++)
        {
            for (int i = 0; i < n; i++)
            {
                long bits = BitConverter.DoubleToInt64Bits(scalar[k][i]);
                Assert.Equal(bits, BitConverter.DoubleToInt64Bits(whole[k][i]));
                Assert.Equal(bits, BitConverter.DoubleToInt64Bits(pieces[k][i]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WholeBlockGroupsAtEveryAlignmentEqualThePerGameFill(string distribution, TwoByTwoKernel kernel)
    {
        IGameDistribution d = GameDistributions.Parse(distribution);
        var a = new double[4];
        var b = new double[4];
        // Exactly 8 blocks from a block boundary, one game more, one game late, and a range ending one game short.
        (long First, int Count)[] ranges = [(256L * 1000, 2048), (256L * 1000, 2049), ((256L * 1000) + 1, 2048 + 1024 + 512), ((1L << 32) - 256, (4 * 2048) - 1)];
        foreach ((long first, int n) in ranges)
        {
            double[][] s = Buffers(n, double.NaN);
            Fill(distribution, 99, first, s, 0, n, kernel);
            for (int i = 0; i < n; i++)
            {
                d.Fill(99, first + i, a, b);
                for (int k = 0; k < 4; k++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(a[k]), BitConverter.DoubleToInt64Bits(s[k][i]));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(b[k]), BitConverter.DoubleToInt64Bits(s[4 + k][i]));
                }
            }
        }
    }

    [Theory]
    [InlineData("int:0..2")]
    [InlineData("int:-2147483648..2147483647")]
    [InlineData("covariant:0.5")]
    [InlineData("covariant:-1")]
    public void ScalarDistributionsFill2x2EqualsThePerGameFill(string distribution)
    {
        IGameDistribution d = GameDistributions.Parse(distribution);
        var a = new double[4];
        var b = new double[4];
        foreach ((long first, int n) in new[] { (0L, 600), ((256L * 77) - 3, 700), (long.MaxValue - 300, 301) })
        {
            double[][] s = Buffers(n, double.NaN);
            d.Fill2x2(3, first, new Payoffs2x2(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]));
            for (int i = 0; i < n; i++)
            {
                d.Fill(3, first + i, a, b);
                for (int k = 0; k < 4; k++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(a[k]), BitConverter.DoubleToInt64Bits(s[k][i]));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(b[k]), BitConverter.DoubleToInt64Bits(s[4 + k][i]));
                }
            }
        }
    }

    [Fact]
    public void AnUndefinedKernelIsRejected()
    {
        double[][] s = Buffers(4, 0);
        var p = new Payoffs2x2(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
        Assert.Throws<ArgumentOutOfRangeException>("kernel", () => UniformDistribution.Fill2x2(1, 0, new Payoffs2x2(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]), (TwoByTwoKernel)9));
        Assert.Throws<ArgumentOutOfRangeException>("kernel", () => NormalDistribution.Fill2x2(1, 0, new Payoffs2x2(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]), (TwoByTwoKernel)(-1)));
        Assert.Equal(4, p.Length);
    }
}

/// <summary>
/// Known answers recorded from the scalar path (DOTNET_EnableHWIntrinsic=0, forced scalar kernel): a digest of every payoff
/// bit of 5000 games around game index 2^40 (a ragged head, two 8-block groups, a 2-block group and a tail) must
/// come out the same under every forced width, in every instruction-set mode CI runs (default, no AVX-512, no AVX2, no
/// hardware intrinsics) and on any platform — the generator's whole claim of bit-for-bit reproducibility.
/// </summary>
public class XoshiroGamesKnownAnswerTests
{
    private const long First = (1L << 40) - 500;
    private const int Count = 5000;

    public static TheoryData<string, TwoByTwoKernel> Cases() => XoshiroGamesTests.Cases();

    internal static ulong Digest(string distribution, TwoByTwoKernel kernel)
    {
        var s = new double[8][];
        for (int k = 0; k < 8; k++)
        {
            s[k] = new double[Count];
        }

        var p = new Payoffs2x2(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
        if (distribution == "uniform")
        {
            UniformDistribution.Fill2x2(20111112, First, p, kernel);
        }
        else
        {
            NormalDistribution.Fill2x2(20111112, First, p, kernel);
        }

        // FNV-1a over the 64-bit patterns, game by game, payoff by payoff.
        ulong h = 14695981039346656037UL;
        for (int i = 0; i < Count; i++)
        {
            for (int k = 0; k < 8; k++)
            {
                h = (h ^ BitConverter.DoubleToUInt64Bits(s[k][i])) * 1099511628211UL;
            }
        }

        return h;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DigestMatchesTheRecordedValue(string distribution, TwoByTwoKernel kernel)
    {
        ulong expected = distribution == "uniform" ? UniformDigest : NormalDigest;
        Assert.Equal(expected, Digest(distribution, kernel));
    }

    private const ulong UniformDigest = 11458623056090100839;
    private const ulong NormalDigest = 1428896301810411804;
}
