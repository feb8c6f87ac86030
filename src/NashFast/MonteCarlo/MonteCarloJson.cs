using System.Globalization;
using System.Text;
using System.Text.Json;
using NashFast.Internal;

namespace NashFast.MonteCarlo;

/// <summary>
/// The JSON form of a <see cref="MonteCarloSummary"/> (schema <c>nashfast-montecarlo/1</c>): written by
/// <c>nashfast montecarlo --format json</c> and read back by <c>nashfast merge</c>. Reading and writing round-trip
/// every statistic exactly.
/// </summary>
/// <remarks>
/// Fields (statistics that are not computed with <c>--method pure</c> are <c>null</c>; means of nothing are <c>null</c>):
/// <c>schema</c>, <c>shape</c> [m, n], <c>distribution</c>, <c>seed</c>, <c>method</c>, <c>pureOnly</c>, <c>runGames</c> (games of the
/// whole run), <c>ranges</c> (covered [start, end) game ranges), <c>games</c>, <c>invalidGames</c>, <c>cancelled</c>,
/// <c>equilibriaHistogram</c> (number of equilibria → games, keys as strings), <c>pureHistogram</c>, <c>supportHistogram</c>
/// ("k x l" support sizes → equilibria), <c>degenerateGames</c>, <c>completelyMixedGames</c>, <c>incompleteGames</c>,
/// <c>equilibria</c>, <c>pureEquilibria</c>, <c>meanEquilibria</c>, <c>meanPureEquilibria</c>, <c>meanRowPayoff</c>,
/// <c>meanColumnPayoff</c>, <c>bins</c>, <c>pHistogram</c>, <c>qHistogram</c>, <c>rowPayoffSum</c> and
/// <c>columnPayoffSum</c> (exact sums in units of 2^-32, decimal strings), <c>elapsedSeconds</c>, <c>gamesPerSecond</c>.
/// </remarks>
public static class MonteCarloJson
{
    /// <summary>The schema identifier written into every summary.</summary>
    public const string Schema = "nashfast-montecarlo/1";

    /// <summary>The summary as indented JSON.</summary>
    public static string Serialize(MonteCarloSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(w, summary);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the summary as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, MonteCarloSummary summary)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(summary);
        MonteCarloSummary s = summary;
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteStartArray("shape");
        writer.WriteNumberValue(s.Rows);
        writer.WriteNumberValue(s.Columns);
        writer.WriteEndArray();
        writer.WriteString("distribution", s.Distribution);
        writer.WriteNumber("seed", s.Seed);
        writer.WriteString("method", s.Method);
        writer.WriteBoolean("pureOnly", s.PureOnly);
        writer.WriteNumber("runGames", s.RunGames);
        writer.WriteStartArray("ranges");
        foreach (GameRange r in s.Ranges)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(r.Start);
            writer.WriteNumberValue(r.End);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteNumber("games", s.Games);
        writer.WriteNumber("invalidGames", s.InvalidGames);
        writer.WriteBoolean("cancelled", s.Cancelled);
        if (s.PureOnly)
        {
            writer.WriteNull("equilibriaHistogram");
        }
        else
        {
            WriteHistogram(writer, "equilibriaHistogram", s.EquilibriaHistogram);
        }

        WriteHistogram(writer, "pureHistogram", s.PureHistogram);
        writer.WriteStartObject("supportHistogram");
        foreach (KeyValuePair<(int Row, int Column), long> kv in s.SupportHistogram)
        {
            writer.WriteNumber(FormattableString.Invariant($"{kv.Key.Row}x{kv.Key.Column}"), kv.Value);
        }

        writer.WriteEndObject();
        WriteNullable(writer, "degenerateGames", s.DegenerateGames);
        WriteNullable(writer, "completelyMixedGames", s.CompletelyMixedGames);
        WriteNullable(writer, "incompleteGames", s.IncompleteGames);
        WriteNullable(writer, "equilibria", s.Equilibria);
        writer.WriteNumber("pureEquilibria", s.PureEquilibria);
        WriteDouble(writer, "meanEquilibria", s.MeanEquilibria);
        WriteDouble(writer, "meanPureEquilibria", s.MeanPureEquilibria);
        WriteDouble(writer, "meanRowPayoff", s.MeanRowPayoff);
        WriteDouble(writer, "meanColumnPayoff", s.MeanColumnPayoff);
        writer.WriteNumber("bins", s.Bins);
        WriteArray(writer, "pHistogram", s.PHistogram);
        WriteArray(writer, "qHistogram", s.QHistogram);
        writer.WriteString("rowPayoffSum", s.RowPayoffSum.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("columnPayoffSum", s.ColumnPayoffSum.ToString(CultureInfo.InvariantCulture));
        WriteDouble(writer, "elapsedSeconds", s.ElapsedSeconds);
        WriteDouble(writer, "gamesPerSecond", s.GamesPerSecond);
        writer.WriteEndObject();
    }

