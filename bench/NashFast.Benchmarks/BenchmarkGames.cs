using System.Text.Json;
using NashFast.Games;

namespace NashFast.Benchmarks;

/// <summary>
/// The seeded random games of the m×n benchmarks and their stored exact answers. Payoffs are uniform 20-bit
/// integers from SplitMix64 (A row by row, then B), seed = 1000·m + n; Data/make_lrsnash_answers.py draws the same
/// numbers, so the games can be solved outside .NET (by lrsnash) and the answers stored in Data/lrsnash-answers.json.
/// </summary>
public static class BenchmarkGames
{
    /// <summary>Parses "8x8" into (8, 8).</summary>
    public static (int Rows, int Columns) ParseShape(string shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        string[] parts = shape.Split('x');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Game number <paramref name="index"/> of shape m×n (index 0 is the one with a stored answer).</summary>
    public static BimatrixGame Uniform(int m, int n, int index = 0)
    {
        ulong state = (ulong)((1000 * m) + n + (1_000_003L * index));
        var a = new double[m * n];
        var b = new double[m * n];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = Next(ref state) >> 44;
        }

        for (int k = 0; k < b.Length; k++)
        {
            b[k] = Next(ref state) >> 44;
        }

        return BimatrixGame.FromRowMajor(m, n, a, b);
    }

    /// <summary>The equilibria lrsnash found for game 0 of <paramref name="shape"/>, or null when none is stored.</summary>
    public static List<Equilibrium>? StoredAnswer(string shape)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "lrsnash-answers.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (JsonElement game in doc.RootElement.GetProperty("games").EnumerateArray())
        {
            if (game.GetProperty("shape").GetString() != shape)
            {
                continue;
            }

            var result = new List<Equilibrium>();
            foreach (JsonElement e in game.GetProperty("equilibria").EnumerateArray())
            {
                result.Add(new Equilibrium(Probabilities(e.GetProperty("row")), Probabilities(e.GetProperty("column")), double.NaN, double.NaN));
            }

            return result;
        }

        return null;
    }

    /// <summary>Throws unless both sets hold the same strategy pairs (each probability within 1e-9).</summary>
    public static void CrossCheck(string what, IReadOnlyList<Equilibrium> expected, IReadOnlyList<Equilibrium> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Count != actual.Count)
        {
            throw new InvalidOperationException($"{what}: expected {expected.Count} equilibria, got {actual.Count}.");
        }

        foreach (Equilibrium e in expected)
        {
            bool found = false;
            foreach (Equilibrium a in actual)
            {
                found |= Close(e.Row, a.Row) && Close(e.Column, a.Column);
            }

            if (!found)
            {
                throw new InvalidOperationException($"{what}: equilibrium [{string.Join(", ", e.Row)}] / [{string.Join(", ", e.Column)}] is missing.");
            }
        }
    }

    private static bool Close(double[] x, double[] y)
    {
        for (int k = 0; k < x.Length; k++)
        {
            if (Math.Abs(x[k] - y[k]) > 1e-9)
            {
                return false;
            }
        }

        return x.Length == y.Length;
    }

    private static double[] Probabilities(JsonElement array)
    {
        var p = new double[array.GetArrayLength()];
        int k = 0;
        foreach (JsonElement v in array.EnumerateArray())
        {
            p[k++] = Rational.Parse(v.GetString()!).ToDouble();
        }

        return p;
    }

    private static ulong Next(ref ulong state)
    {
        // SplitMix64 (Steele, Lea, Flood 2014): the same sequence as Data/make_lrsnash_answers.py.
        state += 0x9E3779B97F4A7C15UL;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
