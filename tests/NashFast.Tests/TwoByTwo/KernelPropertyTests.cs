using CsCheck;
using NashFast.Games;
using NashFast.Reference;
using NashFast.TwoByTwo;

namespace NashFast.Tests.TwoByTwo;

/// <summary>
/// Property tests of the batch kernels on random games of every family (continuous, small integers with many ties,
/// negative, magnitudes 1e-6…1e6, huge, subnormal/tiny, and per-payoff mixtures).
/// </summary>
/// <remarks>
/// What is compared with what, per run: ReferenceSolver takes about 1 ms per 2×2 game, too slow for 10⁵ games, so
/// (1) <see cref="OracleAgreesWithReferenceTests"/> checks the exact oracle against ReferenceSolver on a sample and
/// the existing exhaustive test checks the scalar closed form against ReferenceSolver on all 6561 games over {0,1,2};
/// (2) here the scalar kernel is compared with the exact oracle on 10⁵ games (5·10⁴ double + 5·10⁴ float): mask,
/// count and flags exactly, P/Q/payoffs within <see cref="OracleCheck.MixTolerance"/>; (3) each vector kernel is
/// compared with the scalar kernel bit for bit on ≥ 10⁵ games per element type.
/// </remarks>
public class KernelPropertyTests
{
    private const int GamesPerSample = 500;
    private const int OracleSamples = 100;          // 100 × 500 = 5·10⁴ games per element type
    private const int BitwiseGamesPerSample = 1031; // not a multiple of any width: every sample ends in a tail
    private const int BitwiseSamples = 100;         // 100 × 1031 ≥ 10⁵ games per kernel and element type

    public static TheoryData<TwoByTwoKernel> VectorKernels => new() { TwoByTwoKernel.Vector128, TwoByTwoKernel.Vector256, TwoByTwoKernel.Vector512 };

    [Fact]
    public void ScalarKernel_Double_EqualsExactOracle() =>
        GameFamilies.Batch(GameFamilies.AllD, GamesPerSample).Sample(flat => CheckAgainstOracle<double>(flat), iter: OracleSamples);

    [Fact]
    public void ScalarKernel_Float_EqualsExactOracle() =>
        GameFamilies.Batch(GameFamilies.AllF, GamesPerSample).Sample(flat => CheckAgainstOracle<float>(flat), iter: OracleSamples);

    [Theory]
    [MemberData(nameof(VectorKernels))]
    public void VectorKernel_Double_BitwiseEqualsScalar(TwoByTwoKernel kernel) =>
        GameFamilies.Batch(GameFamilies.AllD, BitwiseGamesPerSample).Sample(flat => CheckBitwise<double>(flat, kernel), iter: BitwiseSamples);

    [Theory]
    [MemberData(nameof(VectorKernels))]
    public void VectorKernel_Float_BitwiseEqualsScalar(TwoByTwoKernel kernel) =>
        GameFamilies.Batch(GameFamilies.AllF, BitwiseGamesPerSample).Sample(flat => CheckBitwise<float>(flat, kernel), iter: BitwiseSamples);

    private static void CheckAgainstOracle<T>(T[] flat)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var b = BatchArrays<T>.FromFlat(flat);
        b.Solve(TwoByTwoKernel.Scalar);
        for (int k = 0; k < b.Length; k++)
        {
            OracleCheck.AssertSlot(b, k);
        }
    }

    private static void CheckBitwise<T>(T[] flat, TwoByTwoKernel kernel)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var scalar = BatchArrays<T>.FromFlat(flat);
        var vector = BatchArrays<T>.FromFlat(flat);
        scalar.Solve(TwoByTwoKernel.Scalar);
        vector.Solve(kernel);
        scalar.AssertBitwiseEqual(vector, $"{kernel} vs Scalar");
        vector.Solve(kernel, payoffs: false);
        scalar.AssertBitwiseEqual(vector, $"{kernel} vs Scalar (no payoffs)", payoffs: false);
    }
}

/// <summary>The exact oracle of the property tests agrees with ReferenceSolver (the project's oracle).</summary>
public class OracleAgreesWithReferenceTests
{
    // ReferenceSolver costs ~1 ms per 2×2 game (up to several ms with 1e300 payoffs): 300 games per run.
    [Fact]
    public void Oracle_EqualsReferenceSolver_OnRandomGamesOfEveryFamily() =>
        GameFamilies.Game(GameFamilies.AllD).Sample(Check, iter: 250);

    [Fact]
    public void Oracle_EqualsReferenceSolver_OnRandomFloatGames() =>
        GameFamilies.Game(GameFamilies.AllF).Sample(g => Check(Array.ConvertAll(g, x => (double)x)), iter: 50);

    [Fact]
    public void Oracle_EqualsScalarClosedForm_OnEveryGameWithPayoffsZeroToTwo()
    {
        // ScalarAgainstReferenceTests proves the closed form equals ReferenceSolver on these 6561 games; the oracle must too.
        var b = new BatchArrays<double>(6561);
        for (int code = 0; code < 6561; code++)
        {
            int c = code;
            for (int e = 0; e < 8; e++)
            {
                b.In[e][code] = c % 3;
                c /= 3;
            }
        }

        b.Solve(TwoByTwoKernel.Scalar);
        for (int k = 0; k < b.Length; k++)
        {
            OracleCheck.AssertSlot(b, k);
        }
    }

    private static void Check(double[] g)
    {
        List<Exact2x2Oracle.ExactEq> mine = Exact2x2Oracle.Solve(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]);
        SolveResult exact = ReferenceSolver.Solve(BimatrixGame.FromRowMajor(2, 2, g.AsSpan(0, 4), g.AsSpan(4, 4)));
        var theirs = exact.ExactEquilibria!.Select(e => new Exact2x2Oracle.ExactEq(e.Row[0], e.Column[0], e.RowPayoff, e.ColumnPayoff))
                                          .OrderByDescending(e => e.P).ThenByDescending(e => e.Q).ToList();
        Assert.True(mine.SequenceEqual(theirs), $"game {string.Join(",", g.Select(x => x.ToString("R")))}: oracle {string.Join(" ", mine)} reference {string.Join(" ", theirs)}");
    }
}
