using System.Numerics;
using NashFast.Enumeration;

namespace NashFast.Tests.Enumeration;

public class VertexLimbSumsTests
{
    // Against plain BigInteger loops: zeros, single limbs, all-ones limbs (carries through every limb), mixed lengths,
    // empty vectors, and the fallbacks (negative values, accumulators past the stack limit).
    [Fact]
    public void SumAndDot_EqualTheBigIntegerLoops()
    {
        var rng = new System.Random(41);
        for (int t = 0; t < 3000; t++)
        {
            int length = rng.Next(0, 12);
            var a = new BigInteger[length];
            var b = new BigInteger[length];
            for (int j = 0; j < length; j++)
            {
                a[j] = Value(rng, t);
                b[j] = Value(rng, t);
            }

            BigInteger sum = BigInteger.Zero, dot = BigInteger.Zero;
            for (int j = 0; j < length; j++)
            {
                sum += a[j];
                dot += a[j] * b[j];
            }

            Assert.Equal(sum, VertexLimbSums.Sum(a));
            Assert.Equal(dot, VertexLimbSums.Dot(a, b));
        }
    }

    // Values of at most 64 bits take a single 128-bit accumulator: all-ones words, products at and past its 121-bit
    // limit (the limbs then), up to 64 terms.
    [Fact]
    public void SumAndDot_OfSmallValues_EqualTheBigIntegerLoops()
    {
        var rng = new System.Random(43);
        for (int t = 0; t < 2000; t++)
        {
            int length = rng.Next(0, 65);
            int bits = rng.Next(1, 65);
            var a = new BigInteger[length];
            var b = new BigInteger[length];
            for (int j = 0; j < length; j++)
            {
                a[j] = rng.Next(4) == 0 ? (BigInteger.One << bits) - 1 : Big(rng, rng.Next(0, bits + 1));
                b[j] = rng.Next(4) == 0 ? ulong.MaxValue : Big(rng, rng.Next(0, 65));
            }

            BigInteger sum = BigInteger.Zero, dot = BigInteger.Zero;
            for (int j = 0; j < length; j++)
            {
                sum += a[j] + b[j];
                dot += a[j] * b[j];
            }

            Assert.Equal(sum, VertexLimbSums.Sum(a) + VertexLimbSums.Sum(b));
            Assert.Equal(dot, VertexLimbSums.Dot(a, b));
        }
    }

    [Fact]
    public void Dot_RejectsVectorsOfDifferentLengths() =>
        Assert.Throws<ArgumentException>(() => VertexLimbSums.Dot(new BigInteger[2], new BigInteger[3]));

    private static BigInteger Value(System.Random rng, int t)
    {
        switch (rng.Next(8))
        {
            case 0:
                return BigInteger.Zero;
            case 1:
                return (BigInteger.One << (64 * rng.Next(1, 6))) - 1; // all-ones limbs
            case 2:
                return rng.NextInt64(0, long.MaxValue);
            case 3 when t % 50 == 0:
                return -Big(rng, rng.Next(1, 300)); // negative: the BigInteger loop
            case 4 when t % 100 == 0:
                return Big(rng, rng.Next(2100, 4000)); // beyond the stack accumulator
            default:
                return Big(rng, rng.Next(1, 700));
        }
    }

    private static BigInteger Big(System.Random rng, int bits)
    {
        var bytes = new byte[(bits / 8) + 2];
        rng.NextBytes(bytes);
        bytes[^1] = 0;
        return new BigInteger(bytes) >> ((bytes.Length * 8) - 8 - bits);
    }
}
