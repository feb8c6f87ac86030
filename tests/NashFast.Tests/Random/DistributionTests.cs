using NashFast.Games;
using NashFast.Random;

namespace NashFast.Tests.Random;

public class DistributionTests
{
    private const int Games = 20000; // × 8 payoffs = 160000 draws per moment test

    private static double[] Draw(IGameDistribution d, ulong seed, int rows = 2, int columns = 2, bool rowPlayer = true)
    {
        var all = new List<double>();
        var a = new double[rows * columns];
        var b = new double[rows * columns];
        for (int g = 0; g < Games; g++)
        {
            d.Fill(seed, g, a, b);
            all.AddRange(rowPlayer ? a : b);
        }

        return [.. all];
    }

    private static (double Mean, double Variance) Moments(double[] x)
    {
        double mean = x.Average();
        double v = 0;
        foreach (double t in x)
        {
            v += (t - mean) * (t - mean);
        }

        return (mean, v / (x.Length - 1));
    }

    [Fact]
    public void UniformHasMeanHalfAndVarianceTwelfth()
    {
        double[] x = Draw(UniformDistribution.Instance, 1, 3, 4);
        Assert.All(x, v => Assert.InRange(v, 0.0, Math.BitDecrement(1.0)));
        (double mean, double variance) = Moments(x);
        // n = 240000: SE(mean) = sqrt(1/12/n) = 5.9e-4 → 4σ = 2.4e-3;
        // SE(var) = sqrt((μ4 − σ⁴)/n) with μ4 = 1/80, σ⁴ = 1/144: sqrt(0.00556/n) = 1.52e-4 → 4σ = 6.1e-4.
        Assert.InRange(mean, 0.5 - 2.4e-3, 0.5 + 2.4e-3);
        Assert.InRange(variance, (1.0 / 12) - 6.1e-4, (1.0 / 12) + 6.1e-4);
    }

