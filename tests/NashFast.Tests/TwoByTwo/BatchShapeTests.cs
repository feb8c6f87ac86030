using System.Numerics;
using CsCheck;
using NashFast.TwoByTwo;

namespace NashFast.Tests.TwoByTwo;

/// <summary>
/// Every kernel at every batch length 0…257 (every tail case of every width) and at a large odd length; the slot after
/// the end untouched; array-of-structs equals structure-of-arrays; parallel equals sequential; invalid lanes.
/// </summary>
public class BatchShapeTests
{
    public static TheoryData<TwoByTwoKernel> AllKernels => new() { TwoByTwoKernel.Scalar, TwoByTwoKernel.Vector128, TwoByTwoKernel.Vector256, TwoByTwoKernel.Vector512 };

    private const int LargeOddLength = 100_003; // not a multiple of any vector width nor of the parallel chunk

    [Theory]
    [MemberData(nameof(AllKernels))]
    public void EveryLength0To257_Double_MatchesScalarPerGame_TailUntouched(TwoByTwoKernel kernel) =>
        GameFamilies.Batch(GameFamilies.AllD, 257).Sample(flat => EveryLength<double>(flat, kernel), iter: 1);

    [Theory]
    [MemberData(nameof(AllKernels))]
    public void EveryLength0To257_Float_MatchesScalarPerGame_TailUntouched(TwoByTwoKernel kernel) =>
        GameFamilies.Batch(GameFamilies.AllF, 257).Sample(flat => EveryLength<float>(flat, kernel), iter: 1);

    [Theory]
    [MemberData(nameof(AllKernels))]
    public void LargeOddLength_BothTypes_MatchesScalar_TailUntouched(TwoByTwoKernel kernel)
    {
        LargeOdd<double>(kernel, GameFamilies.AllD);
        LargeOdd<float>(kernel, GameFamilies.AllF);
    }

    [Theory]
    [MemberData(nameof(AllKernels))]
    public void ArrayOfStructs_EqualsStructureOfArrays(TwoByTwoKernel kernel)
    {
        AosEqualsSoa<double>(kernel, GameFamilies.AllD, 1000, parallel: false);
        AosEqualsSoa<float>(kernel, GameFamilies.AllF, 1000, parallel: false);
    }

    [Theory]
    [MemberData(nameof(AllKernels))]
    public void Parallel_EqualsSequential_SoaAndAos(TwoByTwoKernel kernel)
    {
        int n = (3 * TwoByTwoSolver.ParallelChunkGames) + 5;
        ParallelEqualsSequential<double>(kernel, GameFamilies.AllD, n);
        ParallelEqualsSequential<float>(kernel, GameFamilies.AllF, n);
        AosEqualsSoa<double>(kernel, GameFamilies.AllD, n, parallel: true);
        AosEqualsSoa<float>(kernel, GameFamilies.AllF, n, parallel: true);
    }

    [Theory]
    [MemberData(nameof(AllKernels))]
    public void InvalidPayoff_InEveryPositionAndLane_IsFlaggedWhileNeighboursAreSolved(TwoByTwoKernel kernel)
    {
        InvalidLanes<double>(kernel, GameFamilies.AllD);
        InvalidLanes<float>(kernel, GameFamilies.AllF);
    }

    [Fact]
    public void DefaultOverloads_UseTheActiveKernel_AndGiveTheSameResults()
    {
        double[] flat = Flat(GameFamilies.AllD, 301);
        var viaDefault = BatchArrays<double>.FromFlat(flat);
        var viaScalar = BatchArrays<double>.FromFlat(flat);
        viaDefault.Poison();
        TwoByTwoSolver.Solve(viaDefault.Games, viaDefault.Results(true));
        viaScalar.Solve(TwoByTwoKernel.Scalar);
        viaScalar.AssertBitwiseEqual(viaDefault, $"default ({TwoByTwoSolver.ActiveKernel})");
        viaDefault.Poison();
        TwoByTwoSolver.SolveParallel(viaDefault.Games, viaDefault.Results(true));
        viaScalar.AssertBitwiseEqual(viaDefault, "default parallel");

        static double[] Flat(Gen<double>[] families, int games)
        {
            double[]? result = null;
            GameFamilies.Batch(families, games).Sample(f => result = f, iter: 1, threads: 1);
            return result!;
        }
    }

    // One large draw per element type, shared by the kernels (drawing 10⁵ games through CsCheck costs more than solving them).
    private static readonly Lazy<double[]> LargeDoubles = new(() => DrawNew(GameFamilies.AllD, LargeOddLength));
    private static readonly Lazy<float[]> LargeFloats = new(() => DrawNew(GameFamilies.AllF, LargeOddLength));

    /// <summary>The first <paramref name="games"/> games of the shared large draw.</summary>
    private static T[] Draw<T>(Gen<T>[] families, int games)
    {
        object all = families is Gen<double>[] ? LargeDoubles.Value : LargeFloats.Value;
        return ((T[])all)[..(8 * games)];
    }

    private static T[] DrawNew<T>(Gen<T>[] families, int games)
    {
        // One draw of a large batch (no shrinking needed: failures print the game itself).
        T[]? result = null;
        GameFamilies.Game(families).Array[games].Sample(gs =>
        {
            result = new T[8 * games];
            for (int k = 0; k < games; k++)
            {
                gs[k].CopyTo(result, 8 * k);
            }
        }, iter: 1, threads: 1);
        return result!;
    }

