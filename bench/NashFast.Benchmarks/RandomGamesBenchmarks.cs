using BenchmarkDotNet.Attributes;
using NashFast.Random;
using NashFast.TwoByTwo;

namespace NashFast.Benchmarks;

/// <summary>
/// Generation alone: one fused runner chunk of 2×2 games (block-seeded xoshiro256++, one block of 256 games per lane, uniform or Box–Muller normal doubles)
/// at each vector width. The scalar path is the baseline; every width must write the same bits (checked in setup).
/// </summary>
[MemoryDiagnoser]
public class RandomGamesBenchmarks
{
    private const int Chunk = 2048; // the fused runner's chunk

    /// <summary>Payoff distribution.</summary>
    [Params("uniform", "normal")]
    public string Distribution { get; set; } = "uniform";

    /// <summary>Vector width of the generator.</summary>
    [Params(TwoByTwoKernel.Scalar, TwoByTwoKernel.Vector128, TwoByTwoKernel.Vector256, TwoByTwoKernel.Vector512)]
    public TwoByTwoKernel Kernel { get; set; }

    private readonly double[][] _p = Buffers();
    private long _next;

    private static double[][] Buffers()
    {
        var p = new double[8][];
        for (int k = 0; k < 8; k++)
        {
            p[k] = new double[Chunk];
        }

        return p;
    }

    /// <summary>Throws unless this width writes the scalar path's bits on a chunk that crosses game index 2^32.</summary>
    [GlobalSetup]
    public void Setup()
    {
        double[][] reference = Buffers();
        Fill(reference, (1L << 32) - 1000, TwoByTwoKernel.Scalar);
        Fill(_p, (1L << 32) - 1000, Kernel);
        for (int k = 0; k < 8; k++)
        {
            for (int i = 0; i < Chunk; i++)
            {
                if (BitConverter.DoubleToInt64Bits(reference[k][i]) != BitConverter.DoubleToInt64Bits(_p[k][i]))
                {
                    throw new InvalidOperationException($"Cross-check failed: {Kernel} {Distribution} payoff {k} of game {i} differs from the scalar path.");
                }
            }
        }
    }

    /// <summary>Generates the next chunk of 2048 games.</summary>
    [Benchmark(OperationsPerInvoke = Chunk)]
    public double GenerateChunk()
    {
        Fill(_p, _next, Kernel);
        _next += Chunk;
        return _p[7][Chunk - 1];
    }

    private void Fill(double[][] p, long first, TwoByTwoKernel kernel)
    {
        var d = new Payoffs2x2(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
        if (Distribution == "uniform")
        {
            UniformDistribution.Fill2x2(1, first, d, kernel);
        }
        else
        {
            NormalDistribution.Fill2x2(1, first, d, kernel);
        }
    }
}
