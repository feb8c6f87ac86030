using System.Text;

namespace NashFast.IO;

/// <summary>The kinds of token of Gambit's <c>.nfg</c> format.</summary>
internal enum NfgTokenKind
{
    EndOfFile,
    OpenBrace,
    CloseBrace,
    Comma,
    String,
    Word,
}

/// <summary>One token with the 1-based line and column where it starts.</summary>
internal readonly record struct NfgToken(NfgTokenKind Kind, string Text, int Line, int Column)
{
    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        NfgTokenKind.EndOfFile => "the end of the file",
        NfgTokenKind.OpenBrace => "'{'",
        NfgTokenKind.CloseBrace => "'}'",
        NfgTokenKind.Comma => "','",
        NfgTokenKind.String => "a quoted string",
        _ => $"'{Shorten(Text)}'",
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "…");
}

/// <summary>
/// Splits <c>.nfg</c> text into tokens: braces, commas, double-quoted strings (a backslash escapes the next
/// character), and words (numbers, keywords) separated by whitespace. Streams from a <see cref="TextReader"/>, so
/// memory stays bounded by the longest token, and refuses control characters (binary input) at once.
/// </summary>
internal sealed class NfgTokenizer
{
    // Longest string or word accepted: far above any real name or number, small enough to bound memory on garbage.
    private const int MaxTokenLength = 1 << 16;

    private readonly TextReader _reader;
    private readonly string? _fileName;
    private readonly StringBuilder _text = new();
    private int _line = 1;
    private int _column = 1;

    public NfgTokenizer(TextReader reader, string? fileName)
    {
        _reader = reader;
        _fileName = fileName;
    }

    public GameFormatException Error(int line, int column, string problem) => new(_fileName, line, column, problem);

    public NfgToken Next()
    {
        SkipWhitespace();
        int line = _line, column = _column;
        int c = _reader.Peek();
        switch (c)
        {
            case -1:
                return new NfgToken(NfgTokenKind.EndOfFile, string.Empty, line, column);
            case '{':
                Advance();
                return new NfgToken(NfgTokenKind.OpenBrace, "{", line, column);
            case '}':
                Advance();
                return new NfgToken(NfgTokenKind.CloseBrace, "}", line, column);
            case ',':
                Advance();
                return new NfgToken(NfgTokenKind.Comma, ",", line, column);
            case '"':
                return ReadString(line, column);
            default:
                return ReadWord(line, column);
        }
    }

    private void SkipWhitespace()
    {
        while (true)
        {
            int c = _reader.Peek();
            if (c is ' ' or '\t' or '\r' or '\n' or '\f' or '\v')
            {
                Advance();
            }
            else
            {
                return;
            }
        }
    }

    private int Advance()
    {
        int c = _reader.Read();
        if (c == '\n')
        {
            _line++;
            _column = 1;
        }
        else if (c >= 0)
        {
            _column++;
        }

        return c;
    }

    private NfgToken ReadString(int line, int column)
    {
        Advance(); // opening quote
        _text.Clear();
        while (true)
        {
            int c = Advance();
            if (c == -1)
            {
                throw Error(line, column, "unterminated string: expected a closing '\"' before the end of the file");
            }

            if (c == '"')
            {
                return new NfgToken(NfgTokenKind.String, _text.ToString(), line, column);
            }

            if (c == '\\')
            {
                c = Advance();
                if (c == -1)
                {
                    throw Error(line, column, "unterminated string: expected a closing '\"' before the end of the file");
                }
            }

            if (c == 0)
            {
                throw Error(_line, _column - 1, "unexpected NUL character in a string (is this a binary file?)");
            }

            if (_text.Length >= MaxTokenLength)
            {
                throw Error(line, column, $"string longer than {MaxTokenLength} characters (is this a binary file?)");
            }

            _text.Append((char)c);
        }
    }

    private NfgToken ReadWord(int line, int column)
    {
        _text.Clear();
        while (true)
        {
            int c = _reader.Peek();
            if (c is -1 or ' ' or '\t' or '\r' or '\n' or '\f' or '\v' or '{' or '}' or ',' or '"')
            {
                break;
            }

            if (c < 0x20 || c == 0x7F || c == 0xFFFD)
            {
                throw Error(_line, _column, $"unexpected character U+{c:X4} (is this a binary file?)");
            }

            if (_text.Length >= MaxTokenLength)
            {
                throw Error(line, column, $"token longer than {MaxTokenLength} characters (is this a binary file?)");
            }

            _text.Append((char)Advance());
        }

        return new NfgToken(NfgTokenKind.Word, _text.ToString(), line, column);
    }
}
