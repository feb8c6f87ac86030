using System.Runtime.CompilerServices;

namespace NashFast.Random;

/// <summary>
/// A sequential stream of random words drawn from Philox4x32-10 at counters <c>(0, s, s>>32, domain)</c>,
/// <c>(1, s, s>>32, domain)</c>, … for stream index <c>s</c> under the key <c>(seed, seed>>32)</c>: any stream of any
/// seed computed directly from its index. The random games use it as the strong mixer from (seed, block index) to each
/// block's xoshiro256++ state (<see cref="GameStream"/>, domain 1).
/// </summary>
/// <remarks>
/// Words are consumed in block order, <c>r0, r1, r2, r3</c> within a block. A 64-bit draw is
/// <c>(first word &lt;&lt; 32) | second word</c>. A mutable value type: pass it by <c>ref</c>.
/// </remarks>
public struct PhiloxStream
{
    private const double DoubleUnit = 1.0 / (1UL << 53);
    private const float SingleUnit = 1.0f / (1 << 24);

    private readonly uint _k0, _k1, _s0, _s1, _domain;
    private uint _block;
    private uint _w0, _w1, _w2, _w3;
    private int _next; // index of the next unused word of the current block; 4 = none left

    /// <summary>Opens stream <paramref name="streamIndex"/> of <paramref name="seed"/>, in domain <paramref name="domain"/> (0 for game payoffs).</summary>
    public PhiloxStream(ulong seed, ulong streamIndex, uint domain = 0)
    {
        _k0 = (uint)seed;
        _k1 = (uint)(seed >> 32);
        _s0 = (uint)streamIndex;
        _s1 = (uint)(streamIndex >> 32);
        _domain = domain;
        _block = 0;
        _next = 4;
    }

    /// <summary>The next 32 uniformly distributed bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32()
    {
        if (_next == 4)
        {
            Refill();
        }

        uint w = _next switch { 0 => _w0, 1 => _w1, 2 => _w2, _ => _w3 };
        _next++;
        return w;
    }

    /// <summary>The next 64 uniformly distributed bits (two words, first word high).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong hi = NextUInt32();
        return (hi << 32) | NextUInt32();
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits: <c>(x >> 11) · 2^-53</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    /// <summary>A uniform float in [0, 1) with 24 random bits: <c>(w >> 8) · 2^-24</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float NextSingle() => (NextUInt32() >> 8) * SingleUnit;

    /// <summary>
    /// A uniform integer in <c>[0, range)</c>, exactly unbiased (Lemire 2019, "Fast random integer generation in an
    /// interval": multiply-shift with rejection of the <c>2^32 mod range</c> low products). <paramref name="range"/> = 0
    /// means 2^32.
    /// </summary>
    public uint NextBounded(uint range)
    {
        if (range == 0)
        {
            return NextUInt32();
        }

        ulong m = (ulong)NextUInt32() * range;
        uint low = (uint)m;
        if (low < range)
        {
            uint threshold = (0u - range) % range;
            while (low < threshold)
            {
                m = (ulong)NextUInt32() * range;
                low = (uint)m;
            }
        }

        return (uint)(m >> 32);
    }

    /// <summary>
    /// Two independent standard normal deviates by the Box–Muller transform of two uniform doubles:
    /// <c>u1 = ((x >> 11) + 1)·2^-53 ∈ (0, 1]</c>, <c>u2 = (y >> 11)·2^-53</c>, <c>r = √(−2 ln u1)</c>,
    /// <c>(r cos 2πu2, r sin 2πu2)</c>, with NashFast's own logarithm, sine and cosine (correctly rounded operations
    /// only, so the deviates are the same bits on every platform and in every vector path; within 1e-15 relative (log) and
    /// 1.5e-15 absolute (sin, cos) of <see cref="Math.Log(double)"/> and <see cref="Math.SinCos(double)"/>). Consumes four words (one whole block when aligned).
    /// </summary>
    public void NextNormalPair(out double z0, out double z1)
    {
        ulong x = NextUInt64();
        ulong y = NextUInt64();
        BoxMuller(x, y, out z0, out z1);
    }

    /// <summary>The Box–Muller map used by <see cref="NextNormalPair"/>, from two 64-bit draws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BoxMuller(ulong x, ulong y, out double z0, out double z1) => Kernels.NormalMath.BoxMuller(x, y, out z0, out z1);

    /// <summary>A uniform double in [0, 1) from a 64-bit draw, as <see cref="NextDouble"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToUnitDouble(ulong x) => (x >> 11) * DoubleUnit;

    private void Refill()
    {
        Philox4x32.Block(_block, _s0, _s1, _domain, _k0, _k1, out _w0, out _w1, out _w2, out _w3);
        _block++;
        _next = 0;
    }
}
