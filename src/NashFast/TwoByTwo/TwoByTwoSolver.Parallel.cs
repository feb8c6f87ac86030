using System.Numerics;
using CommunityToolkit.HighPerformance.Helpers;
using NashFast.Internal;
using NashFast.TwoByTwo.Kernels;

namespace NashFast.TwoByTwo;

public static partial class TwoByTwoSolver
{
    /// <summary>
    /// Games per parallel work item. Fixed, so the split does not depend on the thread count; the results do not
    /// depend on it either (every game is solved independently by the same operations).
    /// </summary>
    public const int ParallelChunkGames = 16_384;

    /// <summary>
    /// <see cref="Solve{T}(Games2x2{T}, Solutions2x2{T})"/> over chunks of <see cref="ParallelChunkGames"/> games on the
    /// thread pool; results identical to the sequential call. Batches of one chunk or less run on the calling thread.
    /// </summary>
    /// <exception cref="ArgumentException">An output span is shorter than the batch (the message names it).</exception>
    public static void SolveParallel<T>(Games2x2<T> games, Solutions2x2<T> results)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        SolveParallel(games, results, ActiveKernel);

    /// <summary>The parallel structure-of-arrays solve with the given kernel.</summary>
    /// <exception cref="ArgumentException">An output span is shorter than the batch (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kernel"/> is not a defined kernel.</exception>
    public static unsafe void SolveParallel<T>(Games2x2<T> games, Solutions2x2<T> results, TwoByTwoKernel kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TwoByTwoKernelFactory.Validate(kernel, nameof(kernel));
        results.Validate(games.Length);
        kernel = Effective<T>(kernel);
        int n = games.Length;
        if (n <= ParallelChunkGames)
        {
            Batch2x2Driver.Solve(games, results, kernel);
            return;
        }

        // Spans cannot cross threads: pin every span for the duration of the call and hand raw pointers to the workers.
        fixed (T* a00 = games.A00, a01 = games.A01, a10 = games.A10, a11 = games.A11,
                  b00 = games.B00, b01 = games.B01, b10 = games.B10, b11 = games.B11,
                  p = results.P, q = results.Q, u = results.RowPayoff, v = results.ColumnPayoff)
        fixed (byte* mask = results.PureMask, count = results.Count)
        fixed (Solution2x2Flags* flags = results.Flags)
        {
            var action = new SoaChunk<T>(a00, a01, a10, a11, b00, b01, b10, b11, mask, count, flags, p, q,
                                         results.WantsPayoffs ? u : null, results.WantsPayoffs ? v : null, n, kernel);
            ParallelHelper.For(0, ChunkCount(n), in action);
        }
    }

    /// <summary>
    /// <see cref="Solve{T}(ReadOnlySpan{Game2x2{T}}, Span{Solution2x2{T}})"/> over chunks on the thread pool; results
    /// identical to the sequential call.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="games"/>.</exception>
    public static void SolveParallel<T>(ReadOnlySpan<Game2x2<T>> games, Span<Solution2x2<T>> results)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        SolveParallel(games, results, ActiveKernel);

    /// <summary>The parallel array-of-structs solve with the given kernel.</summary>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="games"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kernel"/> is not a defined kernel.</exception>
    public static unsafe void SolveParallel<T>(ReadOnlySpan<Game2x2<T>> games, Span<Solution2x2<T>> results, TwoByTwoKernel kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TwoByTwoKernelFactory.Validate(kernel, nameof(kernel));
        if (results.Length < games.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(results), results.Length, games.Length);
        }

        kernel = Effective<T>(kernel);
        int n = games.Length;
        if (n <= ParallelChunkGames)
        {
            AosBlock2x2.Solve(games, results[..n], kernel);
            return;
        }

        fixed (Game2x2<T>* g = games)
        fixed (Solution2x2<T>* r = results)
        {
            var action = new AosChunk<T>(g, r, n, kernel);
            ParallelHelper.For(0, ChunkCount(n), in action);
        }
    }

    private static int ChunkCount(int n) => (int)(((long)n + ParallelChunkGames - 1) / ParallelChunkGames);

    /// <summary>One structure-of-arrays chunk: pointers into the caller's pinned spans, valid while the call runs.</summary>
    private readonly unsafe struct SoaChunk<T>(T* a00, T* a01, T* a10, T* a11, T* b00, T* b01, T* b10, T* b11,
                                               byte* mask, byte* count, Solution2x2Flags* flags, T* p, T* q, T* u, T* v,
                                               int length, TwoByTwoKernel kernel) : IAction
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Invoke(int chunk)
        {
            int start = chunk * ParallelChunkGames;
            int n = Math.Min(ParallelChunkGames, length - start);
            var g = new Games2x2<T>(new(a00 + start, n), new(a01 + start, n), new(a10 + start, n), new(a11 + start, n),
                                    new(b00 + start, n), new(b01 + start, n), new(b10 + start, n), new(b11 + start, n));
            var r = u is null
                ? new Solutions2x2<T>(new(mask + start, n), new(count + start, n), new(flags + start, n), new(p + start, n), new(q + start, n))
                : new Solutions2x2<T>(new(mask + start, n), new(count + start, n), new(flags + start, n), new(p + start, n), new(q + start, n),
                                      new(u + start, n), new(v + start, n));
            Batch2x2Driver.Solve(g, r, kernel);
        }
    }

    /// <summary>One array-of-structs chunk.</summary>
    private readonly unsafe struct AosChunk<T>(Game2x2<T>* games, Solution2x2<T>* results, int length, TwoByTwoKernel kernel) : IAction
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Invoke(int chunk)
        {
            int start = chunk * ParallelChunkGames;
            int n = Math.Min(ParallelChunkGames, length - start);
            AosBlock2x2.Solve(new ReadOnlySpan<Game2x2<T>>(games + start, n), new Span<Solution2x2<T>>(results + start, n), kernel);
        }
    }
}
