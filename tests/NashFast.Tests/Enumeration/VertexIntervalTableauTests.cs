using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The interval tableau's radii are rigorous: after random pivot sequences (any sign, any position, refreshes in
/// between) every exact entry, recomputed in rationals from C, lies within its radius of the double value.
/// </summary>
public class VertexIntervalTableauTests
{
    private static BigInteger RandomPositive(System.Random rng, int bits)
    {
        var bytes = new byte[(bits / 8) + 2];
        rng.NextBytes(bytes);
        bytes[^1] = 0;
        BigInteger v = new BigInteger(bytes) >> ((bytes.Length * 8) - 8 - bits);
        return v.IsZero ? BigInteger.One : v;
    }

    /// <summary>Exact normalised tableau (rows: basic variables; columns: nonbasic, then rhs), pivoted in rationals.</summary>
    private sealed class ExactTableau
    {
        private readonly Rational[,] _t;

        public ExactTableau(BigInteger[] c, int k, int d, BigInteger scaleDenominator)
        {
            _t = new Rational[k, d + 1];
            for (int r = 0; r < k; r++)
            {
                for (int s = 0; s < d; s++)
                {
                    _t[r, s] = new Rational(c[(r * d) + s], scaleDenominator);
                }

                _t[r, d] = Rational.One;
            }
        }

        public Rational this[int r, int s] => _t[r, s];

        public void Pivot(int r, int s)
        {
            int k = _t.GetLength(0), w = _t.GetLength(1);
            Rational p = _t[r, s];
            var row = new Rational[w];
            for (int j = 0; j < w; j++)
            {
                row[j] = j == s ? Rational.One / p : _t[r, j] / p;
            }

            for (int i = 0; i < k; i++)
            {
                if (i == r)
                {
                    continue;
                }

                Rational b = _t[i, s];
                for (int j = 0; j < w; j++)
                {
                    _t[i, j] = j == s ? -b / p : _t[i, j] - (b * row[j]);
                }
            }

            for (int j = 0; j < w; j++)
            {
                _t[r, j] = row[j];
            }
        }
    }

    private static void AssertEnclosed(VertexIntervalTableau t, ExactTableau exact, string what)
    {
        for (int r = 0; r < t.K; r++)
        {
            for (int s = 0; s <= t.D; s++)
            {
                double v = t.Values[(r * t.Stride) + s], rad = t.Radii[(r * t.Stride) + s];
                Assert.True(double.IsFinite(v) && double.IsFinite(rad) && rad > 0, $"{what}: entry ({r},{s}) = {v} ± {rad}");
                Rational error = Rational.Abs(exact[r, s] - Rational.FromDouble(v));
                Assert.True(error <= Rational.FromDouble(rad), $"{what}: entry ({r},{s}) = {v} ± {rad}, exact {exact[r, s].ToDouble()}");
            }
        }
    }

    [Theory]
    [InlineData(1, 3, 3, 20)]
    [InlineData(2, 5, 4, 53)]
    [InlineData(3, 4, 6, 54)]
    [InlineData(4, 6, 6, 120)] // inexact conversion: 120-bit entries
    [InlineData(5, 1, 5, 53)]
    [InlineData(6, 5, 1, 53)]
    [InlineData(7, 8, 8, 40)]
    public void RadiiBoundTheTrueErrorAfterRandomPivots(int seed, int k, int d, int bits)
    {
        var rng = new System.Random(seed);
        for (int trial = 0; trial < 6; trial++)
        {
            var c = new BigInteger[k * d];
            long maxBits = 0;
            for (int i = 0; i < c.Length; i++)
            {
                c[i] = RandomPositive(rng, rng.Next(Math.Max(1, bits - 8), bits + 1));
                maxBits = Math.Max(maxBits, c[i].GetBitLength());
            }

            VertexIntervalTableau t = VertexIntervalTableau.Create(c, k, d)!;
            var exact = new ExactTableau(c, k, d, BigInteger.One << (int)maxBits);
            AssertEnclosed(t, exact, $"seed {seed} trial {trial} initial");
            int pivots = 0;
            for (int step = 0; step < 40; step++)
            {
                // Any entry certified away from zero (|v| > 2r), random sign: exercises negative pivots too.
                int r = rng.Next(k), s = rng.Next(d);
                int o = (r * t.Stride) + s;
                if (!(Math.Abs(t.Values[o]) > 2 * t.Radii[o]))
                {
                    continue;
                }

                if (!t.Pivot(r, s))
                {
                    break; // out of the safe range: the search would refresh; nothing left to check here
                }

                exact.Pivot(r, s);
                pivots++;
                AssertEnclosed(t, exact, $"seed {seed} trial {trial} after pivot {step} ({r},{s})");
                if (step % 13 == 12)
                {
                    int[] basic = (int[])t.Basic.Clone(), nonbasic = (int[])t.Nonbasic.Clone();
                    Assert.True(t.Refresh(), "refresh of a basis reached by certified pivots");
                    Assert.Equal(basic, t.Basic);
                    Assert.Equal(nonbasic, t.Nonbasic);
                    AssertEnclosed(t, exact, $"seed {seed} trial {trial} after refresh at {step}");
                }
            }

            Assert.True(pivots > 0 || k * d == 1, "no pivot was certified: the test exercised nothing");
        }
    }

