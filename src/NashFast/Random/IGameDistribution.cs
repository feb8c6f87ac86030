namespace NashFast.Random;

/// <summary>
/// A distribution of random bimatrix games: the hook for a caller's own generator. Implementations must be pure
/// functions of <c>(seed, game index, shape)</c> — no hidden state, safe to call from several threads at once — so a
/// Monte Carlo run is reproducible for any thread count, chunking or shard split.
/// </summary>
/// <remarks>
/// The built-in distributions draw game <c>g</c> from <see cref="GameStream.Open"/>(seed, g, 2·m·n) (block-seeded
/// xoshiro256++); a custom one can do the same. Payoffs must be finite (a game with a NaN or infinite payoff is counted as invalid by the runners).
/// </remarks>
public interface IGameDistribution
{
    /// <summary>The name used on the command line and in summaries (<c>normal</c>, <c>int:0..9</c>, …).</summary>
    string Name { get; }

    /// <summary>
    /// Writes the payoffs of game <paramref name="gameIndex"/>: <paramref name="a"/> and <paramref name="b"/> have the
    /// same length <c>m·n</c> and receive <c>A</c> and <c>B</c> row-major (the shape is implied by the caller).
    /// </summary>
    void Fill(ulong seed, long gameIndex, Span<double> a, Span<double> b);

    /// <summary>
    /// Writes games <c>firstGame, firstGame + 1, …</c> of 2×2 shape into structure-of-arrays spans; slot <c>k</c> of each
    /// span receives game <c>firstGame + k</c>, exactly as <see cref="Fill"/> would with four cells. The default
    /// implementation calls <see cref="Fill"/> per game; built-in distributions override it with a fused loop.
    /// </summary>
    void Fill2x2(ulong seed, long firstGame, Payoffs2x2 destination)
    {
        Span<double> a = stackalloc double[4];
        Span<double> b = stackalloc double[4];
        for (int k = 0; k < destination.Length; k++)
        {
            Fill(seed, firstGame + k, a, b);
            destination.A00[k] = a[0]; destination.A01[k] = a[1]; destination.A10[k] = a[2]; destination.A11[k] = a[3];
            destination.B00[k] = b[0]; destination.B01[k] = b[1]; destination.B10[k] = b[2]; destination.B11[k] = b[3];
        }
    }
}
