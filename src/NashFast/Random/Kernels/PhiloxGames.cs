using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NashFast.TwoByTwo;

namespace NashFast.Random.Kernels;

/// <summary>
/// The fused generators of 2×2 random games (the "driver" of the width files <c>PhiloxGames.Vector*.cs</c>): Philox4x32-10
/// over games, one game's counter per lane, writing payoffs straight into the structure-of-arrays chunk.
/// </summary>
/// <remarks>
/// <para>Game <c>g</c> under seed <c>S</c> uses counters <c>(j, g mod 2^32, g >> 32, 0)</c>, j = 0..3, and key
/// <c>(S mod 2^32, S >> 32)</c> — <see cref="PhiloxStream"/> index g, domain 0. Block j yields payoffs 2j and 2j + 1 of
/// <c>a00 a01 a10 a11 b00 b01 b10 b11</c>: uniform from the 64-bit draws <c>r0:r1</c> and <c>r2:r3</c>
/// (<see cref="PhiloxStream.ToUnitDouble"/>), normal as the Box–Muller pair of those draws
/// (<see cref="NormalMath.BoxMuller"/>).</para>
/// <para>Widths: the kernel's width, then narrower for a chunk shorter than one vector, down to scalar. Tail: the last
/// vector starts at <c>n − width</c> and recomputes some games (pure functions of their index, so the same bits are
/// stored again); nothing outside <c>[0, n)</c> is touched. Every width equals the scalar path bit for bit (tested).</para>
/// </remarks>
internal static partial class PhiloxGames
{
    /// <summary>Uniform [0, 1) payoffs of games <c>firstGame … firstGame + d.Length − 1</c>.</summary>
    public static void Uniform(ulong seed, long firstGame, in Payoffs2x2 d, TwoByTwoKernel kernel) => Run(seed, firstGame, d, kernel, normal: false);

    /// <summary>Standard normal payoffs of games <c>firstGame … firstGame + d.Length − 1</c>.</summary>
    public static void Normal(ulong seed, long firstGame, in Payoffs2x2 d, TwoByTwoKernel kernel) => Run(seed, firstGame, d, kernel, normal: true);

    private static void Run(ulong seed, long firstGame, in Payoffs2x2 d, TwoByTwoKernel kernel, bool normal)
    {
        uint k0 = (uint)seed, k1 = (uint)(seed >> 32);
        ulong first = (ulong)firstGame;
        nuint n = (nuint)d.Length;
        if (kernel >= TwoByTwoKernel.Vector512 && n >= (nuint)Vector512<ulong>.Count)
        {
            Run512(d, n, first, k0, k1, normal);
        }
        else if (kernel >= TwoByTwoKernel.Vector256 && n >= (nuint)Vector256<ulong>.Count)
        {
            Run256(d, n, first, k0, k1, normal);
        }
        else if (kernel >= TwoByTwoKernel.Vector128 && n >= (nuint)Vector128<ulong>.Count)
        {
            Run128(d, n, first, k0, k1, normal);
        }
        else
        {
            for (nuint i = 0; i < n; i++)
            {
                if (normal)
                {
                    NormalScalar(d, (int)i, first + i, k0, k1);
                }
                else
                {
                    UniformScalar(d, (int)i, first + i, k0, k1);
                }
            }
        }
    }

