using System.CommandLine;
using System.CommandLine.Help;
using NashFast.Cli.Commands;

namespace NashFast.Cli;

/// <summary>The <c>nashfast</c> entry point: builds the command tree and runs it.</summary>
internal static class Program
{
    /// <summary>The root command; each subcommand lives in its own file under <c>Commands/</c>.</summary>
    public static Command CreateRootCommand()
    {
        // A plain command named "nashfast" rather than RootCommand, whose name would be the assembly's (NashFast.Cli).
        var root = new Command("nashfast", "nashfast: Nash equilibria of two-player (bimatrix) games, fast and exact-checked.")
        {
            new HelpOption(),
            new VersionOption(),
        };

        // One line per command.
        root.Subcommands.Add(SolveCommand.Create());
        root.Subcommands.Add(Solve2x2Command.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(MonteCarloCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(RandomCommand.Create());

        return root;
    }

    public static int Main(string[] args)
    {
        // Ctrl+C cancels the running command, which prints what it has found and exits with 3; a second Ctrl+C ends
        // the process at once.
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (!cancel.IsCancellationRequested)
            {
                e.Cancel = true;
                cancel.Cancel();
            }
        };
        return CliRunner.Run(CreateRootCommand(), args, Console.Out, Console.Error, cancel.Token);
    }
}
