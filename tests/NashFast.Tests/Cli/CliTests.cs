using System.Text.Json;
using NashFast.Cli;
using NashFast.Tests.IO;

namespace NashFast.Tests.Cli;

/// <summary>End-to-end runs of the real `nashfast` command tree, in-process, with captured stdout and stderr.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nashfast-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Out, string Err) Run(CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliRunner.Run(Program.CreateRootCommand(), args, output, error, cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    private static (int Exit, string Out, string Err) Run(params string[] args) => Run(CancellationToken.None, args);

    private static string Game(string relative) => Corpus.PathOf(relative);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Components_OfTheAllZeroGame_AreOneSubsetCoveringTheSquare()
    {
        string file = Write("zero.json", "{\"A\": [[0, 0], [0, 0]], \"B\": [[0, 0], [0, 0]]}");
        var (exit, stdout, stderr) = Run("solve", file, "--format", "json", "--components", "--exact");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.Equal("vertex-enumeration", doc.RootElement.GetProperty("method").GetString());
        JsonElement components = doc.RootElement.GetProperty("components");
        Assert.Equal(1, components.GetArrayLength());
        JsonElement only = components[0];
        Assert.Equal("[1,0] [0,1]", Strings2(only.GetProperty("rowVertices")));
        Assert.Equal("[1,0] [0,1]", Strings2(only.GetProperty("colVertices")));

        // Another method cannot give components: a usage error.
        (exit, _, stderr) = Run("solve", file, "--components", "--method", "support");
        Assert.Equal(2, exit);
        Assert.Contains("--components needs vertex enumeration", stderr, StringComparison.Ordinal);
    }

    private static string Strings2(JsonElement vertices)
    {
        var parts = new List<string>();
        foreach (JsonElement v in vertices.EnumerateArray())
        {
            var items = new List<string>();
            foreach (JsonElement p in v.EnumerateArray())
            {
                items.Add(p.GetString()!);
            }

            parts.Add("[" + string.Join(",", items) + "]");
        }

        parts.Sort(StringComparer.Ordinal);
        parts.Reverse();
        return string.Join(" ", parts);
    }

    [Fact]
    public void SolveJson_HasExactlyTheDesignShape()
    {
        string file = Game(Path.Combine("gambit", "todd1.nfg"));
        var (exit, stdout, stderr) = Run("solve", file, "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        using JsonDocument doc = JsonDocument.Parse(lines[0]);
        JsonElement root = doc.RootElement;
        Assert.Equal(["file", "shape", "method", "degenerate", "complete", "elapsedMs", "equilibria"], Names(root));
        Assert.Equal(file, root.GetProperty("file").GetString());
        Assert.Equal([5, 3], [root.GetProperty("shape")[0].GetInt32(), root.GetProperty("shape")[1].GetInt32()]);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("method").GetString()));
        // The method is the one auto chose, never "auto" itself.
        Assert.NotEqual("auto", root.GetProperty("method").GetString());
        Assert.False(root.GetProperty("degenerate").GetBoolean());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.True(root.GetProperty("elapsedMs").GetDouble() >= 0);
        var expected = Corpus.Expected(Path.Combine("gambit", "todd1.nfg"));
        Assert.Equal(expected.Equilibria.Count, root.GetProperty("equilibria").GetArrayLength());
        foreach (JsonElement e in root.GetProperty("equilibria").EnumerateArray())
        {
            Assert.Equal(["row", "col", "payoffs"], Names(e));
            Assert.Equal(5, e.GetProperty("row").GetArrayLength());
            Assert.Equal(3, e.GetProperty("col").GetArrayLength());
            Assert.Equal(2, e.GetProperty("payoffs").GetArrayLength());
        }

        // Integral values print as integers ("1", "0"), never "1.0".
        Assert.DoesNotContain(".0,", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(".0]", stdout, StringComparison.Ordinal);
        Assert.Contains("\"payoffs\":[4,1]", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void SolveExact_PrintsRationalStrings_EqualToTheAnswer()
    {
        string relative = Path.Combine("fractional", Path.GetFileName(Directory.GetFiles(Path.Combine(Corpus.Root, "fractional"), "*.nfg")[0]));
        var (exit, stdout, _) = Run("solve", Game(relative), "--format", "json", "--exact");
        Assert.Equal(0, exit);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.Equal("vertex-enumeration", doc.RootElement.GetProperty("method").GetString());
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in Corpus.Expected(relative).Equilibria)
        {
            expected.Add($"{string.Join(" ", e.Row)}|{string.Join(" ", e.Column)}|{e.RowPayoff} {e.ColumnPayoff}");
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement e in doc.RootElement.GetProperty("equilibria").EnumerateArray())
        {
            found.Add($"{Strings(e.GetProperty("row"))}|{Strings(e.GetProperty("col"))}|{Strings(e.GetProperty("payoffs"))}");
        }

        Assert.Equal(expected, found);
    }

    [Fact]
    public void SeveralFiles_GiveJsonLines_InTheOrderGiven()
    {
        string[] files = [Game(Path.Combine("gambit", "pd.nfg")), Game(Path.Combine("gambit", "coord3.nfg")), Game(Path.Combine("gambit", "2x2.nfg"))];
        var (exit, stdout, _) = Run(["solve", .. files, "--format", "json"]);
        Assert.Equal(0, exit);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        for (int k = 0; k < 3; k++)
        {
            using JsonDocument doc = JsonDocument.Parse(lines[k]);
            Assert.Equal(files[k], doc.RootElement.GetProperty("file").GetString());
        }
    }

    [Fact]
    public void JsonGameFiles_AreSolvedToo()
    {
        string file = Write("bos.json", "{\"A\": [[3, 0], [0, 2]], \"B\": [[2, 0], [0, 3]]}");
        var (exit, stdout, _) = Run("solve", file, "--format", "json", "--exact");
        Assert.Equal(0, exit);
        Assert.Contains("{\"row\":[\"3/5\",\"2/5\"],\"col\":[\"2/5\",\"3/5\"],\"payoffs\":[\"6/5\",\"6/5\"]}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void BadFile_Exit2_OneLineNamingFileLineColumn_AndTheOtherFilesAreStillSolved()
    {
        string bad = Write("truncated.nfg", "NFG 1 R \"t\" { \"a\" \"b\" } { 2 2 }\n1 2 3");
        string good = Game(Path.Combine("gambit", "pd.nfg"));
        var (exit, stdout, stderr) = Run("solve", bad, good, "--format", "json");
        Assert.Equal(2, exit);
        Assert.Equal($"{bad}:2:6: expected payoff 4 of 8 (a 2x2 game has 4 profiles with two payoffs each), found the end of the file (the file is truncated or empty)\n", stderr.Replace("\r", "", StringComparison.Ordinal));
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(good, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty", "", "1:1: expected the header 'NFG'")]
    [InlineData("truncated", "NFG 1 R \"t\" { \"a\" \"b\" } { 2", "1:28: expected the column player's number of strategies")]
    [InlineData("count", "NFG 1 R \"t\" { \"a\" \"b\" } { 1 2 } 1 2 3", "1:38: expected payoff 4 of 4")]
    [InlineData("token", "NFG 1 R \"t\" { \"a\" \"b\" } { 1 1 } 1 two", "1:35: expected a payoff (an integer, decimal or fraction like 3/2), found 'two'")]
    [InlineData("nan", "NFG 1 R \"t\" { \"a\" \"b\" } { 1 1 } 1 nan", "1:35: expected a payoff (an integer, decimal or fraction like 3/2), found 'nan'; NaN and infinite payoffs are not allowed")]
    [InlineData("third", "NFG 1 R \"t\" { \"a\" \"b\" \"c\" } { 1 1 1 } 1 1 1", "1:13: this game has 3 players; only two-player games can be read")]
    [InlineData("huge", "NFG 1 R \"t\" { \"a\" \"b\" } { 1000000 1000000 }", "1:25: a 1000000x1000000 game has more than 67108864 payoffs per player; refused")]
    [InlineData("binary", "\u0001\u0002\u0003", "1:1: unexpected character U+0001 (is this a binary file?)")]
    public void BadGameFiles_Exit2_WithOneLineNamingFileLineColumnAndProblem(string name, string content, string message)
    {
        string file = Write(name + ".nfg", content);
        var (exit, stdout, stderr) = Run("solve", file, "--format", "json");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        string line = stderr.TrimEnd('\n', '\r');
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith($"{file}:{message}", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("solve", "missing-file.nfg")]
    [InlineData("solve", "x.nfg", "--method", "simplex")]
    [InlineData("solve", "x.nfg", "--format", "xml")]
    [InlineData("solve", "x.nfg", "--threads", "-3")]
    [InlineData("solve")]
    [InlineData("solve2x2")]
    [InlineData("frobnicate")]
    public void UsageErrors_Exit2_WithAMessage(params string[] args)
    {
        var (exit, _, stderr) = Run(args);
        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }

    [Fact]
    public void LemkeHowson_OneEquilibriumPerLabel_BadLabelsAreUsageErrors()
    {
        string game = Game(Path.Combine("gambit", "coord2.nfg"));
        var (exit, stdout, stderr) = Run("solve", game, "--format", "json", "--method", "lh", "--lh-label", "3", "--exact");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using (JsonDocument doc = JsonDocument.Parse(stdout))
        {
            Assert.Equal("lemke-howson", doc.RootElement.GetProperty("method").GetString());
            Assert.True(doc.RootElement.GetProperty("complete").GetBoolean());
            Assert.Equal(1, doc.RootElement.GetProperty("equilibria").GetArrayLength());
        }

        (exit, _, stderr) = Run("solve", game, "--method", "lh", "--lh-label", "4");
        Assert.Equal(2, exit);
        Assert.Contains("--lh-label 4 is out of range for this 2x2 game", stderr, StringComparison.Ordinal);
        (exit, _, stderr) = Run("solve", game, "--method", "lh", "--lh-label", "-1");
        Assert.Equal(2, exit);
        Assert.Contains("--lh-label", stderr, StringComparison.Ordinal);
        (exit, _, stderr) = Run("solve", game, "--lh-label", "all");
        Assert.Equal(2, exit);
        Assert.Contains("use it with --method lh", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxEquilibria_CutsTheResult_Exit3_MarkedIncomplete()
    {
        var (exit, stdout, _) = Run("solve", Game(Path.Combine("gambit", "coord2.nfg")), "--format", "json", "--max-equilibria", "2");
        Assert.Equal(3, exit);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.False(doc.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(2, doc.RootElement.GetProperty("equilibria").GetArrayLength());
    }

    [Fact]
    public void Cancellation_PrintsAnIncompleteResult_Exit3()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var (exit, stdout, _) = Run(cancelled.Token, "solve", Game(Path.Combine("gambit", "6x6_game_with_75_eq.nfg")), Game(Path.Combine("gambit", "pd.nfg")), "--format", "json", "--method", "reference");
        Assert.Equal(3, exit);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines); // the second file is not started
        using JsonDocument doc = JsonDocument.Parse(lines[0]);
        Assert.False(doc.RootElement.GetProperty("complete").GetBoolean());
        Assert.True(doc.RootElement.GetProperty("equilibria").GetArrayLength() < 75);
    }

    [Fact]
    public void TextFormat_PrintsATableOfTheEquilibria()
    {
        var (exit, stdout, _) = Run("solve", Game(Path.Combine("gambit", "e04.nfg")), "--exact");
        Assert.Equal(0, exit);
        Assert.Contains("3x2, method vertex-enumeration, degenerate, 3 equilibria", stdout, StringComparison.Ordinal);
        Assert.Contains("(3/5, 2/5)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve2x2_OneResultRowPerInputRow_BadRowReported_Exit2()
    {
        string input = Write("games.csv", "a00,a01,a10,a11,b00,b01,b10,b11\n3,0,0,2,2,0,0,3\n1,2,3,4,5,6,7\n1,-1,-1,1,-1,1,1,-1\n");
        string output = Path.Combine(_dir, "results.csv");
        var (exit, _, stderr) = Run("solve2x2", "--input", input, "--output", output, "--chunk", "2");
        Assert.Equal(2, exit);
        Assert.Equal($"{input}: line 3, column 14: expected 8 fields (a00,a01,a10,a11,b00,b01,b10,b11), found 7\n", stderr.Replace("\r", "", StringComparison.Ordinal));
        string[] rows = File.ReadAllLines(output);
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("2,9,3,2,0,0.6,0.4,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("3,,,4,", rows[2], StringComparison.Ordinal);
        Assert.Equal("4,0,1,2,0,0.5,0.5,0,0,", rows[3]);
    }

    [Fact]
    public void Solve2x2_ManyGames_SameOutputForAnyThreadCountAndChunkSize()
    {
        var random = new System.Random(3);
        var csv = new System.Text.StringBuilder();
        for (int k = 0; k < 20_000; k++)
        {
            for (int e = 0; e < 8; e++)
            {
                csv.Append(random.Next(0, 3)).Append(e < 7 ? ',' : '\n');
            }
        }

        string input = Write("many.csv", csv.ToString());
        var (exit1, out1, _) = Run("solve2x2", "--input", input);
        var (exit2, out2, _) = Run("solve2x2", "--input", input, "--threads", "2", "--chunk", "4999");
        Assert.Equal(0, exit1);
        Assert.Equal(0, exit2);
        Assert.Equal(20_001, out1.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(out1, out2);
    }

    [Fact]
    public void Demo_SolvesTheClassicGames()
    {
        var (exit, stdout, _) = Run("demo");
        Assert.Equal(0, exit);
        Assert.Contains("(0.6, 0.4)", stdout, StringComparison.Ordinal); // battle of the sexes, mixed
        foreach (string name in new[] { "Matching pennies", "Battle of the sexes", "Chicken", "Prisoner's dilemma", "Stag hunt", "Rock-paper-scissors" })
        {
            Assert.Contains(name, stdout, StringComparison.Ordinal);
        }
    }

    private static List<string> Names(JsonElement obj)
    {
        var names = new List<string>();
        foreach (JsonProperty p in obj.EnumerateObject())
        {
            names.Add(p.Name);
        }

        return names;
    }

    private static string Strings(JsonElement array)
    {
        var parts = new List<string>();
        foreach (JsonElement v in array.EnumerateArray())
        {
            parts.Add(v.GetString()!);
        }

        return string.Join(" ", parts);
    }
}
