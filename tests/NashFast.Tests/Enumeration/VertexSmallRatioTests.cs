using System.Numerics;
using System.Runtime.Intrinsics.X86;
using NashFast.Enumeration;
using NashFast.Internal.Simd;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The all-columns ratio test of the small-long vertex search (<see cref="VertexSmallRatio"/>), every path (scalar,
/// 8-lane, 4-lane), against a brute-force minimum in exact cross products: an unmarked column's row is the unique
/// minimum, a column whose minimum two rows attain is marked, a column without a positive entry answers 255.
/// </summary>
public class VertexSmallRatioTests
{
    private const long Small = 1L << 30;

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryPath_FindsTheUniqueMinimum_AndMarksTies(int seed)
    {
        var rng = new System.Random(9100 + seed);
        for (int trial = 0; trial < 600; trial++)
        {
            int k = trial % 50 == 0 ? 1 : rng.Next(1, 21);
            int d = trial % 40 == 0 ? rng.Next(1, 4) : rng.Next(1, 41);
            long[] m = RandomDictionary(rng, k, d, trial);
            string what = $"seed {seed} trial {trial} ({k}x{d})";
            Check(m, k, d, VertexSmallRatio.Rows, what + " dispatch");
            Check(m, k, d, VertexSmallRatio.RowsScalar, what + " scalar");
            if (Avx512DQ.IsSupported && d >= 8)
            {
                Check(m, k, d, VertexSmallRatio.RowsVector<Longs512>, what + " 512");
            }

            if (Avx512DQ.VL.IsSupported && d >= 4)
            {
                Check(m, k, d, VertexSmallRatio.RowsVector<Longs256>, what + " 256");
            }
        }
    }

    [Fact]
    public void Rejects_ShortInputs()
    {
        Assert.Throws<ArgumentException>(() => VertexSmallRatio.Rows(new long[5], 2, 3, new byte[3]));
        Assert.Throws<ArgumentException>(() => VertexSmallRatio.Rows(new long[8], 2, 3, new byte[2]));
    }

    private delegate ulong RowsPath(ReadOnlySpan<long> dictionary, int k, int d, Span<byte> rows);

    private static void Check(long[] m, int k, int d, RowsPath path, string what)
    {
        byte[] rows = new byte[d];
        rows.AsSpan().Fill(77);
        ulong ties = path(m, k, d, rows);
        int w = d + 1;
        for (int s = 0; s < d; s++)
        {
            // Brute force: the rows of smallest rhs / p over p > 0, compared exactly (BigInteger cross products).
            var minima = new List<int>();
            for (int i = 0; i < k; i++)
            {
                long p = m[(i * w) + s];
                if (p <= 0)
                {
                    continue;
                }

                if (minima.Count == 0)
                {
                    minima.Add(i);
                    continue;
                }

                int t = minima[0];
                BigInteger c = ((BigInteger)m[(i * w) + d] * m[(t * w) + s]) - ((BigInteger)m[(t * w) + d] * p);
                if (c < 0)
                {
                    minima.Clear();
                    minima.Add(i);
                }
                else if (c == 0)
                {
                    minima.Add(i);
                }
            }

            bool tied = ((ties >> s) & 1) != 0;
            if (minima.Count == 0)
            {
                Assert.False(tied, $"{what}: column {s} has no positive entry but is marked tied");
                Assert.Equal(255, rows[s]);
            }
            else if (minima.Count == 1)
            {
                Assert.False(tied, $"{what}: column {s} has a unique minimum (row {minima[0]}) but is marked tied");
                Assert.Equal(minima[0], rows[s]);
            }
            else
            {
                Assert.True(tied, $"{what}: column {s} has its minimum at rows {string.Join(",", minima)} but is not marked");
            }
        }

        Assert.Equal(0UL, ties >> d);
    }

    // Entries in (−2^30, 2^30): full range, small integers (ties and zeros, as payoffs 0..3 give), a column without a
    // positive entry now and then, equal right-hand sides, extremes.
    private static long[] RandomDictionary(System.Random rng, int k, int d, int trial)
    {
        int w = d + 1;
        var m = new long[k * w];
        int style = trial % 4;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= d; j++)
            {
                long v = style switch
                {
                    0 => rng.NextInt64(-Small + 1, Small),
                    1 => rng.Next(-3, 4),
                    2 => rng.Next(5) == 0 ? (rng.Next(2) == 0 ? Small - 1 : -(Small - 1)) : rng.Next(-2, 3) * 12345,
                    _ => rng.Next(3) == 0 ? 0 : rng.Next(1, 4),
                };
                m[(i * w) + j] = j == d ? Math.Abs(v) : v; // right-hand sides are non-negative in a dictionary
            }
        }

        if (trial % 7 == 3)
        {
            int s = rng.Next(d);
            for (int i = 0; i < k; i++)
            {
                m[(i * w) + s] = -Math.Abs(m[(i * w) + s]);
            }
        }

        return m;
    }
}