    /// <summary>Reads a summary written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from (a file name), for error messages.</param>
    /// <exception cref="FormatException">Not a valid summary (the message names the source and the field).</exception>
    public static MonteCarloSummary Parse(string json, string source = "summary")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source}: not valid JSON ({ex.Message}).", ex);
        }

        using (doc)
        {
            try
            {
                return Read(doc.RootElement, source);
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException or OverflowException or ArgumentException)
            {
                throw new FormatException($"{source}: not a valid nashfast Monte Carlo summary: {ex.Message}", ex);
            }
        }
    }

    private static MonteCarloSummary Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out JsonElement schema) || schema.GetString() != Schema)
        {
            throw new FormatException($"{source}: missing or unknown \"schema\" (expected \"{Schema}\").");
        }

        JsonElement shape = Get(root, "shape");
        bool pureOnly = Get(root, "pureOnly").GetBoolean();
        int bins = Get(root, "bins").GetInt32();
        long[] p = ReadArray(Get(root, "pHistogram"));
        long[] q = ReadArray(Get(root, "qHistogram"));
        if (bins < 1 || p.Length != bins || q.Length != bins)
        {
            throw new FormatException($"{source}: \"bins\" is {bins} but the p/q histograms have {p.Length}/{q.Length} entries.");
        }

        var ranges = new List<GameRange>();
        foreach (JsonElement r in Get(root, "ranges").EnumerateArray())
        {
            long a = r[0].GetInt64(), b = r[1].GetInt64();
            if (a < 0 || b < a)
            {
                throw new FormatException($"{source}: bad game range [{a}, {b}).");
            }

            ranges.Add(new GameRange(a, b));
        }

        var supports = new SortedDictionary<(int Row, int Column), long>();
        foreach (JsonProperty kv in Get(root, "supportHistogram").EnumerateObject())
        {
            int x = kv.Name.IndexOf('x', StringComparison.Ordinal);
            if (x <= 0)
            {
                throw new FormatException($"{source}: support key '{kv.Name}' is not of the form KxL.");
            }

            supports[(int.Parse(kv.Name.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture),
                      int.Parse(kv.Name.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture))] = NonNegative(kv.Value, kv.Name);
        }

        return new MonteCarloSummary
        {
            Rows = shape[0].GetInt32(),
            Columns = shape[1].GetInt32(),
            Distribution = Get(root, "distribution").GetString() ?? "",
            Seed = Get(root, "seed").GetUInt64(),
            Method = Get(root, "method").GetString() ?? "",
            PureOnly = pureOnly,
            RunGames = Get(root, "runGames").GetInt64(),
            Ranges = MonteCarloSummary.NormalizeRanges(ranges),
            Games = NonNegative(Get(root, "games"), "games"),
            InvalidGames = NonNegative(Get(root, "invalidGames"), "invalidGames"),
            Cancelled = Get(root, "cancelled").GetBoolean(),
            EquilibriaHistogram = pureOnly ? new SortedDictionary<int, long>() : ReadHistogram(Get(root, "equilibriaHistogram")),
            PureHistogram = ReadHistogram(Get(root, "pureHistogram")),
            SupportHistogram = supports,
            DegenerateGames = pureOnly ? null : NonNegative(Get(root, "degenerateGames"), "degenerateGames"),
            CompletelyMixedGames = pureOnly ? null : NonNegative(Get(root, "completelyMixedGames"), "completelyMixedGames"),
            IncompleteGames = pureOnly ? null : NonNegative(Get(root, "incompleteGames"), "incompleteGames"),
            Equilibria = pureOnly ? null : NonNegative(Get(root, "equilibria"), "equilibria"),
            PureEquilibria = NonNegative(Get(root, "pureEquilibria"), "pureEquilibria"),
            Bins = bins,
            PHistogram = p,
            QHistogram = q,
            RowPayoffSum = Int128.Parse(Get(root, "rowPayoffSum").GetString() ?? "", CultureInfo.InvariantCulture),
            ColumnPayoffSum = Int128.Parse(Get(root, "columnPayoffSum").GetString() ?? "", CultureInfo.InvariantCulture),
            ElapsedSeconds = Get(root, "elapsedSeconds").ValueKind == JsonValueKind.Number ? Get(root, "elapsedSeconds").GetDouble() : 0,
        };
    }

    private static JsonElement Get(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) ? v : throw new FormatException($"missing field \"{name}\".");

    private static long NonNegative(JsonElement e, string name)
    {
        long v = e.GetInt64();
        return v >= 0 ? v : throw new FormatException($"field \"{name}\" is negative.");
    }

    private static SortedDictionary<int, long> ReadHistogram(JsonElement e)
    {
        var h = new SortedDictionary<int, long>();
        foreach (JsonProperty kv in e.EnumerateObject())
        {
            int key = int.Parse(kv.Name, NumberStyles.None, CultureInfo.InvariantCulture);
            if (key > 1_000_000)
            {
                throw new FormatException($"histogram key {key} is implausibly large.");
            }

            h[key] = NonNegative(kv.Value, kv.Name);
        }

        return h;
    }

    private static long[] ReadArray(JsonElement e)
    {
        var a = new long[e.GetArrayLength()];
        int k = 0;
        foreach (JsonElement x in e.EnumerateArray())
        {
            a[k++] = NonNegative(x, "histogram bin");
        }

        return a;
    }

    private static void WriteHistogram(Utf8JsonWriter w, string name, IReadOnlyDictionary<int, long> h)
    {
        w.WriteStartObject(name);
        foreach (KeyValuePair<int, long> kv in h.OrderBy(kv => kv.Key))
        {
            w.WriteNumber(kv.Key.ToString(CultureInfo.InvariantCulture), kv.Value);
        }

        w.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<long> a)
    {
        w.WriteStartArray(name);
        foreach (long x in a)
        {
            w.WriteNumberValue(x);
        }

        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, long? v)
    {
        if (v is long x)
        {
            w.WriteNumber(name, x);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteDouble(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
