using System.Text;
using NashFast.Games;

namespace NashFast.IO;

/// <summary>
/// Writes two-player games in Gambit's <c>.nfg</c> payoff version: exact payoffs (integers or fractions such as
/// <c>3/2</c>), so that <see cref="NfgReader"/> reads back exactly the same game.
/// </summary>
public static class NfgWriter
{
    /// <summary>Writes a game with its names (strategy names are written when the file has its own).</summary>
    public static void Write(TextWriter writer, GameFile game)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(game);
        writer.Write("NFG 1 R ");
        writer.Write(Quote(game.Title));
        writer.Write(" { ");
        writer.Write(Quote(game.PlayerNames[0]));
        writer.Write(' ');
        writer.Write(Quote(game.PlayerNames[1]));
        writer.Write(" }");
        ExactBimatrixGame g = game.Exact;
        if (game.HasDefaultStrategyNames)
        {
            writer.Write($" {{ {g.Rows} {g.Columns} }}\n");
        }
        else
        {
            writer.Write("\n\n{ ");
            WriteNames(writer, game.RowStrategies);
            writer.Write("\n  ");
            WriteNames(writer, game.ColumnStrategies);
            writer.Write("\n}\n");
        }

        writer.Write(Quote(game.Comment));
        writer.Write("\n\n");

        // Profiles with the row strategy varying fastest, one column of the game per line.
        for (int j = 0; j < g.Columns; j++)
        {
            for (int i = 0; i < g.Rows; i++)
            {
                if (i > 0)
                {
                    writer.Write(' ');
                }

                writer.Write(g.RowPayoff(i, j).ToString());
                writer.Write(' ');
                writer.Write(g.ColumnPayoff(i, j).ToString());
            }

            writer.Write('\n');
        }
    }

    /// <summary>Writes an exact game with default names.</summary>
    public static void Write(TextWriter writer, ExactBimatrixGame game, string title = "") =>
        Write(writer, new GameFile(game ?? throw new ArgumentNullException(nameof(game)), title));

    /// <summary>Writes a floating-point game; every finite double is written as the exact rational it is.</summary>
    public static void Write(TextWriter writer, BimatrixGame game, string title = "") =>
        Write(writer, ExactBimatrixGame.FromDouble(game ?? throw new ArgumentNullException(nameof(game))), title);

    /// <summary>The game as <c>.nfg</c> text.</summary>
    public static string ToText(GameFile game)
    {
        using var writer = new StringWriter();
        Write(writer, game);
        return writer.ToString();
    }

    /// <summary>Writes a game to a file (created or overwritten).</summary>
    public static void WriteFile(string path, GameFile game)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        Write(writer, game);
    }

    private static void WriteNames(TextWriter writer, IReadOnlyList<string> names)
    {
        writer.Write("{ ");
        foreach (string name in names)
        {
            writer.Write(Quote(name));
            writer.Write(' ');
        }

        writer.Write('}');
    }

    /// <summary>A double-quoted string with <c>"</c> and <c>\</c> escaped by a backslash.</summary>
    internal static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