    [Fact]
    public void NormalHasMeanZeroVarianceOneAndNormalTails()
    {
        double[] x = Draw(NormalDistribution.Instance, 2, 2, 2, rowPlayer: false);
        (double mean, double variance) = Moments(x);
        // n = 80000: SE(mean) = 1/sqrt(n) = 3.5e-3 → 4σ = 0.0141; SE(var) = sqrt(2/n) = 5e-3 → 4σ = 0.02.
        Assert.InRange(mean, -0.0141, 0.0141);
        Assert.InRange(variance, 1 - 0.02, 1 + 0.02);
        // P(|z| > 1.96) = 0.05: SE = sqrt(0.05·0.95/n) = 7.7e-4 → 4σ = 3.1e-3.
        double tail = x.Count(v => Math.Abs(v) > 1.959964) / (double)x.Length;
        Assert.InRange(tail, 0.05 - 3.1e-3, 0.05 + 3.1e-3);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(-5, 5)]
    [InlineData(7, 7)]
    [InlineData(int.MinValue, int.MaxValue)]
    public void IntegersStayInRangeAndAreUniform(int lo, int hi)
    {
        double[] x = Draw(new IntegerDistribution(lo, hi), 3);
        Assert.All(x, v => Assert.True(v >= lo && v <= hi && v == Math.Floor(v), $"{v} outside {lo}..{hi}"));
        double range = (double)hi - lo + 1;
        double mean = ((double)lo + hi) / 2;
        double sd = Math.Sqrt(((range * range) - 1) / 12);
        // n = 80000 draws: 4σ of the mean = 4·sd/sqrt(n).
        double tol = 4 * sd / Math.Sqrt(x.Length) + 1e-9;
        Assert.InRange(x.Average(), mean - tol, mean + tol);
        if (range <= 16)
        {
            // Every value appears, each with frequency 1/range within 4σ of a binomial.
            foreach (IGrouping<double, double> g in x.GroupBy(v => v))
            {
                double p = 1 / range;
                double f = g.Count() / (double)x.Length;
                Assert.InRange(f, p - (4 * Math.Sqrt(p * (1 - p) / x.Length)), p + (4 * Math.Sqrt(p * (1 - p) / x.Length)));
            }

            Assert.Equal((int)range, x.Distinct().Count());
        }
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-0.5)]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    public void CovariantHasCorrelationRho(double rho)
    {
        var d = new CovariantDistribution(rho);
        var a = new double[6];
        var b = new double[6];
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        int n = 0;
        for (int g = 0; g < Games; g++)
        {
            d.Fill(4, g, a, b);
            for (int k = 0; k < a.Length; k++)
            {
                sa += a[k]; sb += b[k]; saa += a[k] * a[k]; sbb += b[k] * b[k]; sab += a[k] * b[k];
                n++;
            }
        }

        double cov = (sab / n) - (sa / n * (sb / n));
        double r = cov / Math.Sqrt(((saa / n) - (sa / n * (sa / n))) * ((sbb / n) - (sb / n * (sb / n))));
        // n = 120000 pairs: SE(r) ≈ (1 − ρ²)/sqrt(n) ≤ 2.9e-3 → 4σ ≤ 0.0116 (exact at |ρ| = 1 up to rounding).
        double tol = (4 * (1 - (rho * rho)) / Math.Sqrt(n)) + 1e-9;
        Assert.InRange(r, rho - tol, rho + tol);
        // Each marginal is standard normal: SE(var) = sqrt(2/n) = 4.1e-3 → 4σ = 0.0163.
        Assert.InRange((sbb / n) - (sb / n * (sb / n)), 1 - 0.0163, 1 + 0.0163);
        if (rho == -1)
        {
            Assert.Equal(0, sab / n + (saa / n), 10); // zero-sum: B = −A
        }
    }

    public static TheoryData<string> Names => ["uniform", "normal", "int:0..3", "int:-2..2", "covariant:-0.5", "covariant:1"];

    [Theory]
    [MemberData(nameof(Names))]
    public void FusedTwoByTwoFillMatchesPerGameFill(string name)
    {
        IGameDistribution d = GameDistributions.Parse(name);
        Assert.Equal(name, d.Name);
        const int n = 300;
        var s = new double[8][];
        for (int k = 0; k < 8; k++)
        {
            s[k] = new double[n];
        }

        const long first = (1L << 33) + 5; // a game index beyond 32 bits
        d.Fill2x2(99, first, new Payoffs2x2(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]));
        var a = new double[4];
        var b = new double[4];
        for (int i = 0; i < n; i++)
        {
            d.Fill(99, first + i, a, b);
            Assert.Equal([a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]],
                         new[] { s[0][i], s[1][i], s[2][i], s[3][i], s[4][i], s[5][i], s[6][i], s[7][i] });
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void GamesArePureFunctionsOfSeedAndIndex(string name)
    {
        IGameDistribution d = GameDistributions.Parse(name);
        BimatrixGame g1 = d.CreateGame(7, 123, 3, 4);
        BimatrixGame g2 = GameDistributions.Parse(name).CreateGame(7, 123, 3, 4);
        Assert.Equal(g1.AFlat.ToArray(), g2.AFlat.ToArray());
        Assert.Equal(g1.BFlat.ToArray(), g2.BFlat.ToArray());
        BimatrixGame other = d.CreateGame(8, 123, 3, 4);
        BimatrixGame next = d.CreateGame(7, 124, 3, 4);
        Assert.NotEqual(g1.AFlat.ToArray().Concat(g1.BFlat.ToArray()), other.AFlat.ToArray().Concat(other.BFlat.ToArray()));
        Assert.NotEqual(g1.AFlat.ToArray().Concat(g1.BFlat.ToArray()), next.AFlat.ToArray().Concat(next.BFlat.ToArray()));
    }

    [Fact]
    public void CustomDistributionGetsTheDefaultChunkFill()
    {
        var d = new IndexDistribution();
        IGameDistribution id = d;
        var s = new double[8][];
        for (int k = 0; k < 8; k++)
        {
            s[k] = new double[3];
        }

        id.Fill2x2(0, 10, new Payoffs2x2(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]));
        Assert.Equal([10, 11, 12], s[0]);
        Assert.Equal([-12, -13, -14], s[7]);
    }

    private sealed class IndexDistribution : IGameDistribution
    {
        public string Name => "index";

        public void Fill(ulong seed, long gameIndex, Span<double> a, Span<double> b)
        {
            for (int k = 0; k < a.Length; k++)
            {
                a[k] = gameIndex + k;
                b[k] = -gameIndex - k + 1;
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("gauss")]
    [InlineData("int:5..1")]
    [InlineData("int:a..b")]
    [InlineData("int:1-5")]
    [InlineData("covariant:2")]
    [InlineData("covariant:nan")]
    [InlineData("covariant:")]
    public void BadNamesAreRefusedWithAClearMessage(string name)
    {
        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(() => GameDistributions.Parse(name));
        Assert.Contains(name.Length == 0 ? "distribution" : name, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void BadArgumentsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntegerDistribution(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CovariantDistribution(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CovariantDistribution(double.NaN));
        Assert.Throws<ArgumentException>(() => UniformDistribution.Instance.Fill(0, 0, new double[4], new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Instance.CreateGame(0, -1, 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Instance.CreateGame(0, 0, 0, 2));
    }
}
