namespace NashFast.MonteCarlo;

/// <summary>A half-open range of game indices <c>[Start, End)</c> of a run.</summary>
/// <param name="Start">The first game index.</param>
/// <param name="End">One past the last game index.</param>
public readonly record struct GameRange(long Start, long End)
{
    /// <summary>Number of games in the range.</summary>
    public long Length => End - Start;
}
