namespace NashFast.IO;

/// <summary>
/// A game file (<c>.nfg</c>, JSON, CSV) could not be read. The message is one line,
/// <c>FILE:LINE:COLUMN: problem</c>, naming what was expected and what was found.
/// </summary>
public class GameFormatException : FormatException
{
    /// <summary>Creates an exception with a message only (no position).</summary>
    public GameFormatException()
        : this(null, 0, 0, "The game file could not be read.")
    {
    }

    /// <summary>Creates an exception with a message only (no position).</summary>
    public GameFormatException(string message)
        : this(null, 0, 0, message)
    {
    }

    /// <summary>Creates an exception with a message and an inner exception (no position).</summary>
    public GameFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    /// <summary>Creates an exception for a problem at a position of a file.</summary>
    /// <param name="fileName">The file's name as the user gave it (null or empty for an unnamed input).</param>
    /// <param name="line">1-based line, or 0 when unknown.</param>
    /// <param name="column">1-based column, or 0 when unknown.</param>
    /// <param name="problem">What was expected and what was found.</param>
    public GameFormatException(string? fileName, long line, long column, string problem)
        : base(Format(fileName, line, column, problem))
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file's name as given by the caller, or null.</summary>
    public string? FileName { get; }

    /// <summary>1-based line of the problem (0 when unknown).</summary>
    public long Line { get; }

    /// <summary>1-based column of the problem (0 when unknown).</summary>
    public long Column { get; }

    /// <summary>The problem alone, without the position.</summary>
    public string Problem { get; } = string.Empty;

    private static string Format(string? fileName, long line, long column, string problem)
    {
        string file = string.IsNullOrEmpty(fileName) ? "<input>" : fileName;
        return line > 0 ? $"{file}:{line}:{column}: {problem}" : $"{file}: {problem}";
    }
}
