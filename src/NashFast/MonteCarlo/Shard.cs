using System.Globalization;
using NashFast.Internal;

namespace NashFast.MonteCarlo;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, <c>1/1</c> = the whole run): shard K of N runs games
/// <c>[⌊G·(K−1)/N⌋, ⌊G·K/N⌋)</c> of a G-game run, so the N shards partition the run and
/// <see cref="MonteCarloSummary.Merge"/> of their summaries gives exactly the counts of the unsharded run.
/// </summary>
/// <param name="Index">The shard, 1..Count.</param>
/// <param name="Count">The number of shards, at least 1.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole run.</summary>
    public static Shard Whole => new(1, 1);

    /// <summary>The games of this shard in a run of <paramref name="games"/> games.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The shard is not 1 ≤ K ≤ N, or <paramref name="games"/> is negative.</exception>
    public GameRange Range(long games)
    {
        Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(games);
        return new GameRange((long)((Int128)games * (Index - 1) / Count), (long)((Int128)games * Index / Count));
    }

    /// <summary>Parses <c>K/N</c> (1 ≤ K ≤ N).</summary>
    /// <exception cref="ArgumentException">The text is not of that form.</exception>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && k >= 1 && k <= n)
        {
            return new Shard(k, n);
        }

        ThrowHelper.ThrowArgument($"Shard '{text}' is not of the form K/N with 1 <= K <= N (e.g. 1/4).", nameof(text));
        return default;
    }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Index}/{Count}");

    private void Validate()
    {
        if (Count < 1 || Index < 1 || Index > Count)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(Index), $"Shard {Index}/{Count} is not 1 <= K <= N.");
        }
    }
}
