using System.Runtime.CompilerServices;

namespace NashFast.Random;

/// <summary>
/// The Philox4x32-10 counter-based generator (Salmon, Moraes, Dror, Shaw, "Parallel random numbers: as easy as
/// 1, 2, 3", SC 2011): a keyed bijection of a 128-bit counter, ten rounds of 32×32→64-bit multiplications.
/// </summary>
/// <remarks>
/// Statistical quality (from the paper and the Random123 distribution): Philox4x32 with 10 rounds passes TestU01's
/// SmallCrush, Crush and BigCrush on many streams (the authors found 7 rounds the smallest "Crush-resistant" count
/// and recommend 10 for a safety margin). It is also the default generator of cuRAND's Philox, JAX and NumPy's
/// <c>Philox</c> bit generator. Its period per key is 2^130 bits; keys (the seed) give 2^64 independent streams.
/// Being counter-based, the numbers for any counter can be computed directly — which is what makes the generator state
/// of every block of random games (<see cref="GameStream"/>) a pure function of (seed, block index), whatever the thread
/// count, chunking or machine.
/// Verified against the Random123 known-answer vectors (<c>kat_vectors</c>) in the tests.
/// </remarks>
public static class Philox4x32
{
    /// <summary>First round multiplier.</summary>
    public const uint M0 = 0xD2511F53;

    /// <summary>Second round multiplier.</summary>
    public const uint M1 = 0xCD9E8D57;

    /// <summary>First Weyl key increment (golden ratio).</summary>
    public const uint W0 = 0x9E3779B9;

    /// <summary>Second Weyl key increment (√3 − 1).</summary>
    public const uint W1 = 0xBB67AE85;

    /// <summary>Computes one Philox4x32-10 block: the four 32-bit outputs for counter <c>(c0..c3)</c> and key <c>(k0, k1)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1,
                             out uint r0, out uint r1, out uint r2, out uint r3)
    {
        for (int round = 0; round < 10; round++)
        {
            if (round > 0)
            {
                k0 += W0;
                k1 += W1;
            }

            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint n0 = (uint)(p1 >> 32) ^ c1 ^ k0;
            uint n1 = (uint)p1;
            uint n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
            uint n3 = (uint)p0;
            c0 = n0; c1 = n1; c2 = n2; c3 = n3;
        }

        r0 = c0; r1 = c1; r2 = c2; r3 = c3;
    }
}
