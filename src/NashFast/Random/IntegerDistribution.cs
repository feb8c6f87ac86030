using NashFast.Internal;
using NashFast.Random.Kernels;

namespace NashFast.Random;

/// <summary>
/// Independent uniform integer payoffs in <c>[Low, High]</c> (both included), one word each
/// (<see cref="GameStream.NextBounded"/>: each value's probability within 2^-64 of 1/(High − Low + 1)), drawn in the
/// order A row-major, then B row-major. Small ranges make ties — and so degenerate games — common on purpose.
/// </summary>
public sealed class IntegerDistribution : IGameDistribution, IStreamedDistribution
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
        var s = GameStream.Open(seed, gameIndex, 2 * a.Length);
        ((IStreamedDistribution)this).FillFrom(ref s, a, b);
    }

    void IStreamedDistribution.FillFrom(ref GameStream s, Span<double> a, Span<double> b)
    {
        ulong range = Range;
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = Low + (long)s.NextBounded(range);
        }

        for (int k = 0; k < b.Length; k++)
        {
            b[k] = Low + (long)s.NextBounded(range);
        }
    }

    /// <inheritdoc />
    public void Fill2x2(ulong seed, long firstGame, Payoffs2x2 destination) =>
        XoshiroGames.FillScalar(seed, firstGame, destination, 0, destination.Length, new Source(Low, Range));

    private ulong Range => (ulong)((long)High - Low + 1);

    private readonly struct Source(long low, ulong range) : XoshiroGames.ISource
    {
        public void Write(ref GameStream s, in Payoffs2x2 d, int i)
        {
            d.A00[i] = low + (long)s.NextBounded(range); d.A01[i] = low + (long)s.NextBounded(range);
            d.A10[i] = low + (long)s.NextBounded(range); d.A11[i] = low + (long)s.NextBounded(range);
            d.B00[i] = low + (long)s.NextBounded(range); d.B01[i] = low + (long)s.NextBounded(range);
            d.B10[i] = low + (long)s.NextBounded(range); d.B11[i] = low + (long)s.NextBounded(range);
        }
    }
}
