using System.CommandLine;
using System.Globalization;
using NashFast.Games;
using NashFast.MonteCarlo;
using NashFast.Random;
using Spectre.Console;

namespace NashFast.Cli.Commands;

/// <summary><c>nashfast montecarlo</c>: draw random games, solve them, print or save the statistics.</summary>
internal static class MonteCarloCommand
{
    public static Command Create()
    {
        var shape = new Option<string>("--shape") { Description = "Game shape MxN (2x2 uses the fused 2x2 runner).", DefaultValueFactory = _ => "2x2" };
        var games = new Option<long>("--games", "-n")
        {
            Description = $"Games in the whole run (default {MonteCarloOptions.DefaultGames.ToString("N0", CultureInfo.InvariantCulture)}).",
            DefaultValueFactory = _ => MonteCarloOptions.DefaultGames,
        };
        var dist = new Option<string>("--dist") { Description = "Payoffs: uniform | normal | int:LO..HI | covariant:RHO.", DefaultValueFactory = _ => "normal" };
        var seed = new Option<ulong>("--seed") { Description = "Seed (game g is a pure function of seed and g).", DefaultValueFactory = _ => MonteCarloOptions.DefaultSeed };
        var method = new Option<string>("--method") { Description = "auto | pure | support | reference | 2x2 (pure: only pure statistics; support: a little faster than auto on small m×n games, its degenerate count only counts signs of degeneracy seen).", DefaultValueFactory = _ => "auto" };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads (0 = one per core).", DefaultValueFactory = _ => 0 };
        var shard = new Option<string>("--shard") { Description = "Run only shard K of N (1-based, e.g. 2/4); merge the shards' JSON with `nashfast merge`.", DefaultValueFactory = _ => "1/1" };
        var format = new Option<string>("--format") { Description = "Output on stdout: text (a table) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var bins = new Option<int>("--bins") { Description = "Bins of the p and q histograms over [0, 1].", DefaultValueFactory = _ => MonteCarloOptions.DefaultBins };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the JSON summary to this file." };
        var plot = new Option<string?>("--plot") { Description = "Write PNG histograms (ScottPlot): FILE.png (number of equilibria) and FILE-pq.png (p and q)." };
        var perGame = new Option<string?>("--per-game") { Description = "Write one row per game of this shard to a Parquet file (a second pass over the same games)." };

        var command = new Command("montecarlo", "Monte Carlo study over random games: equilibrium counts, pure equilibria, mixing probabilities.")
        {
            shape, games, dist, seed, method, threads, shard, format, bins, output, plot, perGame,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string? error = null;
            if (!ShapeParser.TryParse(parse.GetValue(shape), out int rows, out int columns))
            {
                error = $"--shape '{parse.GetValue(shape)}' is not MxN with positive sizes (e.g. 2x2, 3x4).";
            }

            IGameDistribution? distribution = null;
            try
            {
                distribution = GameDistributions.Parse(parse.GetValue(dist) ?? "");
            }
            catch (ArgumentException ex)
            {
                error ??= "--dist: " + ex.Message.Split(" (Parameter")[0];
            }

            if (!SolverMethodNames.TryParse(parse.GetValue(method), out SolverMethod m))
            {
                error ??= $"--method '{parse.GetValue(method)}' is unknown; use auto, pure, support, reference or 2x2.";
            }

            Shard sh = Shard.Whole;
            try
            {
                sh = Shard.Parse(parse.GetValue(shard) ?? "");
            }
            catch (ArgumentException ex)
            {
                error ??= "--shard: " + ex.Message.Split(" (Parameter")[0];
            }

            long n = parse.GetValue(games);
            int t = parse.GetValue(threads);
            int b = parse.GetValue(bins);
            error ??= n < 0 || n > MonteCarloRunner.MaxGames ? "--games must be between 0 and 2^62." : t < 0 ? "--threads must be 0 (one per core) or positive." : b < 1 || b > 1_000_000 ? "--bins must be between 1 and 1000000." : null;
            if (error is not null)
            {
                Console.Error.WriteLine("nashfast montecarlo: " + error);
                return ExitCodes.BadInput;
            }

            var options = new MonteCarloOptions
            {
                Rows = rows, Columns = columns, Distribution = distribution!, Seed = parse.GetValue(seed), Games = n, Shard = sh,
                Method = m, Threads = t, Bins = b, CancellationToken = cancellationToken,
            };
            MonteCarloSummary summary;
            try
            {
                summary = RunWithProgress(options, sh.Range(n).Length);
            }
            catch (NotSupportedException ex)
            {
                Console.Error.WriteLine($"nashfast montecarlo: {ex.Message}");
                return ExitCodes.BadInput;
            }

            string? path = parse.GetValue(output);
            SummaryPrinter.Print(summary, parse.GetValue(format) ?? "text");
            if (path is not null && SummaryPrinter.WriteJson(summary, path) is string writeError)
            {
                Console.Error.WriteLine("nashfast montecarlo: " + writeError);
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(plot) is string png)
            {
                try
                {
                    foreach (string file in HistogramPlot.Write(summary, png))
                    {
                        Console.Error.WriteLine("montecarlo: wrote " + file);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TypeInitializationException or DllNotFoundException)
                {
                    Console.Error.WriteLine($"nashfast montecarlo: cannot write the plot '{png}': {ex.Message}");
                    return ExitCodes.BadInput;
                }
            }

            if (parse.GetValue(perGame) is string parquet && !summary.Cancelled)
            {
                try
                {
                    GameRange r = sh.Range(n);
                    await PerGameParquet.WriteAsync(parquet, distribution!, options.Seed, r.Start, r.End, rows, columns, m, cancellationToken).ConfigureAwait(false);
                    Console.Error.WriteLine("montecarlo: wrote " + parquet);
                }
                catch (OperationCanceledException)
                {
                    return ExitCodes.Incomplete;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
                {
                    Console.Error.WriteLine($"nashfast montecarlo: cannot write '{parquet}': {ex.Message}");
                    return ExitCodes.BadInput;
                }
            }

            return summary.Cancelled ? ExitCodes.Incomplete : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A live progress bar on a terminal (on stderr, so JSON on stdout stays clean); plain lines when redirected.</summary>
    private static MonteCarloSummary RunWithProgress(MonteCarloOptions options, long total)
    {
        if (Console.IsErrorRedirected)
        {
            DateTime last = DateTime.UtcNow;
            return MonteCarloRunner.Run(options with
            {
                ProgressInterval = TimeSpan.FromSeconds(1),
                Progress = done =>
                {
                    if (done < total && DateTime.UtcNow - last >= TimeSpan.FromSeconds(5))
                    {
                        last = DateTime.UtcNow;
                        Console.Error.WriteLine(FormattableString.Invariant($"montecarlo: {done:N0} / {total:N0} games"));
                    }
                },
            });
        }

        IAnsiConsole err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        MonteCarloSummary? result = null;
        err.Progress()
           .AutoClear(true)
           .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
           .Start(ctx =>
           {
               ProgressTask task = ctx.AddTask("games", maxValue: Math.Max(1, total));
               result = MonteCarloRunner.Run(options with { Progress = done => task.Value = done });
               task.Value = Math.Max(1, total);
           });
        return result!;
    }
}
