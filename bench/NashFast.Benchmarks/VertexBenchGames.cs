using NashFast.Games;

namespace NashFast.Benchmarks;

/// <summary>
/// The seeded games of the vertex-enumeration benchmarks. Game <c>g</c> of size <c>n</c> uses
/// <c>new System.Random(1000 · n + g)</c> (for the integer kind <c>new System.Random(500000 + 1000 · n + g)</c>) and draws A then B,
/// row-major: uniform doubles from <c>NextDouble()</c>, or integers from <c>Next(4)</c> (0..3, highly degenerate).
/// <c>VertexData/README.md</c> says how the stored lrsnash answers for these games were produced.
/// </summary>
public static class VertexBenchGames
{
    /// <summary>Game <paramref name="index"/> of the given kind and size.</summary>
    public static BimatrixGame Create(string kind, int n, int index)
    {
        bool integers = kind == "int0to3";
        var rng = new System.Random((integers ? 500_000 : 0) + (1000 * n) + index);
        var a = new double[n * n];
        var b = new double[n * n];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = integers ? rng.Next(4) : rng.NextDouble();
        }

        for (int k = 0; k < b.Length; k++)
        {
            b[k] = integers ? rng.Next(4) : rng.NextDouble();
        }

        return BimatrixGame.FromRowMajor(n, n, a, b);
    }

    /// <summary>The file holding lrsnash's answer for a game, or null when none was stored.</summary>
    public static string? StoredAnswerPath(string kind, int n, int index)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "VertexData", $"{kind}-{n}x{n}-{index}.lrsnash.txt");
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// Reads lrsnash's output: blocks of lines "2 y₁ … yₙ u" and "1 x₁ … xₘ v"; every "1" line of a block pairs with
    /// every "2" line of it. Returns the equilibria as "x|y" keys of exact rationals.
    /// </summary>
    public static HashSet<string> ReadLrsnash(string path)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<string>();
        var cols = new List<string>();
        void Flush()
        {
            foreach (string x in rows)
            {
                foreach (string y in cols)
                {
                    result.Add(x + "|" + y);
                }
            }

            rows.Clear();
            cols.Clear();
        }

        foreach (string raw in File.ReadLines(path))
        {
            string[] t = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (t.Length == 0 || t[0].StartsWith('*'))
            {
                Flush();
                continue;
            }

            string strategy = string.Join(",", t[1..^1]);
            if (t[0] == "2")
            {
                if (rows.Count > 0)
                {
                    Flush();
                }

                cols.Add(strategy);
            }
            else if (t[0] == "1")
            {
                rows.Add(strategy);
            }
        }

        Flush();
        return result;
    }

    /// <summary>The same "x|y" keys for a solver's exact answer.</summary>
    public static HashSet<string> Keys(SolveResult result)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (ExactEquilibrium e in result.ExactEquilibria ?? throw new InvalidOperationException("no exact equilibria"))
        {
            keys.Add(string.Join(",", e.Row) + "|" + string.Join(",", e.Column));
        }

        return keys;
    }

    /// <summary>Sizes of a benchmark: <paramref name="full"/>, or only the first in dry mode (<see cref="BenchParams.IsDry"/>).</summary>
    public static IEnumerable<int> Sizes(params int[] full) => BenchParams.Pick(full, full[..1]);
}
