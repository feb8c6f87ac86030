using System.Globalization;
using NashFast.MonteCarlo;

namespace NashFast.Cli.Commands;

/// <summary>
/// <c>montecarlo --plot FILE.png</c>: PNG histograms with ScottPlot — the number of equilibria (or of pure equilibria with
/// <c>--method pure</c>) in FILE.png, and p and q in FILE-pq.png. Kept apart so ScottPlot/SkiaSharp load only when asked.
/// </summary>
internal static class HistogramPlot
{
    /// <summary>Writes the plots; returns the files written.</summary>
    public static string[] Write(MonteCarloSummary s, string path)
    {
        IReadOnlyDictionary<int, long> h = s.PureOnly ? s.PureHistogram : s.EquilibriaHistogram;
        var counts = new ScottPlot.Plot();
        double[] keys = h.Keys.Select(k => (double)k).ToArray();
        double[] values = h.Values.Select(v => s.ValidGames > 0 ? (double)v / s.ValidGames : 0).ToArray();
        counts.Add.Bars(keys, values);
        counts.Title(string.Create(CultureInfo.InvariantCulture, $"{s.Rows}x{s.Columns} {s.Distribution}, {s.Games:N0} games"));
        counts.XLabel(s.PureOnly ? "number of pure equilibria" : "number of equilibria");
        counts.YLabel("fraction of games");
        counts.SavePng(path, 800, 500);

        string pq = Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + "-pq" + Path.GetExtension(path));
        var mix = new ScottPlot.Plot();
        double width = 1.0 / s.Bins;
        double[] centers = Enumerable.Range(0, s.Bins).Select(k => (k + 0.5) * width).ToArray();
        var p = mix.Add.Bars(centers.Select(c => c - (width / 4)).ToArray(), s.PHistogram.Select(v => (double)v).ToArray());
        p.LegendText = "p = P(row 0)";
        foreach (ScottPlot.Bar bar in p.Bars)
        {
            bar.Size = width / 2;
        }

        var q = mix.Add.Bars(centers.Select(c => c + (width / 4)).ToArray(), s.QHistogram.Select(v => (double)v).ToArray());
        q.LegendText = "q = P(column 0)";
        foreach (ScottPlot.Bar bar in q.Bars)
        {
            bar.Size = width / 2;
        }

        mix.Title("completely mixed equilibria: p and q");
        mix.XLabel("probability");
        mix.YLabel("equilibria");
        mix.ShowLegend();
        mix.SavePng(pq, 800, 500);
        return [path, pq];
    }
}
