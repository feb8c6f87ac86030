using System.CommandLine;
using NashFast.MonteCarlo;

namespace NashFast.Cli.Commands;

/// <summary><c>nashfast merge</c>: add up the JSON summaries of the shards of one Monte Carlo run.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("summaries") { Description = "JSON summaries written by `nashfast montecarlo --out` (or --format json).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out", "-o") { Description = "Write the merged JSON summary to this file." };
        var format = new Option<string>("--format") { Description = "Output on stdout: text (a table) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("merge", "Merge Monte Carlo summaries of disjoint shards of one run: the counts equal the unsharded run's.") { files, output, format };
        command.SetAction(parse =>
        {
            var summaries = new List<MonteCarloSummary>();
            foreach (string path in parse.GetValue(files) ?? [])
            {
                try
                {
                    summaries.Add(MonteCarloJson.Parse(File.ReadAllText(path), path));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                {
                    Console.Error.WriteLine($"nashfast merge: {(ex is FormatException ? ex.Message : $"cannot read '{path}': {ex.Message}")}");
                    return ExitCodes.BadInput;
                }
            }

            MonteCarloSummary merged;
            try
            {
                merged = MonteCarloSummary.Merge(summaries);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine("nashfast merge: " + ex.Message.Split(" (Parameter")[0]);
                return ExitCodes.BadInput;
            }

            SummaryPrinter.Print(merged, parse.GetValue(format) ?? "text");
            string? path2 = parse.GetValue(output);
            if (path2 is not null && SummaryPrinter.WriteJson(merged, path2) is string writeError)
            {
                Console.Error.WriteLine("nashfast merge: " + writeError);
                return ExitCodes.BadInput;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
