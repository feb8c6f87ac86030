using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BenchmarkDotNet.Attributes;
using NashFast.Random;
using NashFast.TwoByTwo;

namespace NashFast.Benchmarks;

/// <summary>
/// A yardstick for the choice of generator, not the library's: 2×2 uniform games from xoshiro256++ (Blackman and Vigna,
/// "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021), eight streams per Vector512, each stream
/// seeded per block of 32 of its games by SplitMix64 of (seed, block, lane), written contiguously, against the library's
/// generator on the same chunk (2048 games, 53-bit doubles): block-seeded xoshiro256++ too since issue 5's switch from
/// Philox4x32-10, but writing each lane's game to its own slot (8 blocks of 256 games side by side). Only the speed is of interest; the numbers are not checked
/// beyond being in [0, 1).
/// </summary>
[MemoryDiagnoser]
public class GeneratorYardstickBenchmarks
{
    private const int Chunk = 2048;
    private const int StepsPerBlock = 32; // games per stream and block: a block is 8 lanes × 32 games = 256 games

    /// <summary>The generator timed.</summary>
    [Params("library", "xoshiro256pp")]
    public string Generator { get; set; } = "library";

    private readonly double[][] _p = Enumerable.Range(0, 8).Select(_ => new double[Chunk]).ToArray();
    private long _next;

    /// <summary>Checks that the yardstick writes numbers in [0, 1).</summary>
    /// <remarks>Written for Vector512 (AVX-512 rotates); elsewhere the runtime emulates it, slowly: compare only on AVX-512.</remarks>
    [GlobalSetup]
    public void Setup()
    {
        Generate();
        if (_p.Any(a => a.Any(x => !(x >= 0 && x < 1))))
        {
            throw new InvalidOperationException("Cross-check failed: a payoff outside [0, 1).");
        }
    }

    /// <summary>Generates the next chunk of 2048 games.</summary>
    [Benchmark(OperationsPerInvoke = Chunk)]
    public double Generate()
    {
        long first = _next;
        _next += Chunk;
        if (Generator == "library")
        {
            UniformDistribution.Fill2x2(1, first, new Payoffs2x2(_p[0], _p[1], _p[2], _p[3], _p[4], _p[5], _p[6], _p[7]), TwoByTwoKernel.Vector512);
        }
        else
        {
            Xoshiro(1, first / (8 * StepsPerBlock));
        }

        return _p[7][Chunk - 1];
    }

    private void Xoshiro(ulong seed, long firstBlock)
    {
        Vector512<ulong> lane = Vector512<ulong>.Indices;
        Vector512<double> unit = Vector512.Create(1.0 / (1UL << 53));
        for (int b = 0; b < Chunk / (8 * StepsPerBlock); b++)
        {
            Vector512<ulong> stream = (Vector512.Create((ulong)(firstBlock + b) * 8) + lane) * 4;
            Vector512<ulong> key = Vector512.Create(SplitMix(seed));
            Vector512<ulong> s0 = SplitMix(key + stream), s1 = SplitMix(key + stream + Vector512<ulong>.One);
            Vector512<ulong> s2 = SplitMix(key + stream + Vector512.Create(2UL)), s3 = SplitMix(key + stream + Vector512.Create(3UL));
            int offset = b * 8 * StepsPerBlock;
            for (int t = 0; t < StepsPerBlock; t++)
            {
                nuint i = (nuint)(offset + (t * 8));
                for (int k = 0; k < 8; k++)
                {
                    Vector512<ulong> r = Next(ref s0, ref s1, ref s2, ref s3);
                    (Vector512.ConvertToDouble((r >>> 11).AsInt64()) * unit).StoreUnsafe(ref _p[k][0], i);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Next(ref Vector512<ulong> s0, ref Vector512<ulong> s1, ref Vector512<ulong> s2, ref Vector512<ulong> s3)
    {
        Vector512<ulong> sum = s0 + s3;
        Vector512<ulong> result = (Avx512F.IsSupported ? Avx512F.RotateLeft(sum, 23) : (sum << 23) | (sum >>> 41)) + s0;
        Vector512<ulong> t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Avx512F.IsSupported ? Avx512F.RotateLeft(s3, 45) : (s3 << 45) | (s3 >>> 19);
        return result;
    }

    private static ulong SplitMix(ulong x)
    {
        ulong z = x + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> SplitMix(Vector512<ulong> x)
    {
        Vector512<ulong> z = x + Vector512.Create(0x9E3779B97F4A7C15UL);
        z = (z ^ (z >>> 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >>> 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ (z >>> 31);
    }
}
