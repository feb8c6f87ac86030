namespace NashFast.BenchCompare;

/// <summary>
/// Compares two folders of BenchmarkDotNet full JSON reports (a base run and a changed run, on the same machine) and
/// prints a markdown report of slower and faster benchmarks.
/// </summary>
public static class Program
{
    /// <summary>Exit code: no regression.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: at least one benchmark is slower beyond the threshold.</summary>
    public const int Regression = 1;

    /// <summary>Exit code: bad input (missing folder, unreadable report, bad option).</summary>
    public const int BadInput = 2;

    /// <summary>Entry point; see <see cref="CompareOptions.Usage"/>.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the comparison, writing the report to <paramref name="output"/> and errors to <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 1 && args[0] is "--help" or "-h")
        {
            output.WriteLine(CompareOptions.Usage);
            return Ok;
        }

        try
        {
            CompareOptions options = CompareOptions.Parse(args);
            IReadOnlyDictionary<string, BenchmarkResult> baseRun = ReportReader.ReadFolder(options.BaseFolder);
            IReadOnlyDictionary<string, BenchmarkResult> diffRun = ReportReader.ReadFolder(options.DiffFolder);
            CompareReport report = Comparer.Compare(baseRun, diffRun, options);
            var text = new StringWriter();
            MarkdownReport.Write(report, text);
            output.Write(text.ToString());
            if (options.OutputFile is not null)
            {
                WriteFile(options.OutputFile, text.ToString());
            }

            return report.HasRegression ? Regression : Ok;
        }
        catch (BadInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine(CompareOptions.Usage);
            return BadInput;
        }
    }

    private static void WriteFile(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"cannot write {path}: {e.Message}", e);
        }
    }
}
