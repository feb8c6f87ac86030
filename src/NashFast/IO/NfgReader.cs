using System.Globalization;
using System.Text;
using NashFast.Games;

namespace NashFast.IO;

/// <summary>
/// Reads two-player games in Gambit's strategic-form format (<c>.nfg</c>, version 1), both the payoff version and
/// the outcome version, with exact payoffs.
/// </summary>
/// <remarks>
/// Grammar (whitespace is not significant; names are double-quoted, <c>\"</c> escapes a quote):
/// <code>
///   NFG 1 R|D "title" { "player 1" "player 2" }
///   { m n }  |  { { "row strategy" … } { "column strategy" … } }
///   [ "comment" ]
///   payoff version:  a(1,1) b(1,1) a(2,1) b(2,1) …           2·m·n numbers, the row strategy varying fastest
///   outcome version: { { "name" a, b } … }  k(1,1) k(2,1) …   outcomes numbered from 1 (commas optional), then
///                                                             m·n outcome indices; 0 is the null outcome (0, 0)
/// </code>
/// Numbers are integers, decimals with an optional exponent (<c>1.131</c>, <c>1.5e3</c>) or fractions (<c>3/2</c>),
/// all kept exact. Every problem (truncation, a wrong count, a non-numeric token, NaN or infinite values, a third
/// player, sizes too large, binary input) throws <see cref="GameFormatException"/> naming the line and column. The
/// sizes are checked before anything proportional to them is allocated, and payoffs are stored as they arrive, so
/// memory is bounded by what the file actually contains.
/// </remarks>
public static class NfgReader
{
    /// <summary>Reads a game from a file.</summary>
    /// <exception cref="GameFormatException">The file is not a valid two-player <c>.nfg</c> game.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static GameFile ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>Reads a game from text.</summary>
    /// <param name="text">The whole <c>.nfg</c> text.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <exception cref="GameFormatException">The text is not a valid two-player <c>.nfg</c> game.</exception>
    public static GameFile Parse(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, fileName);
    }

    /// <summary>Reads a game from a reader (consumed to its end).</summary>
    /// <param name="reader">The <c>.nfg</c> text.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <exception cref="GameFormatException">The text is not a valid two-player <c>.nfg</c> game.</exception>
    public static GameFile Read(TextReader reader, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new Parser(new NfgTokenizer(reader, fileName)).Parse();
    }

    /// <summary>A recursive-descent parser over the token stream; one token of lookahead.</summary>
    private sealed class Parser(NfgTokenizer tokens)
    {
        private NfgToken _current = tokens.Next();

        public GameFile Parse()
        {
            NfgToken magic = Take();
            if (magic.Kind != NfgTokenKind.Word || magic.Text != "NFG")
            {
                throw Unexpected(magic, "the header 'NFG' (this is not a Gambit strategic-form file)");
            }

            NfgToken version = Take();
            if (version.Kind != NfgTokenKind.Word || version.Text != "1")
            {
                throw Unexpected(version, "the format version '1'");
            }

            NfgToken letter = Take();
            if (letter.Kind != NfgTokenKind.Word || (letter.Text != "R" && letter.Text != "D"))
            {
                throw Unexpected(letter, "'R' or 'D' after 'NFG 1'");
            }

            string title = ExpectString("the game's title (a quoted string)");
            NfgToken playersStart = _current;
            List<string> players = StringList("the list of player names");
            if (players.Count != 2)
            {
                throw tokens.Error(playersStart.Line, playersStart.Column,
                    players.Count > 2
                        ? $"this game has {players.Count} players; only two-player games can be read"
                        : $"this game has {players.Count} player(s); a two-player game is needed");
            }

            NfgToken shapeStart = Expect(NfgTokenKind.OpenBrace, "'{' opening the strategy counts or strategy names");
            int rows, columns;
            List<string>? rowNames = null, columnNames = null;
            if (_current.Kind == NfgTokenKind.OpenBrace)
            {
                rowNames = StringList("the row player's strategy names");
                columnNames = StringList("the column player's strategy names");
                rows = rowNames.Count;
                columns = columnNames.Count;
                if (_current.Kind != NfgTokenKind.CloseBrace)
                {
                    throw Unexpected(_current, "'}' after two strategy name lists (only two-player games can be read)");
                }

                Take();
            }
            else
            {
                rows = ExpectCount("the row player's number of strategies");
                columns = ExpectCount("the column player's number of strategies");
                if (_current.Kind != NfgTokenKind.CloseBrace)
                {
                    throw Unexpected(_current, "'}' after two strategy counts (only two-player games can be read)");
                }

                Take();
            }

            if (rows < 1 || columns < 1)
            {
                throw tokens.Error(shapeStart.Line, shapeStart.Column, $"each player needs at least one strategy; got {rows}x{columns}");
            }

            if ((long)rows * columns > BimatrixGame.MaxEntries)
            {
                throw tokens.Error(shapeStart.Line, shapeStart.Column,
                    $"a {rows}x{columns} game has more than {BimatrixGame.MaxEntries} payoffs per player; refused");
            }

            string comment = _current.Kind == NfgTokenKind.String ? Take().Text : string.Empty;
            int cells = rows * columns;
            Rational[] a, b;
            if (_current.Kind == NfgTokenKind.OpenBrace)
            {
                (a, b) = OutcomeVersion(rows, columns);
            }
            else
            {
                (a, b) = PayoffVersion(rows, columns);
            }

            if (_current.Kind != NfgTokenKind.EndOfFile)
            {
                throw Unexpected(_current, $"the end of the file after the {cells} profiles of a {rows}x{columns} game");
            }

            var exact = new ExactBimatrixGame(rows, columns, a, b);
            return new GameFile(exact, title, players, rowNames, columnNames, comment);
        }

        private (Rational[] A, Rational[] B) PayoffVersion(int rows, int columns)
        {
            int cells = rows * columns;
            // Grows with the numbers actually present: a header promising a huge game costs nothing until payoffs arrive.
            var payoffs = new List<Rational>(Math.Min(2 * cells, 4096));
            for (int k = 0; k < 2 * cells; k++)
            {
                if (_current.Kind != NfgTokenKind.Word)
                {
                    throw Unexpected(_current, $"payoff {k + 1} of {2 * cells} (a {rows}x{columns} game has {cells} profiles with two payoffs each)");
                }

                payoffs.Add(ExpectNumber("a payoff"));
            }

            return Scatter(rows, columns, payoffs);
        }

        private (Rational[] A, Rational[] B) OutcomeVersion(int rows, int columns)
        {
            Take(); // '{' opening the outcome list
            var outcomes = new List<Rational>();
            while (_current.Kind == NfgTokenKind.OpenBrace)
            {
                Take();
                ExpectString("the outcome's name (a quoted string)");
                outcomes.Add(ExpectNumber("player 1's payoff in the outcome"));
                if (_current.Kind == NfgTokenKind.Comma)
                {
                    Take();
                }

                outcomes.Add(ExpectNumber("player 2's payoff in the outcome"));
                if (_current.Kind == NfgTokenKind.Comma)
                {
                    Take();
                }

                if (_current.Kind != NfgTokenKind.CloseBrace)
                {
                    throw Unexpected(_current, "'}' closing the outcome after two payoffs (only two-player games can be read)");
                }

                Take();
            }

            Expect(NfgTokenKind.CloseBrace, "'{' opening an outcome or '}' closing the outcome list");
            int count = outcomes.Count / 2;
            int cells = rows * columns;
            var payoffs = new List<Rational>(Math.Min(2 * cells, 4096));
            for (int k = 0; k < cells; k++)
            {
                NfgToken t = _current;
                if (t.Kind != NfgTokenKind.Word)
                {
                    throw Unexpected(t, $"outcome index {k + 1} of {cells} (a {rows}x{columns} game has {cells} profiles)");
                }

                if (!int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index > count)
                {
                    throw tokens.Error(t.Line, t.Column, $"expected an outcome index between 0 and {count}, found {t.Describe()}");
                }

                Take();
                payoffs.Add(index == 0 ? Rational.Zero : outcomes[2 * (index - 1)]);
                payoffs.Add(index == 0 ? Rational.Zero : outcomes[(2 * (index - 1)) + 1]);
            }

            return Scatter(rows, columns, payoffs);
        }

        // Profiles come with the row strategy varying fastest: profile k is (row k mod m, column k div m).
        private static (Rational[] A, Rational[] B) Scatter(int rows, int columns, List<Rational> payoffs)
        {
            var a = new Rational[rows * columns];
            var b = new Rational[rows * columns];
            for (int k = 0; k < a.Length; k++)
            {
                int i = k % rows, j = k / rows;
                a[(i * columns) + j] = payoffs[2 * k];
                b[(i * columns) + j] = payoffs[(2 * k) + 1];
            }

            return (a, b);
        }

        private Rational ExpectNumber(string what)
        {
            NfgToken t = _current;
            if (t.Kind != NfgTokenKind.Word)
            {
                throw Unexpected(t, what + " (a number)");
            }

            if (!Rational.TryParse(t.Text, out Rational value))
            {
                string hint = IsNonFiniteWord(t.Text) ? "; NaN and infinite payoffs are not allowed" : string.Empty;
                throw tokens.Error(t.Line, t.Column, $"expected {what} (an integer, decimal or fraction like 3/2), found {t.Describe()}{hint}");
            }

            if (!double.IsFinite(value.ToDouble()))
            {
                throw tokens.Error(t.Line, t.Column, $"expected {what} within the range of a double, found {t.Describe()} (infinite payoffs are not allowed)");
            }

            Take();
            return value;
        }

        private static bool IsNonFiniteWord(string text)
        {
            string s = text.TrimStart('+', '-').ToLowerInvariant();
            return s is "nan" or "inf" or "infinity" or "∞";
        }

        private int ExpectCount(string what)
        {
            NfgToken t = _current;
            if (t.Kind != NfgTokenKind.Word)
            {
                throw Unexpected(t, what + " (a positive integer)");
            }

            if (!int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
            {
                bool tooLarge = t.Text.Length > 0 && t.Text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 && t.Text.TrimStart('0').Length > 0;
                string note = tooLarge ? "; the number is too large" : string.Empty;
                throw tokens.Error(t.Line, t.Column, $"expected {what} (a positive integer), found {t.Describe()}{note}");
            }

            Take();
            return value;
        }

        private List<string> StringList(string what)
        {
            Expect(NfgTokenKind.OpenBrace, $"'{{' opening {what}");
            var list = new List<string>();
            while (_current.Kind == NfgTokenKind.String)
            {
                list.Add(Take().Text);
            }

            Expect(NfgTokenKind.CloseBrace, $"a quoted name or '}}' closing {what}");
            return list;
        }

        private string ExpectString(string what) => Expect(NfgTokenKind.String, what).Text;

        private NfgToken Expect(NfgTokenKind kind, string what)
        {
            if (_current.Kind != kind)
            {
                throw Unexpected(_current, what);
            }

            return Take();
        }

        private NfgToken Take()
        {
            NfgToken t = _current;
            if (t.Kind != NfgTokenKind.EndOfFile)
            {
                _current = tokens.Next();
            }

            return t;
        }

        private GameFormatException Unexpected(NfgToken found, string expected)
        {
            string suffix = found.Kind == NfgTokenKind.EndOfFile ? " (the file is truncated or empty)" : string.Empty;
            return tokens.Error(found.Line, found.Column, $"expected {expected}, found {found.Describe()}{suffix}");
        }
    }
}
