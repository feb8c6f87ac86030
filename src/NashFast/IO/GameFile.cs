using NashFast.Games;

namespace NashFast.IO;

/// <summary>
/// A game as read from a file: the exact payoffs (decimals and fractions keep their exact value), the nearest
/// floating-point game, and the names the file gave the game, its players and their strategies.
/// </summary>
public sealed class GameFile
{
    /// <summary>Creates a game file from an exact game; names default to empty strings and 1-based strategy numbers.</summary>
    /// <exception cref="ArgumentException">A name list has the wrong length, or a payoff is too large for a double.</exception>
    public GameFile(ExactBimatrixGame exact, string title = "", IReadOnlyList<string>? playerNames = null,
                    IReadOnlyList<string>? rowStrategies = null, IReadOnlyList<string>? columnStrategies = null, string comment = "")
    {
        ArgumentNullException.ThrowIfNull(exact);
        Exact = exact;
        Game = exact.ToDouble();
        Title = title ?? string.Empty;
        Comment = comment ?? string.Empty;
        PlayerNames = playerNames ?? ["Player 1", "Player 2"];
        RowStrategies = rowStrategies ?? Numbered(exact.Rows);
        ColumnStrategies = columnStrategies ?? Numbered(exact.Columns);
        if (PlayerNames.Count != 2)
        {
            throw new ArgumentException($"Two player names are needed; got {PlayerNames.Count}.", nameof(playerNames));
        }

        if (RowStrategies.Count != exact.Rows)
        {
            throw new ArgumentException($"{RowStrategies.Count} row strategy names for {exact.Rows} rows.", nameof(rowStrategies));
        }

        if (ColumnStrategies.Count != exact.Columns)
        {
            throw new ArgumentException($"{ColumnStrategies.Count} column strategy names for {exact.Columns} columns.", nameof(columnStrategies));
        }
    }

    /// <summary>The game with its exact payoffs.</summary>
    public ExactBimatrixGame Exact { get; }

    /// <summary>The nearest floating-point game.</summary>
    public BimatrixGame Game { get; }

    /// <summary>The game's title ("" when none).</summary>
    public string Title { get; }

    /// <summary>The free-text comment of an <c>.nfg</c> file ("" when none).</summary>
    public string Comment { get; }

    /// <summary>The two players' names.</summary>
    public IReadOnlyList<string> PlayerNames { get; }

    /// <summary>The row player's strategy names (1-based numbers when the file named none).</summary>
    public IReadOnlyList<string> RowStrategies { get; }

    /// <summary>The column player's strategy names (1-based numbers when the file named none).</summary>
    public IReadOnlyList<string> ColumnStrategies { get; }

    /// <summary>True when the strategy names are just the numbers 1, 2, … (the file named none).</summary>
    public bool HasDefaultStrategyNames => IsNumbered(RowStrategies) && IsNumbered(ColumnStrategies);

    private static string[] Numbered(int count)
    {
        var names = new string[count];
        for (int k = 0; k < count; k++)
        {
            names[k] = (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return names;
    }

    private static bool IsNumbered(IReadOnlyList<string> names)
    {
        for (int k = 0; k < names.Count; k++)
        {
            if (names[k] != (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return false;
            }
        }

        return true;
    }
}
