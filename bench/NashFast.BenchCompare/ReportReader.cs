using System.Text.Json;

namespace NashFast.BenchCompare;

/// <summary>Reads every <c>*-report-full.json</c> under a folder (BenchmarkDotNet's <c>JsonExporter.Full</c> output).</summary>
public static class ReportReader
{
    /// <summary>The file pattern of BenchmarkDotNet's full JSON export.</summary>
    public const string Pattern = "*-report-full.json";

    /// <summary>Reads the benchmarks of every report under <paramref name="folder"/> (recursively), keyed for matching.</summary>
    /// <exception cref="BadInputException">The folder is missing or holds no report, a file is not a readable report, or a key repeats.</exception>
    public static IReadOnlyDictionary<string, BenchmarkResult> ReadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new BadInputException($"folder not found: {folder}");
        }

        string[] files = Directory.GetFiles(folder, Pattern, SearchOption.AllDirectories);
        if (files.Length == 0)
        {
            throw new BadInputException($"no {Pattern} files in {folder}");
        }

        Array.Sort(files, StringComparer.Ordinal);
        var all = new List<BenchmarkResult>();
        foreach (string file in files)
        {
            all.AddRange(ReadFile(file));
        }

        return Key(all);
    }

    /// <summary>Reads one report file; keys are the full names (see <see cref="ReadFolder"/> for disambiguation).</summary>
    /// <exception cref="BadInputException">The file cannot be read, is not JSON, or is not a BenchmarkDotNet full report.</exception>
    public static IReadOnlyList<BenchmarkResult> ReadFile(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{file}: cannot read: {e.Message}", e);
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("Benchmarks", out JsonElement benchmarks)
                || benchmarks.ValueKind != JsonValueKind.Array)
            {
                throw new BadInputException($"{file}: no \"Benchmarks\" array; not a BenchmarkDotNet full JSON report");
            }

            var results = new List<BenchmarkResult>();
            int index = 0;
            foreach (JsonElement b in benchmarks.EnumerateArray())
            {
                results.Add(ReadBenchmark(b, file, index++));
            }

            return results;
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{file}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // JsonElement getters throw this on a value of the wrong kind (e.g. a string where a number belongs).
            throw new BadInputException($"{file}: unexpected JSON shape: {e.Message}", e);
        }
    }

    private static BenchmarkResult ReadBenchmark(JsonElement b, string file, int index)
    {
        if (b.ValueKind != JsonValueKind.Object
            || !b.TryGetProperty("FullName", out JsonElement fullNameElement)
            || fullNameElement.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(fullNameElement.GetString()))
        {
            throw new BadInputException($"{file}: benchmark #{index} has no \"FullName\"");
        }

        string fullName = fullNameElement.GetString()!;
        string job = b.TryGetProperty("DisplayInfo", out JsonElement display) && display.ValueKind == JsonValueKind.String
            ? JobOf(display.GetString()!)
            : string.Empty;
        return new BenchmarkResult(fullName, fullName, job, OriginalValues(b, file, fullName), file);
    }

    // The per-operation times of the workload result iterations, as dotnet/performance's ResultsComparer takes them:
    // Measurements with IterationMode "Workload" and IterationStage "Result", Nanoseconds / Operations; failing that,
    // Statistics.OriginalValues (the same numbers).
    private static double[] OriginalValues(JsonElement b, string file, string fullName)
    {
        var values = new List<double>();
        if (b.TryGetProperty("Measurements", out JsonElement measurements) && measurements.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement m in measurements.EnumerateArray())
            {
                if (Text(m, "IterationMode") == "Workload" && Text(m, "IterationStage") == "Result")
                {
                    double ns = m.GetProperty("Nanoseconds").GetDouble();
                    double ops = m.GetProperty("Operations").GetDouble();
                    if (!(ops > 0) || !double.IsFinite(ns) || ns < 0)
                    {
                        throw new BadInputException($"{file}: {fullName}: a measurement has {ops} operations and {ns} ns");
                    }

                    values.Add(ns / ops);
                }
            }
        }

        if (values.Count == 0
            && b.TryGetProperty("Statistics", out JsonElement stats) && stats.ValueKind == JsonValueKind.Object
            && stats.TryGetProperty("OriginalValues", out JsonElement original) && original.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement v in original.EnumerateArray())
            {
                values.Add(v.GetDouble());
            }
        }

        return [.. values];
    }

    private static string? Text(JsonElement e, string name)
        => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The job id in BenchmarkDotNet's <c>DisplayInfo</c>: "Type.Method: JobId(Setting=...) [Param=...]" gives "JobId".</summary>
    public static string JobOf(string displayInfo)
    {
        ArgumentNullException.ThrowIfNull(displayInfo);
        int colon = displayInfo.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return string.Empty;
        }

        string rest = displayInfo[(colon + 2)..];
        int end = rest.IndexOfAny(['(', ' ', '[']);
        return end < 0 ? rest : rest[..end];
    }

    // Match on the full name; when one folder holds a full name under several jobs (--isa-jobs, --kernel-jobs),
    // those entries are told apart by the job: "FullName [Job]".
    private static Dictionary<string, BenchmarkResult> Key(List<BenchmarkResult> all)
    {
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (BenchmarkResult r in all)
        {
            count[r.FullName] = count.GetValueOrDefault(r.FullName) + 1;
        }

        var byKey = new Dictionary<string, BenchmarkResult>(StringComparer.Ordinal);
        foreach (BenchmarkResult r in all)
        {
            string key = count[r.FullName] > 1 ? $"{r.FullName} [{r.Job}]" : r.FullName;
            if (byKey.TryGetValue(key, out BenchmarkResult? first))
            {
                throw new BadInputException(
                    $"benchmark {key} appears twice (in {first.File} and {r.File}); keep one run per folder");
            }

            byKey[key] = r with { Key = key };
        }

        return byKey;
    }
}
