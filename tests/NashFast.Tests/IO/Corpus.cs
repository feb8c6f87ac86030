using System.Text.Json;
using NashFast.Games;

namespace NashFast.Tests.IO;

/// <summary>Finds the shared corpus (../shared/corpus next to the repository) and reads its answer files.</summary>
internal static class Corpus
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>Every .nfg below the corpus root, relative to it, sorted.</summary>
    public static TheoryData<string> Games()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Root, "*.nfg", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, path));
        }

        return data;
    }

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The answer file next to a game: shape, degenerate flag and the exact extreme equilibria.</summary>
    public static (int Rows, int Columns, bool Degenerate, List<ExactEquilibrium> Equilibria) Expected(string relative)
    {
        string path = Path.ChangeExtension(PathOf(relative), null) + ".expected.json";
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = doc.RootElement;
        int m = root.GetProperty("shape")[0].GetInt32(), n = root.GetProperty("shape")[1].GetInt32();
        var list = new List<ExactEquilibrium>();
        foreach (JsonElement e in root.GetProperty("equilibria").EnumerateArray())
        {
            list.Add(new ExactEquilibrium(
                Rationals(e.GetProperty("row")), Rationals(e.GetProperty("col")),
                Rational.Parse(e.GetProperty("payoffs")[0].GetString()!), Rational.Parse(e.GetProperty("payoffs")[1].GetString()!)));
        }

        return (m, n, root.GetProperty("degenerate").GetBoolean(), list);
    }

    private static Rational[] Rationals(JsonElement array)
    {
        var values = new Rational[array.GetArrayLength()];
        int k = 0;
        foreach (JsonElement v in array.EnumerateArray())
        {
            values[k++] = Rational.Parse(v.GetString()!);
        }

        return values;
    }

    // NASHFAST_CORPUS, else ../shared/corpus next to the repository (as CI lays it out).
    private static string FindRoot()
    {
        string? env = Environment.GetEnvironmentVariable("NASHFAST_CORPUS");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NashFast.sln")))
            {
                // ../shared/corpus in CI; ../../shared/corpus from a git worktree one level deeper.
                foreach (string up in new[] { "..", Path.Combine("..", "..") })
                {
                    string candidate = Path.GetFullPath(Path.Combine(dir.FullName, up, "shared", "corpus"));
                    if (Directory.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        throw new DirectoryNotFoundException("The corpus was not found: set NASHFAST_CORPUS or put it at ../shared/corpus next to the repository.");
    }
}
