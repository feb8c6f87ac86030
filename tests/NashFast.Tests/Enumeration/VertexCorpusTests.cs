using System.Text.Json;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// Every payoff-form game of the shared corpus, exactly. Outcome-form files are skipped here (the .nfg reader is
/// written separately); the full corpus test comes with that reader. The parse below is test-only and minimal.
/// </summary>
public class VertexCorpusTests
{
    private static string? CorpusDirectory()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        string env = Environment.GetEnvironmentVariable("NASHFAST_CORPUS") ?? "/work/shared/corpus";
        return Directory.Exists(env) ? env : null;
    }

    [Fact]
    public void EveryPayoffFormGame_MatchesItsExpectedAnswerExactly()
    {
        string? dir = CorpusDirectory();
        Assert.True(dir is not null, "corpus not found: set NASHFAST_CORPUS to the shared/corpus directory");
        int solved = 0, skipped = 0;
        foreach (string nfg in Directory.EnumerateFiles(dir!, "*.nfg", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            ExactBimatrixGame? game = TryParsePayoffForm(File.ReadAllText(nfg));
            if (game is null)
            {
                skipped++;
                continue;
            }

            using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(nfg, ".expected.json")));
            JsonElement root = expected.RootElement;
            SolveResult r = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 2 });
            string name = Path.GetFileName(nfg);
            Assert.True(r.Complete, name);
            Assert.True(root.GetProperty("degenerate").GetBoolean() == r.Degenerate, $"{name}: degenerate flag");
            var want = new HashSet<string>();
            foreach (JsonElement e in root.GetProperty("equilibria").EnumerateArray())
            {
                want.Add(Key(Strings(e.GetProperty("row")), Strings(e.GetProperty("col")), Strings(e.GetProperty("payoffs"))));
            }

            var got = new HashSet<string>();
            foreach (ExactEquilibrium e in r.ExactEquilibria!)
            {
                got.Add(Key(Array.ConvertAll(e.Row, v => v.ToString()), Array.ConvertAll(e.Column, v => v.ToString()), [e.RowPayoff.ToString(), e.ColumnPayoff.ToString()]));
            }

            Assert.True(want.SetEquals(got), $"{name}: expected {want.Count} equilibria, got {got.Count}; differ: {string.Join(" ; ", want.Except(got).Concat(got.Except(want)))}");
            Assert.Equal(want.Count, r.ExactEquilibria.Count);
            solved++;
        }

        Assert.True(solved >= 50, $"only {solved} payoff-form games found ({skipped} outcome-form skipped)");
    }

    private static string[] Strings(JsonElement array)
    {
        var list = new List<string>();
        foreach (JsonElement e in array.EnumerateArray())
        {
            list.Add(e.GetString()!);
        }

        return [.. list];
    }

    private static string Key(string[] row, string[] col, string[] payoffs) =>
        string.Join(",", row) + "|" + string.Join(",", col) + "|" + string.Join(",", payoffs);

    /// <summary>
    /// Tokens: quoted strings, braces, bare words. Header: NFG 1 R "title" { players } { counts | name lists }
    /// [ "comment" ] then either numbers (payoff form, row strategy fastest) or "{" (outcome form: null here).
    /// </summary>
    private static ExactBimatrixGame? TryParsePayoffForm(string text)
    {
        List<string> tokens = Tokenize(text);
        int p = 3; // NFG 1 R
        p++; // title
        p = SkipBlock(tokens, p); // players
        var counts = new List<int>();
        Assert.Equal("{", tokens[p]);
        p++;
        while (tokens[p] != "}")
        {
            if (tokens[p] == "{")
            {
                int names = 0;
                p++;
                while (tokens[p] != "}")
                {
                    names++;
                    p++;
                }

                counts.Add(names);
            }
            else
            {
                counts.Add(int.Parse(tokens[p], System.Globalization.CultureInfo.InvariantCulture));
            }

            p++;
        }

        p++;
        if (p < tokens.Count && tokens[p].StartsWith('"'))
        {
            p++;
        }

        if (p >= tokens.Count || tokens[p] == "{")
        {
            return null;
        }

        int m = counts[0], n = counts[1];
        var a = new Rational[m * n];
        var b = new Rational[m * n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                a[(i * n) + j] = Rational.Parse(tokens[p++].TrimEnd(','));
                b[(i * n) + j] = Rational.Parse(tokens[p++].TrimEnd(','));
            }
        }

        return new ExactBimatrixGame(m, n, a, b);
    }

    private static int SkipBlock(List<string> tokens, int p)
    {
        int depth = 0;
        do
        {
            depth += tokens[p] == "{" ? 1 : tokens[p] == "}" ? -1 : 0;
            p++;
        }
        while (depth > 0);
        return p;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int k = 0;
        while (k < text.Length)
        {
            char c = text[k];
            if (char.IsWhiteSpace(c) || c == ',')
            {
                k++;
            }
            else if (c is '{' or '}')
            {
                tokens.Add(c.ToString());
                k++;
            }
            else if (c == '"')
            {
                int start = k++;
                while (k < text.Length && text[k] != '"')
                {
                    k += text[k] == '\\' ? 2 : 1;
                }

                k++;
                tokens.Add(text[start..Math.Min(k, text.Length)]);
            }
            else
            {
                int start = k;
                while (k < text.Length && !char.IsWhiteSpace(text[k]) && text[k] is not ('{' or '}' or '"' or ','))
                {
                    k++;
                }

                tokens.Add(text[start..k]);
            }
        }

        return tokens;
    }
}
