using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>The floating-point game's pivot bound equals the one computed on the exact rational game, bit for bit.</summary>
public class PivotBitsBoundTests
{
    public static TheoryData<string> Families() => ["uniform", "normal", "ints", "dyadic", "huge", "tiny", "subnormal", "mixed", "constant", "negative"];

    [Theory]
    [MemberData(nameof(Families))]
    public void DoubleBound_EqualsTheExactGamesBound(string family)
    {
        var rng = new System.Random(family.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        for (int t = 0; t < 40; t++)
        {
            int m = rng.Next(1, 7), n = rng.Next(1, 7);
            var a = new double[m * n];
            var b = new double[m * n];
            for (int k = 0; k < a.Length; k++)
            {
                a[k] = Draw(rng, family);
                b[k] = Draw(rng, family);
            }

            var game = BimatrixGame.FromRowMajor(m, n, a, b);
            double expected = VertexPolytopes.PivotBitsBound(ExactBimatrixGame.FromDouble(game));
            Assert.Equal(expected, VertexPolytopes.PivotBitsBound(game));
        }
    }

    private static double Draw(System.Random rng, string family) => family switch
    {
        "uniform" => rng.NextDouble(),
        "normal" => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()),
        "ints" => rng.Next(-1000, 1001),
        "dyadic" => rng.Next(0, 64) / 8.0,
        "huge" => (rng.NextDouble() - 0.5) * 1e300,
        "tiny" => (rng.NextDouble() - 0.5) * 1e-300,
        "subnormal" => rng.Next(-3, 4) * double.Epsilon,
        "mixed" => rng.Next(4) switch { 0 => 1e300, 1 => -1e-300, 2 => 0.0, _ => rng.NextDouble() },
        "constant" => 2.5,
        _ => -rng.NextDouble() * 1e6,
    };
}
