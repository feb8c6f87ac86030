namespace NashFast.Benchmarks;

/// <summary>
/// Parameter values that shrink in dry mode. A benchmark class takes its sizes from here through
/// <c>[ParamsSource]</c>, so CI's dry run (every benchmark once, in-process) stays within seconds while a real run
/// measures the full sizes:
/// <code>
/// [ParamsSource(nameof(GamesValues))]
/// public int Games { get; set; }
///
/// public static IEnumerable&lt;int&gt; GamesValues => BenchParams.Pick(full: [1_000, 1_000_001], dry: [1_001]);
/// </code>
/// </summary>
public static class BenchParams
{
    /// <summary>The environment switch that selects dry mode (<c>1</c> or <c>true</c>); <c>--dry</c> sets it.</summary>
    public const string DryVariable = "NASHFAST_BENCH_DRY";

    /// <summary>True when the current run is a dry run (<see cref="DryVariable"/> is <c>1</c> or <c>true</c>).</summary>
    public static bool IsDry
    {
        get
        {
            string? value = Environment.GetEnvironmentVariable(DryVariable);
            return value is not null
                && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Returns <paramref name="dry"/> in a dry run and <paramref name="full"/> otherwise.</summary>
    /// <exception cref="ArgumentException">The selected list is empty (a benchmark would silently vanish).</exception>
    public static IEnumerable<T> Pick<T>(T[] full, T[] dry)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(dry);
        T[] chosen = IsDry ? dry : full;
        if (chosen.Length == 0)
        {
            throw new ArgumentException(IsDry ? "The dry parameter list is empty." : "The full parameter list is empty.",
                IsDry ? nameof(dry) : nameof(full));
        }

        return chosen;
    }

    /// <summary>
    /// Returns <paramref name="full"/>, keeping in a dry run only the values not above <paramref name="dryMax"/>
    /// (or the smallest value when none is that small), so one list serves both modes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="full"/> is empty.</exception>
    public static IEnumerable<int> UpTo(int[] full, int dryMax)
    {
        ArgumentNullException.ThrowIfNull(full);
        if (full.Length == 0)
        {
            throw new ArgumentException("The parameter list is empty.", nameof(full));
        }

        if (!IsDry)
        {
            return full;
        }

        var kept = new List<int>();
        int smallest = full[0];
        foreach (int v in full)
        {
            smallest = Math.Min(smallest, v);
            if (v <= dryMax)
            {
                kept.Add(v);
            }
        }

        if (kept.Count == 0)
        {
            kept.Add(smallest);
        }

        return kept;
    }
}
