using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using NashFast.Games;
using NashFast.IO;
using Spectre.Console;

namespace NashFast.Cli.Commands;

/// <summary>
/// <c>nashfast solve FILE…|- [--method M] [--exact] [--format text|json] [--threads N] [--max-equilibria K]</c>:
/// reads each game (<c>.nfg</c> or <c>.json</c>; <c>-</c> is standard input), solves it with
/// <see cref="NashSolver"/> and prints a table (text) or one JSON object per game (JSON Lines).
/// </summary>
internal static class SolveCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Game files (.nfg or .json); '-' reads one game from standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var method = new Option<string>("--method", "-m")
        {
            Description = "auto, pure, support, vertex, lh (Lemke–Howson: one equilibrium), reference or 2x2 (auto picks per game and reports its choice).",
            DefaultValueFactory = _ => "auto",
        };
        method.Validators.Add(r =>
        {
            string? text = r.GetValueOrDefault<string>();
            if (!SolverMethodNames.TryParse(text, out _))
            {
                r.AddError($"Unknown method '{text}'; expected auto, pure, support, vertex, lh, reference or 2x2.");
            }
        });
        var exact = new Option<bool>("--exact")
        {
            Description = "Exact rational arithmetic: probabilities and payoffs printed as fractions (\"1/3\").",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (a table per game) or json (one JSON object per game and line).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Worker threads per game (0 = all cores).",
            DefaultValueFactory = _ => 1,
        };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--threads must be 0 (all cores) or a positive number.");
            }
        });
        var maxEquilibria = new Option<int?>("--max-equilibria")
        {
            Description = "Stop after K equilibria per game (the result is then marked incomplete, exit code 3).",
        };
        maxEquilibria.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--max-equilibria must be a positive number.");
            }
        });

        var components = new Option<bool>("--components")
        {
            Description = "Also print the maximal Nash subsets (convex components of the equilibrium set); uses vertex enumeration.",
        };

        var lhLabel = new Option<string>("--lh-label")
        {
            Description = "Lemke–Howson: the label dropped at the start, 0..m-1 (rows) or m..m+n-1 (columns), or 'all' for the distinct equilibria of every label's path.",
            DefaultValueFactory = _ => "0",
        };
        lhLabel.Validators.Add(r =>
        {
            if (ParseLabel(r.GetValueOrDefault<string>()) is null)
            {
                r.AddError($"--lh-label must be a label number (0 or more) or 'all'; got '{r.GetValueOrDefault<string>()}'.");
            }
        });

        var command = new Command("solve", "Solve games from .nfg or .json files: all (extreme) Nash equilibria.")
        {
            files, method, exact, format, threads, maxEquilibria, components, lhLabel,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            // Validated above, so the name parses.
            SolverMethod requested = SolverMethodNames.TryParse(parse.GetValue(method), out SolverMethod m) ? m : SolverMethod.Auto;
            bool wantComponents = parse.GetValue(components);
            if (wantComponents && requested is not (SolverMethod.Auto or SolverMethod.VertexEnumeration))
            {
                parse.InvocationConfiguration.Error.WriteLine($"--components needs vertex enumeration; it cannot be combined with --method {requested.ToName()}.");
                return Task.FromResult(ExitCodes.BadInput);
            }

            if (parse.GetResult(lhLabel) is { Implicit: false } && requested != SolverMethod.LemkeHowson)
            {
                parse.InvocationConfiguration.Error.WriteLine("--lh-label is an option of Lemke-Howson; use it with --method lh.");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var settings = new Settings(
                wantComponents ? SolverMethod.VertexEnumeration : ChooseMethod(requested, parse.GetValue(exact)),
                parse.GetValue(exact),
                parse.GetValue(format) == "json",
                parse.GetValue(threads),
                parse.GetValue(maxEquilibria) ?? int.MaxValue,
                wantComponents,
                ParseLabel(parse.GetValue(lhLabel)) ?? 0);
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            return Task.FromResult(Run(parse.GetValue(files) ?? [], settings, output, error, cancellationToken));
        });
        return command;
    }

    /// <summary>The label of <c>--lh-label</c>: a non-negative number, or −1 for <c>all</c>; null when invalid.</summary>
    private static int? ParseLabel(string? text) =>
        text is null ? null
        : text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase) ? -1
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int label) ? label
        : null;

    /// <summary>
    /// The one place where <c>--exact</c> picks the method: <c>auto</c> becomes exact vertex enumeration (valid for
    /// every game, exact rational output); an explicit method is kept, and must then compute exact equilibria itself.
    /// </summary>
    public static SolverMethod ChooseMethod(SolverMethod requested, bool exact) =>
        exact && requested == SolverMethod.Auto ? SolverMethod.VertexEnumeration : requested;

    private static int Run(string[] files, Settings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        int status = ExitCodes.Success;
        foreach (string file in files)
        {
            status = ExitCodes.Worst(status, SolveOne(file, settings, output, error, cancellationToken));
            if (cancellationToken.IsCancellationRequested)
            {
                // The game being solved printed what was found; the rest are not started.
                return ExitCodes.Worst(status, ExitCodes.Incomplete);
            }
        }

        return status;
    }

    private static int SolveOne(string file, Settings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        GameFile game;
        try
        {
            game = file == "-" ? GameReader.Read(Console.OpenStandardInput(), "-") : GameReader.ReadFile(file);
        }
        catch (GameFormatException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{file}: cannot read the file: {e.Message}");
            return ExitCodes.BadInput;
        }

        int labels = game.Exact.Rows + game.Exact.Columns;
        if (settings.Method == SolverMethod.LemkeHowson && settings.LemkeHowsonLabel >= labels)
        {
            error.WriteLine($"{file}: --lh-label {settings.LemkeHowsonLabel} is out of range for this {game.Exact.Rows}x{game.Exact.Columns} game; expected 0..{labels - 1} or all.");
            return ExitCodes.BadInput;
        }

        // Equilibria as they are found, so that a cancelled solve can still print them.
        var found = new List<Equilibrium>();
        var progress = new SolveProgressPrinter(file, error);
        var options = new SolveOptions
        {
            Method = settings.Method,
            MaxEquilibria = settings.MaxEquilibria,
            MaxDegreeOfParallelism = settings.Threads,
            Components = settings.Components,
            ExactResults = settings.Exact, // printed only with --exact (components compute them anyway)
            LemkeHowsonLabel = settings.LemkeHowsonLabel,
            CancellationToken = cancellationToken,
            Progress = progress.Report,
            ProgressInterval = progress.Interval,
            OnEquilibrium = e =>
            {
                lock (found)
                {
                    found.Add(e);
                }
            },
        };

        SolveResult result;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            result = NashSolver.Solve(game.Exact, options);
            stopwatch.Stop();
        }
        catch (OperationCanceledException)
        {
            stopwatch.Stop();
            found.Sort(EquilibriumOrder.Instance);
            result = new SolveResult(settings.Method, false, false, found, "cancelled");
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            progress.Clear();
            error.WriteLine($"{file}: {e.Message}");
            return ExitCodes.BadInput;
        }
        finally
        {
            progress.Clear(); // before any other output (the status line shares the terminal)
        }

        if (settings.Exact && result.Complete && result.ExactEquilibria is null)
        {
            error.WriteLine($"{file}: method '{result.Method.ToName()}' does not compute exact equilibria; with --exact use --method auto or reference.");
            return ExitCodes.BadInput;
        }

        double elapsedMs = stopwatch.Elapsed.TotalMilliseconds;
        if (settings.Json)
        {
            PrintJson(file, game, result, elapsedMs, settings.Exact, output);
        }
        else
        {
            PrintTable(file, game, result, elapsedMs, settings.Exact, output);
        }

        return result.Complete ? ExitCodes.Success : ExitCodes.Incomplete;
    }

    private static void PrintJson(string file, GameFile game, SolveResult result, double elapsedMs, bool exact, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SolveResultJsonWriter.Write(writer, file, game.Exact.Rows, game.Exact.Columns, result, elapsedMs, exact);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Flush();
    }

    private static void PrintTable(string file, GameFile game, SolveResult result, double elapsedMs, bool exact, TextWriter output)
    {
        IAnsiConsole console = Output.Console(output);
        string title = game.Title.Length > 0 ? $" \"{game.Title}\"" : string.Empty;
        console.WriteLine($"{file}{title}: {game.Exact.Rows}x{game.Exact.Columns}, method {result.Method.ToName()}, " +
                          $"{(result.Degenerate ? "degenerate" : "nondegenerate")}, {result.Equilibria.Count} equilibria" +
                          $"{(result.Complete ? string.Empty : $" (INCOMPLETE: {result.IncompleteReason})")}, {elapsedMs:0.###} ms");
        var table = new Table().AddColumns("#", $"{Markup.Escape(game.PlayerNames[0])} (rows)", $"{Markup.Escape(game.PlayerNames[1])} (columns)", "payoffs");
        if (exact && result.ExactEquilibria is { } exactEquilibria)
        {
            for (int k = 0; k < exactEquilibria.Count; k++)
            {
                ExactEquilibrium e = exactEquilibria[k];
                table.AddRow((k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Output.Vector(e.Row), Output.Vector(e.Column), $"{e.RowPayoff}, {e.ColumnPayoff}");
            }
        }
        else
        {
            for (int k = 0; k < result.Equilibria.Count; k++)
            {
                Equilibrium e = result.Equilibria[k];
                table.AddRow((k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Output.Vector(e.Row), Output.Vector(e.Column), $"{Output.Number(e.RowPayoff)}, {Output.Number(e.ColumnPayoff)}");
            }
        }

        console.Write(table);
        if (result.Components is { } subsets)
        {
            foreach (NashSubset subset in subsets)
            {
                console.WriteLine($"component {subset.Component}: every mix of row vertices {{{string.Join("; ", subset.RowVertices.Select(v => Output.Vector(v)))}}} " +
                                  $"with column vertices {{{string.Join("; ", subset.ColumnVertices.Select(v => Output.Vector(v)))}}} is an equilibrium");
            }
        }

        output.Flush();
    }

    private sealed record Settings(SolverMethod Method, bool Exact, bool Json, int Threads, int MaxEquilibria, bool Components, int LemkeHowsonLabel);
}
