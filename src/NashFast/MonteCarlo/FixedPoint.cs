using System.Runtime.CompilerServices;
using NashFast.Internal;

namespace NashFast.MonteCarlo;

/// <summary>
/// Exact sums of floating-point values as fixed-point integers (units of 2^-32 in an <see cref="Int128"/>): each value
/// is rounded once (toward zero) to a multiple of 2^-32, after which addition is exact, associative and commutative —
/// so a sum is bit-identical however the values are split over threads, blocks, shards or machines.
/// </summary>
internal static class FixedPoint
{
    /// <summary>2^32, the number of units per 1.0.</summary>
    public const double Scale = 4294967296.0;

    /// <summary>Largest magnitude accepted (2^62); an Int128 then holds more than 2^32 such values.</summary>
    public const double MaxMagnitude = 4611686018427387904.0;

    /// <summary>The value in units of 2^-32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 ToFixed(double value)
    {
        double s = value * Scale;
        if (Math.Abs(s) < 9.2e18)
        {
            return (long)s;
        }

        return Slow(value);
    }

    /// <summary>The sum as a double.</summary>
    public static double ToDouble(Int128 sum) => (double)sum / Scale;

    private static Int128 Slow(double value)
    {
        if (!(Math.Abs(value) <= MaxMagnitude))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(value), $"An equilibrium payoff of {value} is beyond the ±2^62 range of the exact Monte Carlo sums.");
        }

        return (Int128)(value * Scale);
    }
}
