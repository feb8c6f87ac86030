using System.Numerics;
using NashFast.Games;

namespace NashFast.Tests.Games;

public class RationalTests
{
    [Theory]
    [InlineData("3/2", 3, 2)]
    [InlineData("-7/3", -7, 3)]
    [InlineData("6/-4", -3, 2)]
    [InlineData("1.25", 5, 4)]
    [InlineData("-0.04", -1, 25)]
    [InlineData("1e-3", 1, 1000)]
    [InlineData("2.5E2", 250, 1)]
    [InlineData("1.131000", 1131, 1000)]
    [InlineData("0", 0, 1)]
    [InlineData("+12", 12, 1)]
    [InlineData("1.5/0.5", 3, 1)]
    public void Parse_IsExactAndReduced(string text, long num, long den)
    {
        Assert.True(Rational.TryParse(text, out Rational r));
        Assert.Equal(new BigInteger(num), r.Numerator);
        Assert.Equal(new BigInteger(den), r.Denominator);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1/0")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("1e")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("3/")]
    public void Parse_RejectsMalformed(string text) => Assert.False(Rational.TryParse(text, out _));

    [Theory]
    [InlineData(0.1)]
    [InlineData(-3.75)]
    [InlineData(1e300)]
    [InlineData(5e-324)]
    [InlineData(double.MaxValue)]
    [InlineData(123456789.123456789)]
    public void FromDouble_IsExact_AndRoundTrips(double x)
    {
        Rational r = Rational.FromDouble(x);
        Assert.Equal(x, r.ToDouble());
        // Exactness: the denominator is a power of two and r * den == num exactly.
        Assert.True(r.Denominator.IsPowerOfTwo);
    }

    // Random doubles of every binary exponent (subnormals, integers, halves, huge), and their sign: FromDouble's parts
    // are those the reducing constructor gives for the value mantissa / 2^k (lowest terms without a gcd).
    [Fact]
    public void FromDouble_IsInLowestTerms_OnDoublesOfEveryExponent()
    {
        var rng = new System.Random(29);
        for (int t = 0; t < 5000; t++)
        {
            long bits = ((long)rng.Next(0, 0x7FF) << 52) | (rng.NextInt64() & 0xFFFFFFFFFFFFFL);
            if (t % 5 == 0)
            {
                bits &= ~((1L << rng.Next(0, 53)) - 1); // many trailing zeros
            }

            double x = BitConverter.Int64BitsToDouble(t % 2 == 0 ? bits : bits | long.MinValue);
            Rational r = Rational.FromDouble(x);
            (BigInteger numerator, BigInteger denominator) = Exact(x);
            var reduced = new Rational(numerator, denominator);
            Assert.Equal(reduced.Numerator, r.Numerator);
            Assert.Equal(reduced.Denominator, r.Denominator);
        }
    }

    /// <summary>x as mantissa / 2^k (not reduced), from its bits.</summary>
    private static (BigInteger Numerator, BigInteger Denominator) Exact(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        BigInteger numerator = bits < 0 ? -new BigInteger(mantissa) : new BigInteger(mantissa);
        return exponent >= 0 ? (numerator << exponent, BigInteger.One) : (numerator, BigInteger.One << -exponent);
    }

    [Fact]
    public void FromDouble_OfPointOne_IsTheDyadicValue()
    {
        Rational r = Rational.FromDouble(0.1);
        Assert.Equal(BigInteger.Pow(2, 55), r.Denominator);
        Assert.Equal(new BigInteger(3602879701896397), r.Numerator);
    }

    [Fact]
    public void FromDouble_RejectsNonFinite()
    {
        Assert.Throws<ArgumentException>(() => Rational.FromDouble(double.NaN));
        Assert.Throws<ArgumentException>(() => Rational.FromDouble(double.PositiveInfinity));
    }

    [Fact]
    public void Arithmetic_AndOrdering()
    {
        Rational a = Rational.Parse("1/3"), b = Rational.Parse("1/6");
        Assert.Equal(Rational.Parse("1/2"), a + b);
        Assert.Equal(Rational.Parse("1/6"), a - b);
        Assert.Equal(Rational.Parse("1/18"), a * b);
        Assert.Equal(new Rational(2), a / b);
        Assert.True(b < a);
        Assert.Equal(-1, (-a).Sign);
        Assert.Equal("-1/3", (-a).ToString());
        Assert.Equal("2", (a / b).ToString());
        Assert.Equal(Rational.Zero, default);
        Assert.Equal(1.0 / 3.0, a.ToDouble());
    }

    [Fact]
    public void ToDouble_IsTheNearestDouble()
    {
        var rng = new System.Random(7);
        for (int t = 0; t < 3000; t++)
        {
            long n = rng.NextInt64(-1L << 62, 1L << 62), d = rng.NextInt64(1, t % 2 == 0 ? 1L << 62 : 1000);
            var r = new Rational(n, d);
            double got = r.ToDouble();
            // No neighbour of the answer is closer to the exact value (checked in exact arithmetic).
            Rational err = Rational.Abs(r - Rational.FromDouble(got));
            Assert.True(err <= Rational.Abs(r - Rational.FromDouble(Math.BitIncrement(got))), $"{n}/{d}");
            Assert.True(err <= Rational.Abs(r - Rational.FromDouble(Math.BitDecrement(got))), $"{n}/{d}");
        }

        Assert.Equal(2.0 / 3.0, new Rational(2, 3).ToDouble());
        Assert.Equal(0.1, Rational.Parse("1/10").ToDouble());
        Assert.Equal(1e-300, Rational.Parse("1e-300").ToDouble());
        Assert.Equal(-1.7976931348623157e308, Rational.FromDouble(double.MinValue).ToDouble());
    }

    [Fact]
    public void ToDouble_IsTheNearestDouble_WhenBothPartsAreExactInADouble()
    {
        // The parts up to 2^53 take the direct division; just beyond it, the long path. Both must round to nearest.
        const long limit = 1L << 53;
        var rng = new System.Random(11);
        long[] edges = [1, 2, 3, limit - 1, limit, limit + 1, limit + 3, (1L << 54) - 1];
        for (int t = 0; t < 4000; t++)
        {
            long n = (t % 4) switch
            {
                0 => rng.NextInt64(-limit, limit + 1),
                1 => rng.NextInt64(-1000, 1001),
                2 => edges[rng.Next(edges.Length)] * (rng.Next(2) == 0 ? 1 : -1),
                _ => rng.NextInt64(-(limit + 100), limit + 100),
            };
            long d = (t % 3) switch
            {
                0 => rng.NextInt64(1, limit + 1),
                1 => rng.NextInt64(1, 1000),
                _ => edges[rng.Next(edges.Length)],
            };
            var r = new Rational(n, d);
            double got = r.ToDouble();
            Rational err = Rational.Abs(r - Rational.FromDouble(got));
            Assert.True(err <= Rational.Abs(r - Rational.FromDouble(Math.BitIncrement(got))), $"{n}/{d}");
            Assert.True(err <= Rational.Abs(r - Rational.FromDouble(Math.BitDecrement(got))), $"{n}/{d}");
        }

        // A tie between two doubles rounds to the even one: (2^53 + 1) / 1 is exactly between 2^53 and 2^53 + 2.
        Assert.Equal(9007199254740992.0, new Rational((1L << 53) + 1, 1).ToDouble());
        Assert.Equal(9007199254740996.0, new Rational((1L << 53) + 3, 1).ToDouble());
        Assert.Equal(0.1, Rational.Parse("1/10").ToDouble());
        Assert.Equal(1e-300, Rational.Parse("1e-300").ToDouble());
        Assert.Equal(-1.7976931348623157e308, Rational.FromDouble(double.MinValue).ToDouble());
    }

    [Fact]
    public void ToDouble_FromLeadingBits_AgreesWithTheExactDivision()
    {
        // Parts of 1 to 700 bits (the equilibria of double games have 60 to 600), denominators at the carry edges of
        // the stored d − 1 (2^k − 1, 2^k, 2^k + 1), and quotients next to a rounding boundary, where the fast path
        // must decline rather than guess.
        var rng = new System.Random(23);
        int fast = 0, total = 0;
        for (int t = 0; t < 6000; t++)
        {
            BigInteger n = RandomBits(rng, rng.Next(1, 700));
            BigInteger d = (t % 5) switch
            {
                0 => (BigInteger.One << rng.Next(0, 300)) + rng.Next(-1, 2),
                _ => RandomBits(rng, rng.Next(1, 700)),
            };
            if (d.Sign <= 0)
            {
                d = BigInteger.One;
            }

            if (t % 7 == 0)
            {
                // Next to the midpoint m between two doubles: n/d = m ± 1/(big).
                double x = Math.ScaleB(1 + rng.NextDouble(), rng.Next(-900, 900));
                Rational mid = (Rational.FromDouble(x) + Rational.FromDouble(Math.BitIncrement(x))) * new Rational(1, 2);
                Rational eps = new(rng.Next(-1, 2), RandomBits(rng, 200) + 1);
                Rational near = mid + (eps * mid);
                (n, d) = (near.Numerator, near.Denominator);
            }

            var r = new Rational(rng.Next(2) == 0 ? n : -n, d);
            total++;
            if (r.TryToDoubleFromLeadingBits(out double quick))
            {
                fast++;
                Assert.Equal(r.ToDoubleExactly(), quick);
            }

            Assert.Equal(r.ToDoubleExactly(), r.ToDouble());
        }

        Assert.True(fast > total * 0.8, $"the fast path took only {fast} of {total}");
    }

    private static BigInteger RandomBits(System.Random rng, int bits)
    {
        var bytes = new byte[(bits / 8) + 2];
        rng.NextBytes(bytes);
        bytes[^1] = 0; // non-negative
        BigInteger v = new BigInteger(bytes) >> ((bytes.Length * 8) - 8 - bits);
        return v.IsZero ? BigInteger.One : v;
    }
}