    private static void EveryLength<T>(T[] flat, TwoByTwoKernel kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int n = 0; n <= 257; n++)
        {
            var scalar = BatchArrays<T>.FromFlat(flat.AsSpan(0, 8 * n));
            var vector = BatchArrays<T>.FromFlat(flat.AsSpan(0, 8 * n));
            scalar.Solve(TwoByTwoKernel.Scalar);
            vector.Solve(kernel);
            scalar.AssertBitwiseEqual(vector, $"{kernel} length {n}");
            vector.Solve(kernel, payoffs: false);
            scalar.AssertBitwiseEqual(vector, $"{kernel} length {n} without payoffs", payoffs: false);
        }
    }

    private static void LargeOdd<T>(TwoByTwoKernel kernel, Gen<T>[] families)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] flat = Draw(families, LargeOddLength);
        var scalar = BatchArrays<T>.FromFlat(flat);
        var vector = BatchArrays<T>.FromFlat(flat);
        scalar.Solve(TwoByTwoKernel.Scalar);
        vector.Solve(kernel);
        scalar.AssertBitwiseEqual(vector, $"{kernel} length {LargeOddLength}");
    }

    private static void AosEqualsSoa<T>(TwoByTwoKernel kernel, Gen<T>[] families, int n, bool parallel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] flat = Draw(families, n);
        var soa = BatchArrays<T>.FromFlat(flat);
        soa.Solve(TwoByTwoKernel.Scalar);
        var games = new Game2x2<T>[n];
        for (int k = 0; k < n; k++)
        {
            games[k] = soa.Game(k);
        }

        var results = new Solution2x2<T>[n + 1];
        var sentinel = new Solution2x2<T> { P = T.One, Q = T.One, RowPayoff = T.One, ColumnPayoff = T.One, PureMask = 0xA5, Count = 0xA5, Flags = (Solution2x2Flags)0xA5 };
        results[n] = sentinel;
        if (parallel)
        {
            TwoByTwoSolver.SolveParallel<T>(games, results, kernel);
        }
        else
        {
            TwoByTwoSolver.Solve<T>(games, results, kernel);
        }

        Assert.True(results[n] == sentinel, "the result slot after the end was written");
        for (int k = 0; k < n; k++)
        {
            Solution2x2<T> expected = soa.Result(k), got = results[k];
            bool same = expected.PureMask == got.PureMask && expected.Count == got.Count && expected.Flags == got.Flags
                     && BatchArrays<T>.Bits(expected.P) == BatchArrays<T>.Bits(got.P) && BatchArrays<T>.Bits(expected.Q) == BatchArrays<T>.Bits(got.Q)
                     && BatchArrays<T>.Bits(expected.RowPayoff) == BatchArrays<T>.Bits(got.RowPayoff)
                     && BatchArrays<T>.Bits(expected.ColumnPayoff) == BatchArrays<T>.Bits(got.ColumnPayoff);
            Assert.True(same, $"{kernel} AoS{(parallel ? " parallel" : "")} game {k} {soa.DescribeGame(k)}: SoA {BatchArrays<T>.Describe(expected)} AoS {BatchArrays<T>.Describe(got)}");
        }
    }

    private static void ParallelEqualsSequential<T>(TwoByTwoKernel kernel, Gen<T>[] families, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] flat = Draw(families, n);
        var sequential = BatchArrays<T>.FromFlat(flat);
        var parallel = BatchArrays<T>.FromFlat(flat);
        sequential.Solve(kernel);
        foreach (bool payoffs in new[] { true, false })
        {
            parallel.Poison();
            TwoByTwoSolver.SolveParallel(parallel.Games, parallel.Results(payoffs), kernel);
            parallel.AssertTailUntouched(payoffs);
            sequential.AssertBitwiseEqual(parallel, $"{kernel} parallel (payoffs {payoffs})", payoffs);
        }
    }

    private static void InvalidLanes<T>(TwoByTwoKernel kernel, Gen<T>[] families)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int n = 37; // covers every lane position of every width, and a tail
        T[] flat = Draw(families, n);
        var clean = BatchArrays<T>.FromFlat(flat);
        clean.Solve(TwoByTwoKernel.Scalar);
        foreach (T bad in new[] { T.NaN, T.PositiveInfinity, T.NegativeInfinity })
        {
            for (int position = 0; position < 8; position++)
            {
                for (int lane = 0; lane < n; lane += position + 1)
                {
                    var b = BatchArrays<T>.FromFlat(flat);
                    b.In[position][lane] = bad;
                    b.Solve(kernel);
                    for (int k = 0; k < n; k++)
                    {
                        Solution2x2<T> got = b.Result(k);
                        if (k == lane)
                        {
                            Assert.True(got.PureMask == 0 && got.Count == 0 && got.Flags == Solution2x2Flags.Invalid
                                        && T.IsNaN(got.P) && T.IsNaN(got.Q) && T.IsNaN(got.RowPayoff) && T.IsNaN(got.ColumnPayoff),
                                        $"{kernel}: {bad} at position {position} lane {lane} gave {BatchArrays<T>.Describe(got)}");
                        }
                        else
                        {
                            Solution2x2<T> expected = clean.Result(k);
                            Assert.True(got.Equals(expected) || BatchArrays<T>.Describe(got) == BatchArrays<T>.Describe(expected),
                                        $"{kernel}: neighbour {k} of invalid lane {lane} changed: {BatchArrays<T>.Describe(got)} vs {BatchArrays<T>.Describe(expected)}");
                        }
                    }
                }
            }
        }
    }
}
