using NashFast.Internal;

namespace NashFast.Random;

/// <summary>
/// Writable structure-of-arrays payoffs of a chunk of 2×2 games (one span per payoff entry, all of the same length):
/// the destination of <see cref="IGameDistribution.Fill2x2"/>, laid out like <see cref="TwoByTwo.Games2x2{T}"/>.
/// </summary>
public readonly ref struct Payoffs2x2
{
    /// <summary>Creates the view.</summary>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="a00"/>'s.</exception>
    public Payoffs2x2(Span<double> a00, Span<double> a01, Span<double> a10, Span<double> a11,
                      Span<double> b00, Span<double> b01, Span<double> b10, Span<double> b11)
    {
        int n = a00.Length;
        if (a01.Length != n) { ThrowHelper.ThrowSpanLength(nameof(a01), a01.Length, n); }
        if (a10.Length != n) { ThrowHelper.ThrowSpanLength(nameof(a10), a10.Length, n); }
        if (a11.Length != n) { ThrowHelper.ThrowSpanLength(nameof(a11), a11.Length, n); }
        if (b00.Length != n) { ThrowHelper.ThrowSpanLength(nameof(b00), b00.Length, n); }
        if (b01.Length != n) { ThrowHelper.ThrowSpanLength(nameof(b01), b01.Length, n); }
        if (b10.Length != n) { ThrowHelper.ThrowSpanLength(nameof(b10), b10.Length, n); }
        if (b11.Length != n) { ThrowHelper.ThrowSpanLength(nameof(b11), b11.Length, n); }
        A00 = a00; A01 = a01; A10 = a10; A11 = a11;
        B00 = b00; B01 = b01; B10 = b10; B11 = b11;
    }

    /// <summary>Number of games.</summary>
    public int Length => A00.Length;

#pragma warning disable CS1591
    public Span<double> A00 { get; }
    public Span<double> A01 { get; }
    public Span<double> A10 { get; }
    public Span<double> A11 { get; }
    public Span<double> B00 { get; }
    public Span<double> B01 { get; }
    public Span<double> B10 { get; }
    public Span<double> B11 { get; }
#pragma warning restore CS1591
}
