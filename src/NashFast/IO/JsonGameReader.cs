using System.Text;
using System.Text.Json;
using NashFast.Games;

namespace NashFast.IO;

/// <summary>
/// Reads a game from JSON: <c>{"A": [[…], …], "B": [[…], …]}</c>, rows of the row player's (A) and the column
/// player's (B) payoffs; each payoff a JSON number or a string holding an integer, decimal or fraction
/// (<c>"3/2"</c>), all kept exact. Optional <c>"title"</c>; other keys are ignored.
/// </summary>
/// <remarks>
/// Uses <see cref="Utf8JsonReader"/> directly (no reflection, trimming- and AOT-safe). Every problem throws
/// <see cref="GameFormatException"/> with the line and column of the offending token.
/// </remarks>
public static class JsonGameReader
{
    /// <summary>Reads a game from a JSON file.</summary>
    /// <exception cref="GameFormatException">The file is not a valid JSON game.</exception>
    public static GameFile ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a game from JSON text.</summary>
    /// <exception cref="GameFormatException">The text is not a valid JSON game.</exception>
    public static GameFile Parse(string json, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), fileName);
    }

    /// <summary>Reads a game from UTF-8 JSON.</summary>
    /// <exception cref="GameFormatException">The input is not a valid JSON game.</exception>
    public static GameFile Read(ReadOnlySpan<byte> utf8Json, string? fileName = null)
    {
        if (utf8Json.IndexOfAnyExcept(" \t\r\n"u8) < 0 || (utf8Json.Length == 3 && utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])))
        {
            throw new GameFormatException(fileName, 1, 1, "expected a JSON object {\"A\": [[…]], \"B\": [[…]]}, found nothing (the file is empty)");
        }

        var context = new Context(utf8Json, fileName);
        try
        {
            return Parse(ref context);
        }
        catch (JsonException e)
        {
            long line = (e.LineNumber ?? -1) + 1;
            long column = (e.BytePositionInLine ?? -1) + 1;
            throw new GameFormatException(fileName, line, column, "invalid JSON: " + FirstSentence(e.Message));
        }
    }

    private static GameFile Parse(ref Context c)
    {
        ref Utf8JsonReader r = ref c.Reader;
        if (!r.Read())
        {
            throw c.Error("expected a JSON object {\"A\": [[…]], \"B\": [[…]]}, found an empty input (the file is empty)");
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw c.Error($"expected a JSON object {{\"A\": [[…]], \"B\": [[…]]}}, found {Describe(r.TokenType)}");
        }

        List<List<Rational>>? a = null, b = null;
        long aPos = 0, bPos = 0;
        string title = string.Empty;
        while (Read(ref c) && r.TokenType == JsonTokenType.PropertyName)
        {
            string name = r.GetString() ?? string.Empty;
            long at = r.TokenStartIndex;
            Read(ref c);
            switch (name)
            {
                case "A":
                    a = Matrix(ref c, "A");
                    aPos = at;
                    break;
                case "B":
                    b = Matrix(ref c, "B");
                    bPos = at;
                    break;
                case "title" when r.TokenType == JsonTokenType.String:
                    title = r.GetString() ?? string.Empty;
                    break;
                default:
                    r.Skip();
                    break;
            }
        }

        if (r.Read())
        {
            throw c.Error("expected the end of the input after the game object");
        }

        if (a is null || b is null)
        {
            throw c.ErrorAt(0, $"expected the key \"{(a is null ? "A" : "B")}\" (the {(a is null ? "row" : "column")} player's payoff matrix)");
        }

        int rows = a.Count, columns = a[0].Count;
        if (b.Count != rows || b[0].Count != columns)
        {
            throw c.ErrorAt(bPos, $"expected B to be {rows}x{columns} like A, found {b.Count}x{b[0].Count}");
        }

        if ((long)rows * columns > BimatrixGame.MaxEntries)
        {
            throw c.ErrorAt(aPos, $"a {rows}x{columns} game has more than {BimatrixGame.MaxEntries} payoffs per player; refused");
        }

        var fa = new Rational[rows * columns];
        var fb = new Rational[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            a[i].CopyTo(fa, i * columns);
            b[i].CopyTo(fb, i * columns);
        }

        return new GameFile(new ExactBimatrixGame(rows, columns, fa, fb), title);
    }

    private static List<List<Rational>> Matrix(ref Context c, string name)
    {
        ref Utf8JsonReader r = ref c.Reader;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            throw c.Error($"expected {name} to be an array of rows, found {Describe(r.TokenType)}");
        }

        var rows = new List<List<Rational>>();
        while (Read(ref c) && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartArray)
            {
                throw c.Error($"expected row {rows.Count + 1} of {name} to be an array of payoffs, found {Describe(r.TokenType)}");
            }

            long rowStart = r.TokenStartIndex;
            var row = new List<Rational>();
            while (Read(ref c) && r.TokenType != JsonTokenType.EndArray)
            {
                row.Add(Payoff(ref c, name, rows.Count, row.Count));
            }

            if (row.Count == 0)
            {
                throw c.ErrorAt(rowStart, $"expected at least one payoff in row {rows.Count + 1} of {name}, found an empty row");
            }

            if (rows.Count > 0 && row.Count != rows[0].Count)
            {
                throw c.ErrorAt(rowStart, $"expected {rows[0].Count} payoffs in row {rows.Count + 1} of {name} (like row 1), found {row.Count}");
            }

            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw c.Error($"expected at least one row in {name}, found an empty matrix");
        }

        return rows;
    }

    private static Rational Payoff(ref Context c, string name, int i, int j)
    {
        ref Utf8JsonReader r = ref c.Reader;
        string where = $"{name}[{i}][{j}]";
        string text = r.TokenType switch
        {
            JsonTokenType.Number => Encoding.UTF8.GetString(r.ValueSpan),
            JsonTokenType.String => r.GetString() ?? string.Empty,
            _ => throw c.Error($"expected payoff {where} (a number or a string like \"3/2\"), found {Describe(r.TokenType)}"),
        };
        if (!Rational.TryParse(text, out Rational value))
        {
            throw c.Error($"expected payoff {where} (an integer, decimal or fraction like \"3/2\"), found \"{text}\" (NaN and infinite payoffs are not allowed)");
        }

        if (!double.IsFinite(value.ToDouble()))
        {
            throw c.Error($"expected payoff {where} within the range of a double, found \"{text}\"");
        }

        return value;
    }

    private static bool Read(ref Context c)
    {
        if (!c.Reader.Read())
        {
            throw c.Error("expected more JSON, found the end of the input (the file is truncated)");
        }

        return true;
    }

    private static string Describe(JsonTokenType t) => t switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.EndArray => "']'",
        JsonTokenType.EndObject => "'}'",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => t.ToString(),
    };

    private static string FirstSentence(string message)
    {
        int dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..(dot + 1)] : message;
    }

    /// <summary>The reader plus what error messages need to name a position.</summary>
    private ref struct Context
    {
        public Utf8JsonReader Reader;
        private readonly ReadOnlySpan<byte> _input;
        private readonly string? _fileName;

        public Context(ReadOnlySpan<byte> input, string? fileName)
        {
            // Skip a UTF-8 byte-order mark, which Utf8JsonReader refuses.
            if (input.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                input = input[3..];
            }

            _input = input;
            _fileName = fileName;
            Reader = new Utf8JsonReader(input, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }

        public readonly GameFormatException Error(string problem) => ErrorAt(Reader.TokenStartIndex, problem);

        public readonly GameFormatException ErrorAt(long offset, string problem)
        {
            // Line and column from the byte offset (columns count bytes, as JsonException does).
            int line = 1, lineStart = 0;
            int end = (int)Math.Min(offset, _input.Length);
            for (int k = 0; k < end; k++)
            {
                if (_input[k] == (byte)'\n')
                {
                    line++;
                    lineStart = k + 1;
                }
            }

            return new GameFormatException(_fileName, line, end - lineStart + 1, problem);
        }
    }
}
