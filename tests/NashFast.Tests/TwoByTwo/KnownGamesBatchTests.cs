using System.Numerics;
using NashFast.Games;
using NashFast.TwoByTwo;

namespace NashFast.Tests.TwoByTwo;

/// <summary>Classic games through every kernel, float and double, against their exact answers.</summary>
public class KnownGamesBatchTests
{
    public static TheoryData<TwoByTwoKernel> AllKernels => BatchShapeTests.AllKernels;

    // name, A (a00 a01 a10 a11), B, mask, count, flags, exact P, Q, row payoff, column payoff (null: none).
    private static readonly (string Name, double[] A, double[] B, int Mask, int Count, Solution2x2Flags Flags, string? P, string? Q, string? U, string? V)[] Games =
    [
        ("matching pennies", [1, -1, -1, 1], [-1, 1, 1, -1], 0, 1, Solution2x2Flags.CompletelyMixed, "1/2", "1/2", "0", "0"),
        ("battle of the sexes", [3, 0, 0, 2], [2, 0, 0, 3], 0b1001, 3, Solution2x2Flags.CompletelyMixed, "3/5", "2/5", "6/5", "6/5"),
        ("chicken", [0, -1, 1, -5], [0, 1, -1, -5], 0b0110, 3, Solution2x2Flags.CompletelyMixed, "4/5", "4/5", "-1/5", "-1/5"),
        ("brief's mixed game", [5, 1, 3, 4], [2, 3, 4, 1], 0, 1, Solution2x2Flags.CompletelyMixed, "3/4", "3/5", "17/5", "5/2"),
        ("prisoner's dilemma", [3, 0, 5, 1], [3, 5, 0, 1], 0b1000, 1, Solution2x2Flags.None, null, null, null, null),
        ("all zero", [0, 0, 0, 0], [0, 0, 0, 0], 0b1111, 4, Solution2x2Flags.Degenerate, null, null, null, null),
    ];

    [Theory]
    [MemberData(nameof(AllKernels))]
    public void ClassicGames_Double(TwoByTwoKernel kernel) => Check<double>(kernel, Math.ScaleB(1, -53));

    [Theory]
    [MemberData(nameof(AllKernels))]
    public void ClassicGames_Float(TwoByTwoKernel kernel) => Check<float>(kernel, Math.ScaleB(1, -24));

    private static void Check<T>(TwoByTwoKernel kernel, double unitRoundoff)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Each game repeated so that it sits in every lane of every width, with a tail.
        const int repeats = 7;
        var b = new BatchArrays<T>(Games.Length * repeats);
        for (int k = 0; k < b.Length; k++)
        {
            var g = Games[k % Games.Length];
            for (int e = 0; e < 4; e++)
            {
                b.In[e][k] = T.CreateTruncating(g.A[e]);
                b.In[4 + e][k] = T.CreateTruncating(g.B[e]);
            }
        }

        b.Solve(kernel);
        for (int k = 0; k < b.Length; k++)
        {
            var g = Games[k % Games.Length];
            Solution2x2<T> s = b.Result(k);
            Assert.True(s.PureMask == g.Mask && s.Count == g.Count && s.Flags == g.Flags, $"{g.Name} ({kernel}): {BatchArrays<T>.Describe(s)}");
            // Small-integer payoffs: the closed form's few roundings (OracleCheck.MixTolerance with S ≥ 1) stay within
            // 8 units of roundoff of the exact value; 3/4, 1/2, 0 and 17/5's neighbours are checked the same way.
            double tol = 8 * unitRoundoff;
            Near(s.P, g.P, tol, g.Name + " P");
            Near(s.Q, g.Q, tol, g.Name + " Q");
            Near(s.RowPayoff, g.U, 8 * tol, g.Name + " row payoff");   // payoffs up to 5: scale the tolerance by the payoff size
            Near(s.ColumnPayoff, g.V, 8 * tol, g.Name + " column payoff");
        }

        // Exactly representable answers come out exact.
        Assert.Equal(T.CreateTruncating(0.75), b.Result(3).P);
        Assert.Equal(T.CreateTruncating(0.5), b.Result(0).P);
    }

    private static void Near<T>(T actual, string? exact, double tolerance, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (exact is null)
        {
            Assert.True(T.IsNaN(actual), $"{what}: expected NaN, got {actual}");
            return;
        }

        double expected = Rational.Parse(exact).ToDouble();
        Assert.True(Math.Abs(double.CreateTruncating(actual) - expected) <= tolerance, $"{what}: {actual} vs {exact}");
    }
}
