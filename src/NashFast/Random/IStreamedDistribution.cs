namespace NashFast.Random;

/// <summary>
/// A built-in distribution whose game reads a fixed number of words from its <see cref="GameStream"/>: consecutive games
/// of a block are consecutive slices of one generator, so a runner that walks games in order opens the stream once per
/// block instead of once per game (which would skip up to 2047 words each time).
/// </summary>
internal interface IStreamedDistribution
{
    /// <summary>Writes the game whose words start at <paramref name="stream"/>'s position, leaving it at the next game's.</summary>
    void FillFrom(ref GameStream stream, Span<double> a, Span<double> b);
}
