using System.Globalization;
using NashFast.MonteCarlo;
using Spectre.Console;

namespace NashFast.Cli.Commands;

/// <summary>Prints a Monte Carlo summary as a table (Spectre.Console) or JSON, and writes the JSON file.</summary>
internal static class SummaryPrinter
{
    public static void Print(MonteCarloSummary s, string format)
    {
        if (format == "json")
        {
            Console.Out.WriteLine(MonteCarloJson.Serialize(s));
            return;
        }

        IAnsiConsole console = AnsiConsole.Console;
        var table = new Table().Title($"Monte Carlo: {s.Rows}x{s.Columns} games, {Markup.Escape(s.Distribution)} payoffs, seed {s.Seed}");
        table.AddColumn("statistic");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddColumn(new TableColumn("fraction").RightAligned());
        void Row(string name, string value, string fraction = "") => table.AddRow(Markup.Escape(name), Markup.Escape(value), Markup.Escape(fraction));
        string Frac(long k) => s.ValidGames > 0 ? ((double)k / s.ValidGames).ToString("F6", CultureInfo.InvariantCulture) : "";
        string N(long k) => k.ToString("N0", CultureInfo.InvariantCulture);
        string D(double x) => double.IsFinite(x) ? x.ToString("F6", CultureInfo.InvariantCulture) : "-";

        Row("method", s.Method);
        Row("games", N(s.Games) + (s.Games != s.RunGames ? $" of {N(s.RunGames)}" : ""));
        if (s.InvalidGames > 0)
        {
            Row("invalid games (non-finite payoffs)", N(s.InvalidGames), Frac(s.InvalidGames));
        }

        foreach (KeyValuePair<int, long> kv in s.EquilibriaHistogram)
        {
            Row($"games with {kv.Key} equilibria", N(kv.Value), Frac(kv.Value));
        }

        foreach (KeyValuePair<int, long> kv in s.PureHistogram)
        {
            Row($"games with {kv.Key} pure equilibria", N(kv.Value), Frac(kv.Value));
        }

        if (s.DegenerateGames is long dg)
        {
            Row("degenerate games", N(dg), Frac(dg));
        }

        if (s.CompletelyMixedGames is long cm)
        {
            Row("games with a completely mixed equilibrium", N(cm), Frac(cm));
        }

        if (s.IncompleteGames is long ig && ig > 0)
        {
            Row("games solved incompletely", N(ig), Frac(ig));
        }

        Row("mean equilibria per game", D(s.MeanEquilibria));
        Row("mean pure equilibria per game", D(s.MeanPureEquilibria));
        Row("mean equilibrium payoff (row, column)", D(s.MeanRowPayoff) + ", " + D(s.MeanColumnPayoff));
        foreach (KeyValuePair<(int Row, int Column), long> kv in s.SupportHistogram)
        {
            Row($"equilibria with supports {kv.Key.Row}x{kv.Key.Column}", N(kv.Value));
        }

        Row("elapsed", s.ElapsedSeconds.ToString("F3", CultureInfo.InvariantCulture) + " s");
        Row("games per second", double.IsFinite(s.GamesPerSecond) ? N((long)s.GamesPerSecond) : "-");
        if (s.Cancelled)
        {
            Row("CANCELLED", "the run stopped early; counts cover the games solved");
        }

        console.Write(table);
    }

    /// <summary>Writes the JSON summary to a file; returns an error message or null.</summary>
    public static string? WriteJson(MonteCarloSummary s, string path)
    {
        try
        {
            File.WriteAllText(path, MonteCarloJson.Serialize(s) + Environment.NewLine);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot write '{path}': {ex.Message}";
        }
    }
}
