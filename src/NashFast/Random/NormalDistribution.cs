using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NashFast.Random;

/// <summary>
/// Independent standard normal payoffs N(0, 1) by the Box–Muller transform (<see cref="PhiloxStream.NextNormalPair"/>,
/// one Philox block per pair), in the order A row-major, then B row-major.
/// </summary>
/// <remarks>
/// Box–Muller rather than the Ziggurat: it uses a fixed number of random words per deviate (no rejection), so the
/// fused 2×2 generator computes exactly four Philox blocks per game. It calls <see cref="Math.Log(double)"/> and
/// <see cref="Math.SinCos(double)"/>, whose last-bit rounding is the platform's C library's: runs are bit-identical
/// for any thread count, chunking and shard split on one platform, and agree across platforms up to those last bits.
/// </remarks>
public sealed class NormalDistribution : IGameDistribution
{
    /// <summary>The shared instance.</summary>
    public static NormalDistribution Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "normal";

    /// <inheritdoc />
    public void Fill(ulong seed, long gameIndex, Span<double> a, Span<double> b)
    {
        GameDistributions.CheckLengths(a, b);
        var s = new PhiloxStream(seed, (ulong)gameIndex);
        int n = a.Length;
        for (int k = 0; k < 2 * n; k += 2)
        {
            s.NextNormalPair(out double z0, out double z1);
            Put(a, b, n, k, z0);
            Put(a, b, n, k + 1, z1);
        }
    }

    /// <inheritdoc />
    public void Fill2x2(ulong seed, long firstGame, Payoffs2x2 destination)
    {
        uint k0 = (uint)seed, k1 = (uint)(seed >> 32);
        int i = 0;
        if (PhiloxVector.IsSupported)
        {
            // Philox four games at a time; Box–Muller stays scalar (Math.Log / Math.SinCos, as in Fill).
            Vector256<ulong> lane = Vector256.Create(0UL, 1, 2, 3);
            for (; i + 4 <= destination.Length; i += 4)
            {
                Vector256<ulong> g = Vector256.Create((ulong)(firstGame + i)) + lane;
                Vector256<ulong> lo = g & Vector256.Create(0xFFFFFFFFUL), hi = g >>> 32;
                Pairs(0, lo, hi, k0, k1, destination.A00.Slice(i, 4), destination.A01.Slice(i, 4));
                Pairs(1, lo, hi, k0, k1, destination.A10.Slice(i, 4), destination.A11.Slice(i, 4));
                Pairs(2, lo, hi, k0, k1, destination.B00.Slice(i, 4), destination.B01.Slice(i, 4));
                Pairs(3, lo, hi, k0, k1, destination.B10.Slice(i, 4), destination.B11.Slice(i, 4));
            }
        }

        for (; i < destination.Length; i++)
        {
            ulong g = (ulong)(firstGame + i);
            uint g0 = (uint)g, g1 = (uint)(g >> 32);
            Philox4x32.Block(0, g0, g1, 0, k0, k1, out uint w0, out uint w1, out uint w2, out uint w3);
            PhiloxStream.BoxMuller(((ulong)w0 << 32) | w1, ((ulong)w2 << 32) | w3, out destination.A00[i], out destination.A01[i]);
            Philox4x32.Block(1, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
            PhiloxStream.BoxMuller(((ulong)w0 << 32) | w1, ((ulong)w2 << 32) | w3, out destination.A10[i], out destination.A11[i]);
            Philox4x32.Block(2, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
            PhiloxStream.BoxMuller(((ulong)w0 << 32) | w1, ((ulong)w2 << 32) | w3, out destination.B00[i], out destination.B01[i]);
            Philox4x32.Block(3, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
            PhiloxStream.BoxMuller(((ulong)w0 << 32) | w1, ((ulong)w2 << 32) | w3, out destination.B10[i], out destination.B11[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pairs(uint block, Vector256<ulong> lo, Vector256<ulong> hi, uint k0, uint k1, Span<double> first, Span<double> second)
    {
        PhiloxVector.Block(block, lo, hi, k0, k1, out Vector256<ulong> w0, out Vector256<ulong> w1, out Vector256<ulong> w2, out Vector256<ulong> w3);
        Vector256<ulong> x = (w0 << 32) | w1, y = (w2 << 32) | w3;
        for (int l = 0; l < 4; l++)
        {
            PhiloxStream.BoxMuller(x.GetElement(l), y.GetElement(l), out first[l], out second[l]);
        }
    }

    private static void Put(Span<double> a, Span<double> b, int n, int k, double z)
    {
        if (k < n)
        {
            a[k] = z;
        }
        else
        {
            b[k - n] = z;
        }
    }
}
