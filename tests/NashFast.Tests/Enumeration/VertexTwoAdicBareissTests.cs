using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The solve modulo 2^(64·W) against Gaussian elimination in rationals, on square systems of every kind it meets:
/// full-width 63-bit entries, small integers with zero pivots and even pivots, negative entries, BigInteger entries,
/// and divisors with more factors of two than its width leaves room for (it must then decline, never answer wrongly).
/// </summary>
public class VertexTwoAdicBareissTests
{
    [Theory]
    [InlineData("full63", 1)]
    [InlineData("small", 2)]
    [InlineData("signed", 3)]
    [InlineData("wide", 4)]
    [InlineData("powersOfTwo", 5)]
    public void Solve_EqualsRationalElimination(string kind, int seed)
    {
        var rng = new System.Random(seed);
        int solved = 0;
        for (int t = 0; t < 150; t++)
        {
            int q = 1 + (t % 11);
            BigInteger[] m = RandomMatrix(rng, kind, q);
            Rational[]? expected = RationalSolve(m, q);
            if (expected is null)
            {
                continue; // singular
            }

            long bits = m.Max(v => BigInteger.Abs(v).GetBitLength());
            int[] rows = Enumerable.Range(0, q).ToArray();
            var z = new BigInteger[q];
            bool narrow = m.All(v => v > long.MinValue && v <= long.MaxValue);
            bool ok = VertexTwoAdicBareiss.TrySolve(
                (r, c) => m[(r * q) + c], narrow ? m.Select(v => (long)v).ToArray() : null, q, rows, rows, bits, z);
            if (!ok)
            {
                // Only powers of two make pivots with more than 64 factors of two; declining is then the right answer.
                Assert.True(kind == "powersOfTwo", $"{kind} q={q} #{t}: declined");
                continue;
            }

            AssertProportional(expected, z, $"{kind} q={q} #{t}");
            solved++;
        }

        Assert.True(solved > 60, $"only {solved} systems solved");
    }

    [Fact]
    public void ManyFactorsOfTwo_Declines_AndTheCoordinatesStayExact()
    {
        // Every entry a multiple of 2^80: every pivot has at least 80 factors of two, more than the room (64).
        var rng = new System.Random(6);
        int declined = 0;
        for (int t = 0; t < 30; t++)
        {
            int q = 3 + (t % 5);
            BigInteger[] m = RandomMatrix(rng, "small", q).Select(v => (v + 1) << 80).ToArray();
            Rational[]? expected = RationalSolve(m, q);
            if (expected is null)
            {
                continue;
            }

            long bits = m.Max(v => BigInteger.Abs(v).GetBitLength());
            int[] rows = Enumerable.Range(0, q).ToArray();
            var z = new BigInteger[q];
            if (!VertexTwoAdicBareiss.TrySolve((r, c) => m[(r * q) + c], null, q, rows, rows, bits, z))
            {
                declined++;
            }
            else
            {
                AssertProportional(expected, z, $"2^80 q={q} #{t}");
            }

            // Through the front door the BigInteger fallback answers.
            var tight = new bool[2 * q];
            for (int r = 0; r < q; r++)
            {
                tight[q + r] = true;
            }

            AssertProportional(expected, new VertexExactCoordinates(m, q, q, 0).SolveTight(tight), $"fallback q={q} #{t}");
        }

        Assert.True(declined > 0, "no system declined");
    }

    private static BigInteger[] RandomMatrix(System.Random rng, string kind, int q)
    {
        var m = new BigInteger[q * q];
        for (int k = 0; k < m.Length; k++)
        {
            m[k] = kind switch
            {
                "full63" => (BigInteger)(rng.NextInt64(1L << 61, long.MaxValue)),
                "small" => rng.Next(0, 4),
                "signed" => (BigInteger)rng.NextInt64(long.MinValue + 1, long.MaxValue),
                "wide" => ((BigInteger)rng.NextInt64() << 70) + rng.NextInt64(),
                _ => BigInteger.One << rng.Next(0, 40),
            };
        }

        return m;
    }

    /// <summary>z with M z = 1 by Gauss–Jordan in rationals; null when M is singular.</summary>
    private static Rational[]? RationalSolve(BigInteger[] m, int q)
    {
        var a = new Rational[q, q + 1];
        for (int i = 0; i < q; i++)
        {
            for (int j = 0; j < q; j++)
            {
                a[i, j] = new Rational(m[(i * q) + j]);
            }

            a[i, q] = Rational.One;
        }

        for (int c = 0; c < q; c++)
        {
            int p = c;
            while (p < q && a[p, c].IsZero)
            {
                p++;
            }

            if (p == q)
            {
                return null;
            }

            for (int j = 0; j <= q; j++)
            {
                (a[c, j], a[p, j]) = (a[p, j], a[c, j]);
            }

            for (int i = 0; i < q; i++)
            {
                if (i != c && !a[i, c].IsZero)
                {
                    Rational f = a[i, c] / a[c, c];
                    for (int j = c; j <= q; j++)
                    {
                        a[i, j] -= f * a[c, j];
                    }
                }
            }
        }

        var z = new Rational[q];
        for (int i = 0; i < q; i++)
        {
            z[i] = a[i, q] / a[i, i];
        }

        return z;
    }

    /// <summary>numerators = s · expected for one s &gt; 0 (the solver's numerators are |det| · z).</summary>
    private static void AssertProportional(Rational[] expected, BigInteger[] numerators, string what)
    {
        Rational? s = null;
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i].IsZero)
            {
                Assert.True(numerators[i].IsZero, $"{what}: coordinate {i} should be 0");
                continue;
            }

            Rational ratio = new Rational(numerators[i]) / expected[i];
            s ??= ratio;
            Assert.True(ratio == s.Value, $"{what}: coordinate {i} not proportional");
        }

        Assert.True(s is null || s.Value.Sign > 0, $"{what}: scale not positive");
    }
}
