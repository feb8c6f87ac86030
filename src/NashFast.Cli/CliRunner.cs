using System.CommandLine;

namespace NashFast.Cli;

/// <summary>
/// Parses and invokes a command line with the tool's conventions: usage errors print one line each on stderr and
/// exit with <see cref="ExitCodes.BadInput"/>; Ctrl+C cancels the running command's token.
/// </summary>
internal static class CliRunner
{
    public static int Run(Command root, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError e in parse.Errors)
            {
                error.WriteLine($"nashfast: {e.Message}");
            }

            error.WriteLine("Run 'nashfast --help' for usage.");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Ctrl+C is handled by the caller's token (Program.Main), so that a cancelled command can print what it found.
            ProcessTerminationTimeout = null,
        };
        return parse.InvokeAsync(configuration, cancellationToken).GetAwaiter().GetResult();
    }
}
