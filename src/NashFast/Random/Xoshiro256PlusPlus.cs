using System.Numerics;
using System.Runtime.CompilerServices;

namespace NashFast.Random;

/// <summary>
/// The xoshiro256++ generator (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators", ACM
/// Transactions on Mathematical Software 47(4), 2021): 256 bits of state, 64-bit outputs
/// <c>rotl(s0 + s3, 23) + s0</c>, period 2^256 − 1.
/// </summary>
/// <remarks>
/// Statistical quality, as its authors report it (the paper's test tables and prng.di.unimi.it; not re-tested here):
/// xoshiro256++ shows no systematic failure in TestU01's BigCrush, on direct and bit-reversed output, nor in PractRand
/// runs of terabytes; unlike xoshiro256+ its low bits have no linear artifacts, so all 64 bits may be used. Here each generator only ever produces a few
/// thousand outputs from a state set by Philox4x32-10 (<see cref="GameStream"/>), far from any length where
/// the linear structure of the state transition could show. A mutable value type: pass it by <c>ref</c>.
/// </remarks>
public struct Xoshiro256PlusPlus
{
    /// <summary>The replacement for an all-zero state (which xoshiro cannot leave): 2^64/φ in the first word.</summary>
    public const ulong ZeroStateReplacement = 0x9E3779B97F4A7C15UL;

    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Starts from the state <c>(s0, s1, s2, s3)</c>; the all-zero state is replaced by <c>(<see cref="ZeroStateReplacement"/>, 0, 0, 0)</c>.</summary>
    public Xoshiro256PlusPlus(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            s0 = ZeroStateReplacement;
        }

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>The next 64-bit output (the reference algorithm's <c>next()</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        ulong result = BitOperations.RotateLeft(_s0 + _s3, 23) + _s0;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>The state words (for the vector paths, which keep one generator per lane).</summary>
    internal readonly void GetState(out ulong s0, out ulong s1, out ulong s2, out ulong s3)
    {
        s0 = _s0; s1 = _s1; s2 = _s2; s3 = _s3;
    }
}
