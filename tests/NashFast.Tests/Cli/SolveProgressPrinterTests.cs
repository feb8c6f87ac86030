using NashFast.Cli.Commands;
using NashFast.Games;

namespace NashFast.Tests.Cli;

/// <summary>The status line of a long <c>nashfast solve</c> (see <see cref="SolveProgressPrinter"/>).</summary>
public class SolveProgressPrinterTests
{
    [Fact]
    public void Format_NamesTheFileTheMethodTheCountAndTheTime()
    {
        Assert.Equal(
            "g.nfg: vertex-enumeration, 1,234,567 vertices, 12 s",
            SolveProgressPrinter.Format("g.nfg", new SolveProgress(SolverMethod.VertexEnumeration, TimeSpan.FromSeconds(12.2), 1_234_567, null, "vertices")));
        Assert.Equal(
            "h.json: support-enumeration, 2,048 / 4,095 row supports (50 %), 3 s",
            SolveProgressPrinter.Format("h.json", new SolveProgress(SolverMethod.SupportEnumeration, TimeSpan.FromSeconds(2.6), 2048, 4095, "row supports")));
    }

    [Fact]
    public void Redirected_PrintsPlainLines_EveryTenSeconds_AndClearsNothing()
    {
        using var error = new StringWriter();
        var printer = new SolveProgressPrinter("g.nfg", error);
        Assert.Equal(TimeSpan.FromSeconds(10), printer.Interval);
        printer.Report(new SolveProgress(SolverMethod.VertexEnumeration, TimeSpan.FromSeconds(10), 64, null, "vertices"));
        printer.Report(new SolveProgress(SolverMethod.VertexEnumeration, TimeSpan.FromSeconds(20), 128, null, "vertices"));
        printer.Clear();
        Assert.Equal(
            "g.nfg: vertex-enumeration, 64 vertices, 10 s" + Environment.NewLine + "g.nfg: vertex-enumeration, 128 vertices, 20 s" + Environment.NewLine,
            error.ToString());
    }
}