    // The width loops are identical but for the vector type; n ≥ width on entry.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run512(in Payoffs2x2 d, nuint n, ulong first, uint k0, uint k1, bool normal)
    {
        nuint width = (nuint)Vector512<ulong>.Count;
        nuint last = n - width;
        Vector512<ulong> lane = Vector512<ulong>.Indices;
        for (nuint i = 0; ; i += width)
        {
            if (i > last)
            {
                i = last; // overlapping last vector (see the remarks)
            }

            Vector512<ulong> g = Vector512.Create(first + i) + lane;
            Vector512<ulong> lo = g & Vector512.Create(0xFFFFFFFFUL), hi = g >>> 32;
            if (normal)
            {
                Normal512(d, i, lo, hi, k0, k1);
            }
            else
            {
                Uniform512(d, i, lo, hi, k0, k1);
            }

            if (i == last)
            {
                break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run256(in Payoffs2x2 d, nuint n, ulong first, uint k0, uint k1, bool normal)
    {
        nuint width = (nuint)Vector256<ulong>.Count;
        nuint last = n - width;
        Vector256<ulong> lane = Vector256<ulong>.Indices;
        for (nuint i = 0; ; i += width)
        {
            if (i > last)
            {
                i = last;
            }

            Vector256<ulong> g = Vector256.Create(first + i) + lane;
            Vector256<ulong> lo = g & Vector256.Create(0xFFFFFFFFUL), hi = g >>> 32;
            if (normal)
            {
                Normal256(d, i, lo, hi, k0, k1);
            }
            else
            {
                Uniform256(d, i, lo, hi, k0, k1);
            }

            if (i == last)
            {
                break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run128(in Payoffs2x2 d, nuint n, ulong first, uint k0, uint k1, bool normal)
    {
        nuint width = (nuint)Vector128<ulong>.Count;
        nuint last = n - width;
        Vector128<ulong> lane = Vector128<ulong>.Indices;
        for (nuint i = 0; ; i += width)
        {
            if (i > last)
            {
                i = last;
            }

            Vector128<ulong> g = Vector128.Create(first + i) + lane;
            Vector128<ulong> lo = g & Vector128.Create(0xFFFFFFFFUL), hi = g >>> 32;
            if (normal)
            {
                Normal128(d, i, lo, hi, k0, k1);
            }
            else
            {
                Uniform128(d, i, lo, hi, k0, k1);
            }

            if (i == last)
            {
                break;
            }
        }
    }

    /// <summary>The specification of the uniform paths: game <paramref name="g"/> into slot <paramref name="i"/>.</summary>
    private static void UniformScalar(in Payoffs2x2 d, int i, ulong g, uint k0, uint k1)
    {
        uint g0 = (uint)g, g1 = (uint)(g >> 32);
        Philox4x32.Block(0, g0, g1, 0, k0, k1, out uint w0, out uint w1, out uint w2, out uint w3);
        d.A00[i] = PhiloxStream.ToUnitDouble(((ulong)w0 << 32) | w1);
        d.A01[i] = PhiloxStream.ToUnitDouble(((ulong)w2 << 32) | w3);
        Philox4x32.Block(1, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
        d.A10[i] = PhiloxStream.ToUnitDouble(((ulong)w0 << 32) | w1);
        d.A11[i] = PhiloxStream.ToUnitDouble(((ulong)w2 << 32) | w3);
        Philox4x32.Block(2, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
        d.B00[i] = PhiloxStream.ToUnitDouble(((ulong)w0 << 32) | w1);
        d.B01[i] = PhiloxStream.ToUnitDouble(((ulong)w2 << 32) | w3);
        Philox4x32.Block(3, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
        d.B10[i] = PhiloxStream.ToUnitDouble(((ulong)w0 << 32) | w1);
        d.B11[i] = PhiloxStream.ToUnitDouble(((ulong)w2 << 32) | w3);
    }

    /// <summary>The specification of the normal paths: game <paramref name="g"/> into slot <paramref name="i"/>.</summary>
    private static void NormalScalar(in Payoffs2x2 d, int i, ulong g, uint k0, uint k1)
    {
        uint g0 = (uint)g, g1 = (uint)(g >> 32);
        Philox4x32.Block(0, g0, g1, 0, k0, k1, out uint w0, out uint w1, out uint w2, out uint w3);
        NormalMath.BoxMuller(((ulong)w0 << 32) | w1, ((ulong)w2 << 32) | w3, out d.A00[i], out d.A01[i]);
        Philox4x32.Block(1, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
        NormalMath.BoxMuller(((ulong)w0 << 32) | w1, ((ulong)w2 << 32) | w3, out d.A10[i], out d.A11[i]);
        Philox4x32.Block(2, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
        NormalMath.BoxMuller(((ulong)w0 << 32) | w1, ((ulong)w2 << 32) | w3, out d.B00[i], out d.B01[i]);
        Philox4x32.Block(3, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
        NormalMath.BoxMuller(((ulong)w0 << 32) | w1, ((ulong)w2 << 32) | w3, out d.B10[i], out d.B11[i]);
    }
}
