using System.Text.Json;
using NashFast.Games;

namespace NashFast.IO;

/// <summary>
/// Writes a <see cref="SolveResult"/> as the JSON object of <c>nashfast solve</c>:
/// <code>
/// {"file": "game.nfg", "shape": [3, 3], "method": "support-enumeration", "degenerate": false, "complete": true,
///  "elapsedMs": 0.84, "equilibria": [{"row": [0.5, 0.5, 0], "col": [0.25, 0.75, 0], "payoffs": [1.5, 2]}]}
/// </code>
/// Floating-point numbers are written in their shortest round-trip form (integers without a decimal point);
/// exact results are written as rational strings (<c>"1/3"</c>). An incomplete result also carries
/// <c>"reason"</c>.
/// </summary>
public static class SolveResultJsonWriter
{
    /// <summary>Writes one result object.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="file">The game's file name as the user gave it.</param>
    /// <param name="rows">The game's number of rows (<c>m</c>).</param>
    /// <param name="columns">The game's number of columns (<c>n</c>).</param>
    /// <param name="result">The solver's answer.</param>
    /// <param name="elapsedMs">The solver's own wall time in milliseconds.</param>
    /// <param name="exact">
    /// Write probabilities and payoffs as rational strings from <see cref="SolveResult.ExactEquilibria"/>; when the
    /// result has no exact equilibria (an incomplete, cancelled exact solve) the floating-point ones are written.
    /// </param>
    public static void Write(Utf8JsonWriter writer, string file, int rows, int columns, SolveResult result, double elapsedMs, bool exact)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("file", file);
        writer.WriteStartArray("shape");
        writer.WriteNumberValue(rows);
        writer.WriteNumberValue(columns);
        writer.WriteEndArray();
        writer.WriteString("method", result.Method.ToName());
        writer.WriteBoolean("degenerate", result.Degenerate);
        writer.WriteBoolean("complete", result.Complete);
        writer.WritePropertyName("elapsedMs");
        WriteDouble(writer, elapsedMs);
        if (!result.Complete && result.IncompleteReason is not null)
        {
            writer.WriteString("reason", result.IncompleteReason);
        }

        writer.WriteStartArray("equilibria");
        if (exact && result.ExactEquilibria is { } exactEquilibria)
        {
            foreach (ExactEquilibrium e in exactEquilibria)
            {
                writer.WriteStartObject();
                WriteRationals(writer, "row", e.Row);
                WriteRationals(writer, "col", e.Column);
                writer.WriteStartArray("payoffs");
                writer.WriteStringValue(e.RowPayoff.ToString());
                writer.WriteStringValue(e.ColumnPayoff.ToString());
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }
        else
        {
            foreach (Equilibrium e in result.Equilibria)
            {
                writer.WriteStartObject();
                WriteDoubles(writer, "row", e.Row);
                WriteDoubles(writer, "col", e.Column);
                writer.WriteStartArray("payoffs");
                WriteDouble(writer, e.RowPayoff);
                WriteDouble(writer, e.ColumnPayoff);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        if (result.Components is { } components)
        {
            WriteComponents(writer, components, exact);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>"components"</c>: the maximal Nash subsets, each <c>{"component": c, "rowVertices": [[…]], "colVertices": [[…]]}</c>;
    /// every convex combination of a row vertex and a column vertex of one subset is an equilibrium.
    /// </summary>
    private static void WriteComponents(Utf8JsonWriter writer, IReadOnlyList<NashSubset> components, bool exact)
    {
        writer.WriteStartArray("components");
        foreach (NashSubset subset in components)
        {
            writer.WriteStartObject();
            writer.WriteNumber("component", subset.Component);
            WriteVertices(writer, "rowVertices", subset.RowVertices, exact);
            WriteVertices(writer, "colVertices", subset.ColumnVertices, exact);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteVertices(Utf8JsonWriter writer, string name, IReadOnlyList<Rational[]> vertices, bool exact)
    {
        writer.WriteStartArray(name);
        foreach (Rational[] v in vertices)
        {
            writer.WriteStartArray();
            foreach (Rational p in v)
            {
                if (exact)
                {
                    writer.WriteStringValue(p.ToString());
                }
                else
                {
                    WriteDouble(writer, p.ToDouble());
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// A double in its shortest round-trip form; integral values without a fraction (<c>2</c>, not <c>2.0</c>),
    /// negative zero as <c>0</c>. Non-finite values (never produced by the solvers) are written as null.
    /// </summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!double.IsFinite(value))
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteNumberValue(value == 0 ? 0.0 : value);
    }

    private static void WriteDoubles(Utf8JsonWriter writer, string name, double[] values)
    {
        writer.WriteStartArray(name);
        foreach (double v in values)
        {
            WriteDouble(writer, v);
        }

        writer.WriteEndArray();
    }

    private static void WriteRationals(Utf8JsonWriter writer, string name, Rational[] values)
    {
        writer.WriteStartArray(name);
        foreach (Rational v in values)
        {
            writer.WriteStringValue(v.ToString());
        }

        writer.WriteEndArray();
    }
}
