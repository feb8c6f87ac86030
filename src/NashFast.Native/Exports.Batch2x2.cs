using System.Runtime.InteropServices;
using System.Numerics;
using NashFast.TwoByTwo;

namespace NashFast.Native;

public static unsafe partial class Exports
{
    // Spans hold at most int.MaxValue elements; a longer C batch is solved in chunks of this many games.
    private const long ChunkGames = 1L << 30;

    /// <summary>
    /// <c>nf_solve2x2_f64</c>: the 2×2 batch solver over caller-owned structure-of-arrays buffers of <paramref name="n"/>
    /// games. <paramref name="rowPayoff"/> and <paramref name="columnPayoff"/> are both NULL (skip) or both given.
    /// </summary>
    /// <returns><c>NF_OK</c>, or <c>NF_E_NULL</c> / <c>NF_E_SIZE</c> (nothing written).</returns>
    [UnmanagedCallersOnly(EntryPoint = "nf_solve2x2_f64")]
    public static int Solve2x2F64(
        double* a00, double* a01, double* a10, double* a11, double* b00, double* b01, double* b10, double* b11,
        byte* mask, byte* count, byte* flags, double* p, double* q, double* rowPayoff, double* columnPayoff, long n) =>
        SolveBatch("nf_solve2x2_f64", a00, a01, a10, a11, b00, b01, b10, b11, mask, count, flags, p, q, rowPayoff, columnPayoff, n);

    /// <summary><c>nf_solve2x2_f32</c>: <see cref="Solve2x2F64"/> in single precision.</summary>
    /// <returns><c>NF_OK</c>, or <c>NF_E_NULL</c> / <c>NF_E_SIZE</c> (nothing written).</returns>
    [UnmanagedCallersOnly(EntryPoint = "nf_solve2x2_f32")]
    public static int Solve2x2F32(
        float* a00, float* a01, float* a10, float* a11, float* b00, float* b01, float* b10, float* b11,
        byte* mask, byte* count, byte* flags, float* p, float* q, float* rowPayoff, float* columnPayoff, long n) =>
        SolveBatch("nf_solve2x2_f32", a00, a01, a10, a11, b00, b01, b10, b11, mask, count, flags, p, q, rowPayoff, columnPayoff, n);

    private static int SolveBatch<T>(
        string function, T* a00, T* a01, T* a10, T* a11, T* b00, T* b01, T* b10, T* b11,
        byte* mask, byte* count, byte* flags, T* p, T* q, T* rowPayoff, T* columnPayoff, long n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
#pragma warning disable CA1031 // The C boundary: every exception must become a status code, whatever its type.
        try
        {
            int status = ValidateBatch(function, a00, a01, a10, a11, b00, b01, b10, b11, mask, count, flags, p, q, rowPayoff, columnPayoff, n);
            if (status != NativeStatus.Ok)
            {
                return status;
            }

            bool payoffs = rowPayoff != null;
            for (long start = 0; start < n; start += ChunkGames)
            {
                int length = (int)Math.Min(ChunkGames, n - start);
                var games = new Games2x2<T>(
                    new ReadOnlySpan<T>(a00 + start, length), new ReadOnlySpan<T>(a01 + start, length),
                    new ReadOnlySpan<T>(a10 + start, length), new ReadOnlySpan<T>(a11 + start, length),
                    new ReadOnlySpan<T>(b00 + start, length), new ReadOnlySpan<T>(b01 + start, length),
                    new ReadOnlySpan<T>(b10 + start, length), new ReadOnlySpan<T>(b11 + start, length));
                var results = new Solutions2x2<T>(
                    new Span<byte>(mask + start, length), new Span<byte>(count + start, length),
                    new Span<Solution2x2Flags>(flags + start, length),
                    new Span<T>(p + start, length), new Span<T>(q + start, length),
                    payoffs ? new Span<T>(rowPayoff + start, length) : default,
                    payoffs ? new Span<T>(columnPayoff + start, length) : default);
                TwoByTwoSolver.Solve(games, results);
            }

            LastError.Clear();
            return NativeStatus.Ok;
        }
        catch (Exception e)
        {
            return FromException(function, e);
        }
#pragma warning restore CA1031
    }

    private static int ValidateBatch<T>(
        string function, T* a00, T* a01, T* a10, T* a11, T* b00, T* b01, T* b10, T* b11,
        byte* mask, byte* count, byte* flags, T* p, T* q, T* rowPayoff, T* columnPayoff, long n)
        where T : unmanaged
    {
        if (n < 0)
        {
            return Fail(NativeStatus.Size, $"{function}: n is {n}; the number of games must be >= 0.");
        }

        // Checked in parameter order so the message names the first bad one, even for an empty batch.
        string? missing =
            a00 == null ? "a00" : a01 == null ? "a01" : a10 == null ? "a10" : a11 == null ? "a11" :
            b00 == null ? "b00" : b01 == null ? "b01" : b10 == null ? "b10" : b11 == null ? "b11" :
            mask == null ? "mask" : count == null ? "count" : flags == null ? "flags" : p == null ? "p" : q == null ? "q" : null;
        if (missing is not null)
        {
            return Fail(NativeStatus.Null, $"{function}: '{missing}' is NULL; every input array and mask, count, flags, p, q must point to n elements.");
        }

        if ((rowPayoff == null) != (columnPayoff == null))
        {
            string given = rowPayoff == null ? "col_payoff" : "row_payoff";
            string absent = rowPayoff == null ? "row_payoff" : "col_payoff";
            return Fail(NativeStatus.Null, $"{function}: '{absent}' is NULL but '{given}' is not; pass both payoff arrays or neither.");
        }

        return NativeStatus.Ok;
    }
}
