using NashFast.Internal;

namespace NashFast.Random;

/// <summary>
/// Independent uniform integer payoffs in <c>[Low, High]</c> (both included), exactly unbiased
/// (<see cref="PhiloxStream.NextBounded"/>), drawn in the order A row-major, then B row-major. Small ranges make ties —
/// and so degenerate games — common on purpose.
/// </summary>
public sealed class IntegerDistribution : IGameDistribution
{
    /// <summary>Creates the distribution.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public IntegerDistribution(int low, int high)
    {
        if (high < low)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(high), $"The integer range {low}..{high} is empty (HI must be at least LO).");
        }

        Low = low;
        High = high;
    }

    /// <summary>The smallest payoff.</summary>
    public int Low { get; }

    /// <summary>The largest payoff.</summary>
    public int High { get; }

    /// <inheritdoc />
    public string Name => FormattableString.Invariant($"int:{Low}..{High}");

    /// <inheritdoc />
    public void Fill(ulong seed, long gameIndex, Span<double> a, Span<double> b)
    {
        GameDistributions.CheckLengths(a, b);
        var s = new PhiloxStream(seed, (ulong)gameIndex);
        uint range = (uint)((long)High - Low + 1); // 2^32 wraps to 0, which NextBounded reads as 2^32
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = (double)((long)Low + s.NextBounded(range));
        }

        for (int k = 0; k < b.Length; k++)
        {
            b[k] = (double)((long)Low + s.NextBounded(range));
        }
    }

    /// <inheritdoc />
    public void Fill2x2(ulong seed, long firstGame, Payoffs2x2 destination)
    {
        uint range = (uint)((long)High - Low + 1);
        long low = Low;
        for (int i = 0; i < destination.Length; i++)
        {
            var s = new PhiloxStream(seed, (ulong)(firstGame + i));
            destination.A00[i] = low + s.NextBounded(range);
            destination.A01[i] = low + s.NextBounded(range);
            destination.A10[i] = low + s.NextBounded(range);
            destination.A11[i] = low + s.NextBounded(range);
            destination.B00[i] = low + s.NextBounded(range);
            destination.B01[i] = low + s.NextBounded(range);
            destination.B10[i] = low + s.NextBounded(range);
            destination.B11[i] = low + s.NextBounded(range);
        }
    }
}
