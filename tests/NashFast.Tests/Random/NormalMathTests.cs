using NashFast.Random;
using NashFast.Random.Kernels;

namespace NashFast.Tests.Random;

/// <summary>
/// Accuracy of the generator's own logarithm, sine and cosine against the C library's (<see cref="Math.Log(double)"/>,
/// <see cref="Math.SinCos(double)"/>) over the inputs the Box–Muller transform produces.
/// </summary>
public class NormalMathTests
{
    // 1e-15 ≈ 4.5·2^-53: a few roundings of the reduction and polynomial. The reference itself is within 1 ulp.
    private const double LogRelativeTolerance = 1e-15;

    // The reference's argument 2π·t is itself rounded (up to 2^-53·2π ≈ 7e-16 absolute), so the comparison allows 1.5e-15.
    private const double SinCosAbsoluteTolerance = 1.5e-15;

    private static IEnumerable<double> LogInputs()
    {
        var s = new PhiloxStream(1, 2);
        for (int k = 0; k < 200_000; k++)
        {
            yield return ((s.NextUInt64() >> 11) + 1) * NormalMath.Unit53; // exactly the generator's u1
        }

        // Every binade, and both sides of the √2 fold, of 1 and of 2^-53.
        for (int e = 0; e <= 53; e++)
        {
            double p = Math.ScaleB(1, -e);
            yield return p;
            yield return Math.BitDecrement(p);
            yield return NormalMath.Sqrt2 * p;
            yield return Math.BitIncrement(NormalMath.Sqrt2 * p);
            yield return Math.BitDecrement(NormalMath.Sqrt2 * p);
        }
    }

    [Fact]
    public void LogIsWithinTolerance()
    {
        double worst = 0;
        foreach (double u in LogInputs())
        {
            if (u < Math.ScaleB(1, -53) || u > 1)
            {
                continue;
            }

            double expected = Math.Log(u);
            double got = NormalMath.Log(u);
            if (expected == 0)
            {
                Assert.Equal(0.0, got);
                continue;
            }

            worst = Math.Max(worst, Math.Abs(got - expected) / Math.Abs(expected));
        }

        Assert.InRange(worst, 0, LogRelativeTolerance);
    }

    [Fact]
    public void SinCosIsWithinToleranceAndExactAtQuadrants()
    {
        var s = new PhiloxStream(3, 4);
        double worst = 0;
        for (int k = 0; k < 200_000; k++)
        {
            double t = (s.NextUInt64() >> 11) * NormalMath.Unit53;
            if (k < 4096)
            {
                t = k / 4096.0; // a grid that hits every quadrant and octant edge
            }

            NormalMath.SinCosTurn(t, out double sin, out double cos);
            (double es, double ec) = Math.SinCos(2 * Math.PI * t);
            worst = Math.Max(worst, Math.Max(Math.Abs(sin - es), Math.Abs(cos - ec)));
            Assert.InRange((sin * sin) + (cos * cos), 1 - 1e-15, 1 + 1e-15);
        }

        Assert.InRange(worst, 0, SinCosAbsoluteTolerance);
        double[] quarter = [0, 0.25, 0.5, 0.75];
        double[] sines = [0, 1, 0, -1], cosines = [1, 0, -1, 0];
        for (int k = 0; k < 4; k++)
        {
            NormalMath.SinCosTurn(quarter[k], out double sin, out double cos);
            Assert.Equal(sines[k], sin);
            Assert.Equal(cosines[k], cos);
        }
    }

    [Fact]
    public void BoxMullerCoversItsWholeRange()
    {
        // u1 = 1 gives radius 0; u1 = 2^-53 the largest radius √(106 ln 2) ≈ 8.57.
        NormalMath.BoxMuller(ulong.MaxValue, 0, out double z0, out double z1);
        Assert.Equal(0.0, z0);
        Assert.Equal(0.0, z1);
        NormalMath.BoxMuller(0, 0, out z0, out z1);
        Assert.Equal(Math.Sqrt(106 * Math.Log(2)), z0, 1e-14);
        Assert.Equal(0.0, z1);
    }
}
