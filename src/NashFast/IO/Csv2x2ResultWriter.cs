using System.Globalization;
using NashFast.TwoByTwo;

namespace NashFast.IO;

/// <summary>
/// Writes the batch solver's answers as CSV, one row per input row:
/// <c>line,mask,count,flags,degenerate,p,q,row_payoff,col_payoff,error</c>. <c>mask</c> has bit <c>2i + j</c> set
/// when (row i, column j) is a pure equilibrium; <c>count</c> is the number of extreme equilibria; <c>flags</c> the
/// <see cref="Solution2x2Flags"/> value (1 degenerate, 2 completely mixed, 4 invalid); <c>p</c>, <c>q</c> and the
/// payoffs belong to the completely mixed equilibrium (empty when there is none). A bad row has only its line,
/// flags 4 and its error.
/// </summary>
public sealed class Csv2x2ResultWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "line,mask,count,flags,degenerate,p,q,row_payoff,col_payoff,error";

    private readonly TextWriter _writer;

    /// <summary>Creates a writer (not owned: the caller disposes it) and writes the header.</summary>
    public Csv2x2ResultWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _writer.Write(Header);
        _writer.Write('\n');
    }

    /// <summary>Writes the answers to the games of <paramref name="chunk"/>.</summary>
    /// <param name="chunk">The games, as read.</param>
    /// <param name="solutions">The batch solver's output for <paramref name="chunk"/>'s games, with payoffs.</param>
    public void Write(Csv2x2Chunk chunk, Solutions2x2<double> solutions)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        solutions.Validate(chunk.Count);
        Span<char> number = stackalloc char[32];
        for (int k = 0; k < chunk.Count; k++)
        {
            WriteInteger(chunk.Line(k));
            string? error = chunk.Error(k);
            Solution2x2Flags flags = solutions.Flags[k];
            if (error is not null || (flags & Solution2x2Flags.Invalid) != 0)
            {
                _writer.Write(",,,");
                WriteInteger((long)Solution2x2Flags.Invalid);
                _writer.Write(",,,,,,");
                WriteQuoted(error ?? "a payoff is not finite");
                _writer.Write('\n');
                continue;
            }

            _writer.Write(',');
            WriteInteger(solutions.PureMask[k]);
            _writer.Write(',');
            WriteInteger(solutions.Count[k]);
            _writer.Write(',');
            WriteInteger((long)flags);
            _writer.Write((flags & Solution2x2Flags.Degenerate) != 0 ? ",1," : ",0,");
            WriteDouble(solutions.P[k], number);
            _writer.Write(',');
            WriteDouble(solutions.Q[k], number);
            _writer.Write(',');
            WriteDouble(solutions.WantsPayoffs ? solutions.RowPayoff[k] : double.NaN, number);
            _writer.Write(',');
            WriteDouble(solutions.WantsPayoffs ? solutions.ColumnPayoff[k] : double.NaN, number);
            _writer.Write(",\n");
        }
    }

    private void WriteInteger(long value) => _writer.Write(value.ToString(CultureInfo.InvariantCulture));

    // Shortest round-trip form; NaN (no completely mixed equilibrium) as an empty field.
    private void WriteDouble(double value, Span<char> scratch)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        value.TryFormat(scratch, out int written, "R", CultureInfo.InvariantCulture);
        _writer.Write(scratch[..written]);
    }

    private void WriteQuoted(string text)
    {
        _writer.Write('"');
        _writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }
}
