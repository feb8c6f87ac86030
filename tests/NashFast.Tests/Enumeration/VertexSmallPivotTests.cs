using System.Numerics;
using System.Runtime.Intrinsics.X86;
using NashFast.Enumeration;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The small-long pivot of vertex search (<see cref="VertexSmallPivot"/>): the exact division by a shift and an odd
/// inverse against true division, and every row-update path (scalar, 8-lane, 4-lane) against an <see cref="Int128"/>
/// Bareiss update with a remainder check, on genuine fraction-free tableaux (random pivot walks, in place and not).
/// </summary>
public class VertexSmallPivotTests
{
    [Fact]
    public void ShiftAndOddInverseDivideExactMultiples()
    {
        var rng = new System.Random(7001);
        long[] specialDivisors = [1, 2, 3, 4, 1L << 29, (1L << 30) - 1, 1L << 30, 6, 12, 1536, 3L << 20];
        for (int trial = 0; trial < 200_000; trial++)
        {
            long d = trial < specialDivisors.Length * 100 ? specialDivisors[trial % specialDivisors.Length] : rng.NextInt64(1, 1L << 31);
            // Quotients up to ±2^62 / d, so the numerator d·q stays within ±2^62 (the 64-bit tier's range).
            long qMax = (1L << 62) / d;
            long q = trial % 7 == 0 ? (rng.Next(2) == 0 ? qMax : -qMax) : rng.NextInt64(-qMax, qMax + 1);
            long n = d * q;
            int shift = BitOperations.TrailingZeroCount(d);
            long inverse = (long)VertexLongArithmetic.InverseOdd((ulong)d >> shift);
            Assert.Equal(q, (n >> shift) * inverse);
            Assert.Equal(n / d, (n >> shift) * inverse);
        }
    }

    [Theory]
    [InlineData(1, 3, 1)]
    [InlineData(2, 3, 4)]
    [InlineData(3, 6, 6)]
    [InlineData(4, 7, 7)]
    [InlineData(5, 10, 10)]
    [InlineData(6, 12, 9)]
    [InlineData(7, 4, 16)]
    [InlineData(8, 9, 3)]
    public void RowUpdatesMatchTheInt128BareissUpdate(int seed, int k, int d)
    {
        var rng = new System.Random(seed);
        int w = d + 1;
        int checkedPivots = 0, vector512 = 0, vector256 = 0;
        for (int walk = 0; walk < 60; walk++)
        {
            // [C | 1] with small positive (and, on some walks, zero) entries, determinant 1: as the search starts.
            long[] tableau = new long[k * w];
            int maxEntry = walk % 3 == 0 ? 4 : 1000;
            for (int r = 0; r < k; r++)
            {
                for (int s = 0; s < d; s++)
                {
                    tableau[(r * w) + s] = rng.Next(walk % 2 == 0 ? 0 : 1, maxEntry);
                }

                tableau[(r * w) + d] = 1;
            }

            long det = 1;
            for (int step = 0; step < 40; step++)
            {
                int s = rng.Next(d);
                var candidates = new List<int>();
                for (int r = 0; r < k; r++)
                {
                    if (tableau[(r * w) + s] > 0)
                    {
                        candidates.Add(r);
                    }
                }

                if (candidates.Count == 0)
                {
                    continue;
                }

                int row = candidates[rng.Next(candidates.Count)];
                long[] expected = Reference(tableau, k, w, row, s, det, out bool small);
                if (!small)
                {
                    break; // the small path is only taken while every entry stays below 2^30
                }

                CheckPath(VertexSmallPivot.UpdateRowsScalar, tableau, expected, k, w, row, s, det);
                CheckPath(VertexSmallPivot.UpdateRows, tableau, expected, k, w, row, s, det);
                if (Avx512DQ.IsSupported && w >= 8)
                {
                    CheckPath(VertexSmallPivot.UpdateRows512, tableau, expected, k, w, row, s, det);
                    vector512++;
                }

                if (Avx512DQ.VL.IsSupported && w >= 4)
                {
                    CheckPath(VertexSmallPivot.UpdateRows256, tableau, expected, k, w, row, s, det);
                    vector256++;
                }

                // Complete the pivot as the search does: the pivot row is kept, its pivot entry becomes the old
                // determinant, and the pivot becomes the new determinant.
                long p = tableau[(row * w) + s];
                for (int j = 0; j < w; j++)
                {
                    expected[(row * w) + j] = tableau[(row * w) + j];
                }

                expected[(row * w) + s] = det;
                det = p;
                tableau = expected;
                checkedPivots++;
            }
        }

        Assert.True(checkedPivots > 100, $"only {checkedPivots} pivots checked");
        Assert.True(!Avx512DQ.IsSupported || w < 8 || vector512 == checkedPivots);
        Assert.True(!Avx512DQ.VL.IsSupported || w < 4 || vector256 == checkedPivots);
    }

    private delegate long Update(ReadOnlySpan<long> from, Span<long> to, int k, int w, int r, int s, long det);

    private static void CheckPath(Update update, long[] tableau, long[] expected, int k, int w, int row, int s, long det)
    {
        long expectedMagnitudes = 0;
        for (int i = 0; i < k; i++)
        {
            if (i == row)
            {
                continue;
            }

            for (int j = 0; j < w; j++)
            {
                // Column s holds −b; the update accounts for b itself (the same bound up to one).
                long v = j == s ? tableau[(i * w) + j] : expected[(i * w) + j];
                expectedMagnitudes |= v ^ (v >> 63);
            }
        }

        // Out of place: the pivot row of the target is left alone.
        long[] target = new long[tableau.Length];
        Array.Fill(target, long.MinValue);
        long magnitudes = update(tableau, target, k, w, row, s, det);
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < w; j++)
            {
                Assert.Equal(i == row ? long.MinValue : expected[(i * w) + j], target[(i * w) + j]);
            }
        }

        Assert.Equal(expectedMagnitudes, magnitudes);

        // In place (the search's deepest level beyond its memory budget).
        long[] inPlace = (long[])tableau.Clone();
        Assert.Equal(expectedMagnitudes, update(inPlace, inPlace, k, w, row, s, det));
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < w; j++)
            {
                Assert.Equal(i == row ? tableau[(i * w) + j] : expected[(i * w) + j], inPlace[(i * w) + j]);
            }
        }
    }

    /// <summary>The Bareiss update in Int128 with true division (asserting it exact); rows but the pivot row.</summary>
    private static long[] Reference(long[] tableau, int k, int w, int row, int s, long det, out bool small)
    {
        long p = tableau[(row * w) + s];
        long[] result = new long[tableau.Length];
        small = p < (1L << 30);
        for (int i = 0; i < k; i++)
        {
            if (i == row)
            {
                continue;
            }

            long b = tableau[(i * w) + s];
            for (int j = 0; j < w; j++)
            {
                Int128 numerator = ((Int128)tableau[(i * w) + j] * p) - ((Int128)b * tableau[(row * w) + j]);
                Assert.Equal(Int128.Zero, numerator % det);
                long v = (long)(numerator / det);
                result[(i * w) + j] = v;
                small &= Math.Abs(v) < (1L << 30) && Math.Abs(tableau[(i * w) + j]) < (1L << 30);
            }

            result[(i * w) + s] = -b;
        }

        return result;
    }
}