    /// <summary>
    /// The all-columns ratio test answers exactly what the single-column test answers, and every certified answer is
    /// the exact unique minimum ratio whenever the precondition the search keeps holds (every right-hand side
    /// certified positive); small-integer C (ties, equal ratios, degenerate vertices) makes both outcomes common.
    /// </summary>
    [Theory]
    [InlineData(11, 3, 5, 53, false)]
    [InlineData(12, 6, 9, 40, false)]
    [InlineData(13, 9, 4, 120, false)]
    [InlineData(14, 16, 16, 53, false)]
    [InlineData(15, 7, 13, 2, true)]
    [InlineData(16, 12, 12, 3, true)]
    [InlineData(17, 1, 7, 53, false)]
    [InlineData(18, 7, 1, 53, false)]
    public void RatioRowsForAllColumns_EqualTheSingleColumnTestAndTheExactMinimum(int seed, int k, int d, int bits, bool smallIntegers)
    {
        var rng = new System.Random(seed);
        int certified = 0, undecided = 0;
        var rows = new int[d];
        for (int trial = 0; trial < 8; trial++)
        {
            var c = new BigInteger[k * d];
            long maxBits = 0;
            for (int i = 0; i < c.Length; i++)
            {
                c[i] = smallIntegers ? rng.Next(1, 1 << bits) : RandomPositive(rng, rng.Next(Math.Max(1, bits - 8), bits + 1));
                maxBits = Math.Max(maxBits, c[i].GetBitLength());
            }

            VertexIntervalTableau t = VertexIntervalTableau.Create(c, k, d)!;
            var exact = new ExactTableau(c, k, d, BigInteger.One << (int)maxBits);
            for (int step = 0; step < 30; step++)
            {
                bool all = t.CertifiedRatioRows(rows);
                bool expectAll = true, feasible = t.RightHandSidesCertified();
                for (int s = 0; s < d; s++)
                {
                    int single = t.CertifiedRatioRow(s);
                    Assert.Equal(single, rows[s]);
                    expectAll &= single >= 0;
                    if (single < 0 || !feasible)
                    {
                        undecided += single < 0 ? 1 : 0;
                        continue;
                    }

                    certified++;
                    Rational best = exact[single, d] / exact[single, s];
                    Assert.True(exact[single, s] > Rational.Zero, $"seed {seed}: certified row {single} of column {s} has a non-positive entry");
                    for (int i = 0; i < k; i++)
                    {
                        Assert.True(i == single || exact[i, s] <= Rational.Zero || exact[i, d] / exact[i, s] > best, $"seed {seed}: column {s}, row {i} ties or beats certified row {single}");
                    }
                }

                Assert.Equal(expectAll, all);

                // Walk on: a certified step when there is one (a vertex path), else any entry certified away from zero.
                int col = rng.Next(d), row = rows[col];
                if (row < 0)
                {
                    row = rng.Next(k);
                    if (!(Math.Abs(t.Values[(row * t.Stride) + col]) > 2 * t.Radii[(row * t.Stride) + col]))
                    {
                        continue;
                    }
                }

                if (!t.Pivot(row, col))
                {
                    break;
                }

                exact.Pivot(row, col);
            }
        }

        Assert.True(certified > 0, "no column was ever certified: the test compared nothing");
        Assert.True(!smallIntegers || undecided > 0, "small-integer tableaux never left a column undecided: ties were not exercised");
    }

    [Fact]
    public void Create_RejectsEntriesOfWildlyDifferentMagnitudes()
    {
        BigInteger[] c = [BigInteger.One, BigInteger.One << 400];
        Assert.Null(VertexIntervalTableau.Create(c, 1, 2));
        BigInteger[] ok = [BigInteger.One, BigInteger.One << 200];
        Assert.NotNull(VertexIntervalTableau.Create(ok, 1, 2));
    }
}
