using System.Globalization;
using NashFast.Games;

namespace NashFast.Cli.Commands;

/// <summary>
/// Progress of a long <c>nashfast solve</c> on standard error (standard output stays the results'): on a terminal one
/// status line rewritten every second and erased when the game is done; redirected, a plain line every ten seconds.
/// A game solved within the first interval prints nothing.
/// </summary>
internal sealed class SolveProgressPrinter
{
    private readonly string _file;
    private readonly TextWriter _error;
    private readonly bool _terminal;
    private bool _shown;

    public SolveProgressPrinter(string file, TextWriter error)
    {
        _file = file;
        _error = error;
        _terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    }

    /// <summary>How often the solver reports (<see cref="SolveOptions.ProgressInterval"/>).</summary>
    public TimeSpan Interval => _terminal ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);

    /// <summary>Prints one report (the solver calls this one report at a time).</summary>
    public void Report(SolveProgress progress)
    {
        string line = Format(_file, progress);
        if (_terminal)
        {
            _error.Write($"\r{line}\u001b[K");
        }
        else
        {
            _error.WriteLine(line);
        }

        _error.Flush();
        _shown = true;
    }

    /// <summary>Erases the terminal's status line, if one was shown (call after the solve returned).</summary>
    public void Clear()
    {
        if (_terminal && _shown)
        {
            _error.Write("\r\u001b[K");
            _error.Flush();
            _shown = false;
        }
    }

    /// <summary>"game.nfg: vertex-enumeration, 1,234,567 vertices, 12 s" (with "/ total (pct %)" when the total is known).</summary>
    public static string Format(string file, SolveProgress progress)
    {
        string done = progress.Done.ToString("N0", CultureInfo.InvariantCulture);
        string amount = progress.Total is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{done} / {total:N0} {progress.Unit} ({(total > 0 ? 100.0 * progress.Done / total : 100):0} %)")
            : $"{done} {progress.Unit}";
        return string.Create(CultureInfo.InvariantCulture, $"{file}: {progress.Method.ToName()}, {amount}, {progress.Elapsed.TotalSeconds:0} s");
    }
}
