using System.Globalization;
using NashFast.Games;

namespace NashFast.IO;

/// <summary>
/// Streams 2×2 games from CSV, one game per row, eight payoffs <c>a00,a01,a10,a11,b00,b01,b10,b11</c> (numbers,
/// decimals with exponents, or fractions <c>3/2</c>); an optional header row (a first row with no numeric field);
/// blank lines are skipped. Reads chunk by chunk into a reusable <see cref="Csv2x2Chunk"/>: memory stays bounded
/// whatever the input length.
/// </summary>
/// <remarks>
/// A bad row (wrong number of fields, a non-numeric field, NaN or an infinite value, a line longer than
/// <see cref="MaxLineLength"/>) does not stop the stream: it takes its own slot, with NaN payoffs and an error naming
/// its line, column and problem.
/// </remarks>
public sealed class Csv2x2Reader
{
    /// <summary>The longest line read as a game; longer lines (binary input, say) are reported as bad rows.</summary>
    public const int MaxLineLength = 4096;

    private static readonly string[] Names = ["a00", "a01", "a10", "a11", "b00", "b01", "b10", "b11"];

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private long _line;
    private bool _firstRow = true;

    /// <summary>Creates a reader over CSV text (not owned: the caller disposes it).</summary>
    public Csv2x2Reader(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    /// <summary>The number of lines read so far.</summary>
    public long LinesRead => _line;

    /// <summary>Fills <paramref name="chunk"/> (emptied first) with the next games; returns their number, 0 at the end.</summary>
    public int ReadChunk(Csv2x2Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        chunk.Clear();
        while (chunk.Count < chunk.Capacity && NextLine(out ReadOnlySpan<char> line, out bool tooLong))
        {
            if (tooLong)
            {
                AddBad(chunk, $"line {_line}, column {MaxLineLength + 1}: expected a row of 8 payoffs, found a line longer than {MaxLineLength} characters");
                continue;
            }

            if (line.IsWhiteSpace())
            {
                continue;
            }

            bool first = _firstRow;
            _firstRow = false;
            if (first && IsHeader(line))
            {
                continue;
            }

            ParseRow(chunk, line);
        }

        return chunk.Count;
    }

    private void ParseRow(Csv2x2Chunk chunk, ReadOnlySpan<char> line)
    {
        int slot = chunk.Count;
        int field = 0, start = 0;
        while (true)
        {
            int comma = line[start..].IndexOf(',');
            int stop = comma < 0 ? line.Length : start + comma;
            if (field < 8)
            {
                ReadOnlySpan<char> text = line[start..stop].Trim();
                if (!TryParsePayoff(text, out double value, out string? problem))
                {
                    AddBad(chunk, $"line {_line}, column {start + 1}: expected payoff {Names[field]} (a finite number), found '{Shorten(text)}'{problem}");
                    return;
                }

                chunk.Entry(field)[slot] = value;
            }

            field++;
            if (comma < 0)
            {
                break;
            }

            start = stop + 1;
        }

        if (field != 8)
        {
            int column = field < 8 ? line.Length + 1 : FieldStart(line, 8) + 1;
            AddBad(chunk, $"line {_line}, column {column}: expected 8 fields (a00,a01,a10,a11,b00,b01,b10,b11), found {field}");
            return;
        }

        chunk.Add(_line, null);
    }

    private static bool TryParsePayoff(ReadOnlySpan<char> text, out double value, out string? problem)
    {
        problem = null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            if (double.IsFinite(value))
            {
                return true;
            }

            problem = " (NaN and infinite payoffs are not allowed)";
            return false;
        }

        if (text.Contains('/') && Rational.TryParse(text, out Rational r))
        {
            value = r.ToDouble();
            if (double.IsFinite(value))
            {
                return true;
            }

            problem = " (infinite payoffs are not allowed)";
        }

        return false;
    }

    private static bool IsHeader(ReadOnlySpan<char> line)
    {
        foreach (Range r in line.Split(','))
        {
            if (TryParsePayoff(line[r].Trim(), out _, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static int FieldStart(ReadOnlySpan<char> line, int field)
    {
        int k = 0;
        for (int f = 0; f < field; f++)
        {
            k += line[k..].IndexOf(',') + 1;
        }

        return k;
    }

    private static string Shorten(ReadOnlySpan<char> s)
    {
        var clean = new System.Text.StringBuilder();
        foreach (char c in s.Length <= 30 ? s : s[..30])
        {
            clean.Append(char.IsControl(c) ? '?' : c);
        }

        return s.Length <= 30 ? clean.ToString() : clean + "…";
    }

    private void AddBad(Csv2x2Chunk chunk, string error)
    {
        int slot = chunk.Count;
        for (int e = 0; e < 8; e++)
        {
            chunk.Entry(e)[slot] = double.NaN;
        }

        chunk.Add(_line, error);
    }

    /// <summary>The next line without its terminator; a line longer than the limit is skipped and flagged.</summary>
    private bool NextLine(out ReadOnlySpan<char> line, out bool tooLong)
    {
        line = default;
        tooLong = false;
        bool skipping = false;
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf('\n');
            if (newline >= 0)
            {
                int stop = _start + newline;
                if (!skipping)
                {
                    line = TrimCr(_buffer.AsSpan(_start, stop - _start));
                }

                _start = stop + 1;
                _line++;
                tooLong = skipping || line.Length > MaxLineLength;
                if (tooLong)
                {
                    line = default;
                }

                return true;
            }

            if (_end - _start > MaxLineLength)
            {
                // Too long to be a game: drop what is buffered and skip to the end of the line.
                skipping = true;
                _start = _end;
            }

            if (_eof)
            {
                if (_end > _start || skipping)
                {
                    line = skipping ? default : TrimCr(_buffer.AsSpan(_start, _end - _start));
                    _start = _end;
                    _line++;
                    tooLong = skipping;
                    return true;
                }

                return false;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        int n = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
        }

        _end += n;
    }

    private static ReadOnlySpan<char> TrimCr(ReadOnlySpan<char> s) => s.Length > 0 && s[^1] == '\r' ? s[..^1] : s;
}
