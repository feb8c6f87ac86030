using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NashFast.TwoByTwo.Kernels;

/// <summary>
/// The array-of-structs batch: blocks of <see cref="BlockGames"/> games are transposed into structure-of-arrays
/// buffers on the stack, solved by the SoA driver, and the answers interleaved back. Results are those of the SoA
/// kernel (bit-identical), at the cost of one extra pass over the block while it is in L1.
/// </summary>
internal static class AosBlock2x2
{
    /// <summary>Games per stack block: 12 T-columns of 128 doubles are 12 KiB, comfortably inside L1 with the outputs.</summary>
    public const int BlockGames = 128;

    [SkipLocalsInit]
    public static void Solve<T>(ReadOnlySpan<Game2x2<T>> games, Span<Solution2x2<T>> results, TwoByTwoKernel kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (kernel == TwoByTwoKernel.Scalar)
        {
            SolveScalar(games, results);
            return;
        }

        // Columns 0..7: a00 … b11; 8..11: P, Q, row payoff, column payoff. Then mask, count, flags bytes.
        Span<T> columns = stackalloc T[12 * BlockGames];
        Span<byte> bytes = stackalloc byte[3 * BlockGames];
        for (int start = 0; start < games.Length; start += BlockGames)
        {
            int n = Math.Min(BlockGames, games.Length - start);
            ReadOnlySpan<Game2x2<T>> block = games.Slice(start, n);
            Span<Solution2x2<T>> answers = results.Slice(start, n);
            ref T c = ref MemoryMarshal.GetReference(columns);
            for (int k = 0; k < n; k++)
            {
                ref readonly Game2x2<T> x = ref block[k];
                Unsafe.Add(ref c, k) = x.A00;
                Unsafe.Add(ref c, BlockGames + k) = x.A01;
                Unsafe.Add(ref c, (2 * BlockGames) + k) = x.A10;
                Unsafe.Add(ref c, (3 * BlockGames) + k) = x.A11;
                Unsafe.Add(ref c, (4 * BlockGames) + k) = x.B00;
                Unsafe.Add(ref c, (5 * BlockGames) + k) = x.B01;
                Unsafe.Add(ref c, (6 * BlockGames) + k) = x.B10;
                Unsafe.Add(ref c, (7 * BlockGames) + k) = x.B11;
            }

            var g = new Games2x2<T>(columns.Slice(0, n), columns.Slice(BlockGames, n), columns.Slice(2 * BlockGames, n), columns.Slice(3 * BlockGames, n),
                                    columns.Slice(4 * BlockGames, n), columns.Slice(5 * BlockGames, n), columns.Slice(6 * BlockGames, n), columns.Slice(7 * BlockGames, n));
            var r = new Solutions2x2<T>(bytes.Slice(0, n), bytes.Slice(BlockGames, n),
                                        MemoryMarshal.Cast<byte, Solution2x2Flags>(bytes.Slice(2 * BlockGames, n)),
                                        columns.Slice(8 * BlockGames, n), columns.Slice(9 * BlockGames, n),
                                        columns.Slice(10 * BlockGames, n), columns.Slice(11 * BlockGames, n));
            Batch2x2Driver.Solve(g, r, kernel);

            ref byte b = ref MemoryMarshal.GetReference(bytes);
            for (int k = 0; k < n; k++)
            {
                ref Solution2x2<T> s = ref answers[k];
                s.P = Unsafe.Add(ref c, (8 * BlockGames) + k);
                s.Q = Unsafe.Add(ref c, (9 * BlockGames) + k);
                s.RowPayoff = Unsafe.Add(ref c, (10 * BlockGames) + k);
                s.ColumnPayoff = Unsafe.Add(ref c, (11 * BlockGames) + k);
                s.PureMask = Unsafe.Add(ref b, k);
                s.Count = Unsafe.Add(ref b, BlockGames + k);
                s.Flags = (Solution2x2Flags)Unsafe.Add(ref b, (2 * BlockGames) + k);
            }
        }
    }

    private static void SolveScalar<T>(ReadOnlySpan<Game2x2<T>> games, Span<Solution2x2<T>> results)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < games.Length; k++)
        {
            ref readonly Game2x2<T> g = ref games[k];
            ref Solution2x2<T> r = ref results[k];
            Scalar2x2.Solve(g.A00, g.A01, g.A10, g.A11, g.B00, g.B01, g.B10, g.B11,
                            out r.PureMask, out r.Count, out r.Flags, out r.P, out r.Q, out r.RowPayoff, out r.ColumnPayoff);
        }
    }
}
