using System.Runtime.Intrinsics;

namespace NashFast.Random;

/// <summary>
/// Independent uniform payoffs in [0, 1) with 53 random bits each (<see cref="PhiloxStream.NextDouble"/>), drawn in the
/// order A row-major, then B row-major, from the game's own stream.
/// </summary>
public sealed class UniformDistribution : IGameDistribution
{
    /// <summary>The shared instance.</summary>
    public static UniformDistribution Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "uniform";

    /// <inheritdoc />
    public void Fill(ulong seed, long gameIndex, Span<double> a, Span<double> b)
    {
        GameDistributions.CheckLengths(a, b);
        var s = new PhiloxStream(seed, (ulong)gameIndex);
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = s.NextDouble();
        }

        for (int k = 0; k < b.Length; k++)
        {
            b[k] = s.NextDouble();
        }
    }

    /// <inheritdoc />
    public void Fill2x2(ulong seed, long firstGame, Payoffs2x2 destination)
    {
        // Block j of game g holds payoffs 2j and 2j + 1 (a00 a01 | a10 a11 | b00 b01 | b10 b11): the same numbers
        // PhiloxStream would give, without its per-word bookkeeping.
        uint k0 = (uint)seed, k1 = (uint)(seed >> 32);
        int i = 0;
        if (PhiloxVector.IsSupported)
        {
            Vector256<ulong> lane = Vector256.Create(0UL, 1, 2, 3);
            for (; i + 4 <= destination.Length; i += 4)
            {
                Vector256<ulong> g = Vector256.Create((ulong)(firstGame + i)) + lane;
                Vector256<ulong> lo = g & Vector256.Create(0xFFFFFFFFUL), hi = g >>> 32;
                PhiloxVector.Block(0, lo, hi, k0, k1, out Vector256<ulong> w0, out Vector256<ulong> w1, out Vector256<ulong> w2, out Vector256<ulong> w3);
                PhiloxVector.ToUnitDouble(w0, w1).StoreUnsafe(ref destination.A00[i]);
                PhiloxVector.ToUnitDouble(w2, w3).StoreUnsafe(ref destination.A01[i]);
                PhiloxVector.Block(1, lo, hi, k0, k1, out w0, out w1, out w2, out w3);
                PhiloxVector.ToUnitDouble(w0, w1).StoreUnsafe(ref destination.A10[i]);
                PhiloxVector.ToUnitDouble(w2, w3).StoreUnsafe(ref destination.A11[i]);
                PhiloxVector.Block(2, lo, hi, k0, k1, out w0, out w1, out w2, out w3);
                PhiloxVector.ToUnitDouble(w0, w1).StoreUnsafe(ref destination.B00[i]);
                PhiloxVector.ToUnitDouble(w2, w3).StoreUnsafe(ref destination.B01[i]);
                PhiloxVector.Block(3, lo, hi, k0, k1, out w0, out w1, out w2, out w3);
                PhiloxVector.ToUnitDouble(w0, w1).StoreUnsafe(ref destination.B10[i]);
                PhiloxVector.ToUnitDouble(w2, w3).StoreUnsafe(ref destination.B11[i]);
            }
        }

        for (; i < destination.Length; i++)
        {
            ulong g = (ulong)(firstGame + i);
            uint g0 = (uint)g, g1 = (uint)(g >> 32);
            Philox4x32.Block(0, g0, g1, 0, k0, k1, out uint w0, out uint w1, out uint w2, out uint w3);
            destination.A00[i] = PhiloxStream.ToUnitDouble(((ulong)w0 << 32) | w1);
            destination.A01[i] = PhiloxStream.ToUnitDouble(((ulong)w2 << 32) | w3);
            Philox4x32.Block(1, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
            destination.A10[i] = PhiloxStream.ToUnitDouble(((ulong)w0 << 32) | w1);
            destination.A11[i] = PhiloxStream.ToUnitDouble(((ulong)w2 << 32) | w3);
            Philox4x32.Block(2, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
            destination.B00[i] = PhiloxStream.ToUnitDouble(((ulong)w0 << 32) | w1);
            destination.B01[i] = PhiloxStream.ToUnitDouble(((ulong)w2 << 32) | w3);
            Philox4x32.Block(3, g0, g1, 0, k0, k1, out w0, out w1, out w2, out w3);
            destination.B10[i] = PhiloxStream.ToUnitDouble(((ulong)w0 << 32) | w1);
            destination.B11[i] = PhiloxStream.ToUnitDouble(((ulong)w2 << 32) | w3);
        }
    }
}
