using System.Text;
using System.Text.Json;
using NashFast.Games;

namespace NashFast.IO;

/// <summary>
/// Writes a game as JSON, <c>{"title": …, "A": [[…]], "B": [[…]]}</c>: integers as JSON numbers, other payoffs as
/// exact fraction strings (<c>"3/2"</c>), so that <see cref="JsonGameReader"/> reads back exactly the same game.
/// </summary>
public static class JsonGameWriter
{
    /// <summary>Writes the game to a JSON writer.</summary>
    public static void Write(Utf8JsonWriter writer, GameFile game)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(game);
        writer.WriteStartObject();
        if (game.Title.Length > 0)
        {
            writer.WriteString("title", game.Title);
        }

        WriteMatrix(writer, "A", game.Exact, rowPlayer: true);
        WriteMatrix(writer, "B", game.Exact, rowPlayer: false);
        writer.WriteEndObject();
    }

    /// <summary>The game as a JSON string (one line).</summary>
    public static string ToJson(GameFile game)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, game);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteMatrix(Utf8JsonWriter writer, string name, ExactBimatrixGame g, bool rowPlayer)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < g.Rows; i++)
        {
            writer.WriteStartArray();
            for (int j = 0; j < g.Columns; j++)
            {
                WriteRational(writer, rowPlayer ? g.RowPayoff(i, j) : g.ColumnPayoff(i, j));
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary>An integer as a JSON number (exact at any size), anything else as a fraction string.</summary>
    internal static void WriteRational(Utf8JsonWriter writer, Rational value)
    {
        if (value.IsInteger)
        {
            writer.WriteRawValue(value.ToString(), skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
