using NashFast.TwoByTwo;
using NashFast.TwoByTwo.Kernels;

namespace NashFast.Tests.TwoByTwo;

/// <summary>Bad arguments, kernel selection and the zero-allocation promise of the batch API.</summary>
public class BatchApiTests
{
    private static readonly string[] InputNames = ["a00", "a01", "a10", "a11", "b00", "b01", "b10", "b11"];

    [Fact]
    public void MismatchedInputSpan_ThrowsArgumentException_NamingTheSpan()
    {
        for (int bad = 1; bad < 8; bad++)
        {
            var spans = new double[8][];
            for (int e = 0; e < 8; e++)
            {
                spans[e] = new double[e == bad ? 4 : 5];
            }

            var ex = Assert.Throws<ArgumentException>(() => new Games2x2<double>(spans[0], spans[1], spans[2], spans[3], spans[4], spans[5], spans[6], spans[7]));
            Assert.Equal(InputNames[bad], ex.ParamName);
            Assert.Contains(InputNames[bad], ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("PureMask")]
    [InlineData("Count")]
    [InlineData("Flags")]
    [InlineData("P")]
    [InlineData("Q")]
    [InlineData("RowPayoff")]
    [InlineData("ColumnPayoff")]
    public void ShortOutputSpan_ThrowsArgumentException_NamingTheSpan(string name)
    {
        foreach (TwoByTwoKernel kernel in TwoByTwoSolver.Kernels)
        {
            var b = new BatchArrays<double>(10);
            int Len(string n) => n == name ? 9 : 10;
            var ex = Assert.Throws<ArgumentException>(() => TwoByTwoSolver.Solve(b.Games,
                new Solutions2x2<double>(b.Mask.AsSpan(0, Len("PureMask")), b.Count.AsSpan(0, Len("Count")), b.Flags.AsSpan(0, Len("Flags")),
                                         b.P.AsSpan(0, Len("P")), b.Q.AsSpan(0, Len("Q")), b.U.AsSpan(0, Len("RowPayoff")), b.V.AsSpan(0, Len("ColumnPayoff"))), kernel));
            Assert.Equal(name, ex.ParamName);
            var exParallel = Assert.Throws<ArgumentException>(() => TwoByTwoSolver.SolveParallel(b.Games,
                new Solutions2x2<double>(b.Mask.AsSpan(0, Len("PureMask")), b.Count.AsSpan(0, Len("Count")), b.Flags.AsSpan(0, Len("Flags")),
                                         b.P.AsSpan(0, Len("P")), b.Q.AsSpan(0, Len("Q")), b.U.AsSpan(0, Len("RowPayoff")), b.V.AsSpan(0, Len("ColumnPayoff"))), kernel));
            Assert.Equal(name, exParallel.ParamName);
        }
    }

    [Fact]
    public void ShortArrayOfStructsResults_ThrowsArgumentException_NamingResults()
    {
        var games = new Game2x2<float>[3];
        var ex = Assert.Throws<ArgumentException>(() => TwoByTwoSolver.Solve<float>(games, new Solution2x2<float>[2]));
        Assert.Equal("results", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => TwoByTwoSolver.SolveParallel<float>(games, new Solution2x2<float>[2]));
        Assert.Equal("results", ex.ParamName);
    }

    [Fact]
    public void UndefinedKernel_ThrowsArgumentOutOfRange()
    {
        var b = new BatchArrays<double>(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoByTwoSolver.Solve(b.Games, b.Results(true), (TwoByTwoKernel)7));
    }

    [Fact]
    public void KernelFactory_ListsEveryKernel_AndParsesTheEnvironmentVariable()
    {
        Assert.Equal([TwoByTwoKernel.Scalar, TwoByTwoKernel.Vector128, TwoByTwoKernel.Vector256, TwoByTwoKernel.Vector512], TwoByTwoSolver.Kernels);
        Assert.True(TwoByTwoSolver.IsHardwareAccelerated(TwoByTwoKernel.Scalar));
        Assert.Equal(TwoByTwoKernelFactory.Widest(), TwoByTwoKernelFactory.Resolve(null, out string? none));
        Assert.Null(none);
        Assert.Equal(TwoByTwoKernelFactory.Widest(), TwoByTwoKernelFactory.Resolve("  ", out _));
        Assert.Equal(TwoByTwoKernel.Vector128, TwoByTwoKernelFactory.Resolve("vector128", out _));
        Assert.Equal(TwoByTwoKernel.Scalar, TwoByTwoKernelFactory.Resolve("Scalar", out _));
        TwoByTwoKernelFactory.Resolve("avx2", out string? error);
        Assert.NotNull(error);
        Assert.Contains("NASHFAST_KERNEL", error, StringComparison.Ordinal);
        Assert.Contains("avx2", error, StringComparison.Ordinal);

        // The widest accelerated kernel is accelerated, and every wider one is not.
        TwoByTwoKernel widest = TwoByTwoKernelFactory.Widest();
        Assert.True(TwoByTwoSolver.IsHardwareAccelerated(widest));
        for (var k = widest + 1; k <= TwoByTwoKernel.Vector512; k++)
        {
            Assert.False(TwoByTwoSolver.IsHardwareAccelerated(k));
        }

        // The active kernel is what the environment asks for in this process (CI leaves it unset).
        string? env = Environment.GetEnvironmentVariable("NASHFAST_KERNEL");
        TwoByTwoKernel expected = TwoByTwoKernelFactory.Resolve(env, out string? envError);
        if (envError is null)
        {
            Assert.Equal(expected, TwoByTwoSolver.ActiveKernel);
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => TwoByTwoSolver.ActiveKernel);
        }
    }

    [Fact]
    public void SequentialBatchCalls_AllocateNothing_AfterWarmUp()
    {
        var d = new BatchArrays<double>(1001);
        var f = new BatchArrays<float>(1001);
        var rng = new System.Random(7);
        for (int e = 0; e < 8; e++)
        {
            for (int k = 0; k < 1001; k++)
            {
                d.In[e][k] = rng.Next(0, 4);
                f.In[e][k] = rng.Next(0, 4);
            }
        }

        var aosD = new Game2x2<double>[1001];
        var aosF = new Game2x2<float>[1001];
        var outD = new Solution2x2<double>[1001];
        var outF = new Solution2x2<float>[1001];

        foreach (TwoByTwoKernel kernel in TwoByTwoSolver.Kernels)
        {
            for (int round = 0; round < 2; round++) // round 0 warms up (JIT, statics), round 1 is measured
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                TwoByTwoSolver.Solve(d.Games, d.Results(true), kernel);
                TwoByTwoSolver.Solve(d.Games, d.Results(false), kernel);
                TwoByTwoSolver.Solve(f.Games, f.Results(true), kernel);
                TwoByTwoSolver.Solve(f.Games, f.Results(false), kernel);
                TwoByTwoSolver.Solve<double>(aosD, outD, kernel);
                TwoByTwoSolver.Solve<float>(aosF, outF, kernel);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (round == 1)
                {
                    Assert.True(allocated == 0, $"{kernel}: {allocated} bytes allocated");
                }
            }
        }

        for (int round = 0; round < 2; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            TwoByTwoSolver.Solve(d.Games, d.Results(true));
            TwoByTwoSolver.Solve<double>(aosD, outD);
            _ = TwoByTwoSolver.ActiveKernel;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round == 1)
            {
                Assert.True(allocated == 0, $"default kernel: {allocated} bytes allocated");
            }
        }
    }
}
