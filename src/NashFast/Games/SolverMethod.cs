namespace NashFast.Games;

/// <summary>The algorithm that produced (or is asked to produce) a set of equilibria.</summary>
public enum SolverMethod
{
    /// <summary>Choose per game and report the choice.</summary>
    Auto = 0,

    /// <summary>The closed-form 2×2 solver (exact on degenerate 2×2 games).</summary>
    TwoByTwo,

    /// <summary>Pure equilibria only.</summary>
    Pure,

    /// <summary>Support enumeration (valid for nondegenerate games; detects degeneracy).</summary>
    SupportEnumeration,

    /// <summary>Vertex enumeration of the best-response polytopes (all extreme equilibria, exact).</summary>
    VertexEnumeration,

    /// <summary>Lemke–Howson (one equilibrium).</summary>
    LemkeHowson,

    /// <summary>The exact brute-force reference solver.</summary>
    Reference,
}

/// <summary>Names of <see cref="SolverMethod"/> values as used in JSON output and on the command line.</summary>
public static class SolverMethodNames
{
    /// <summary>The stable lower-case name (<c>support-enumeration</c>, …).</summary>
    public static string ToName(this SolverMethod method) => method switch
    {
        SolverMethod.Auto => "auto",
        SolverMethod.TwoByTwo => "2x2",
        SolverMethod.Pure => "pure",
        SolverMethod.SupportEnumeration => "support-enumeration",
        SolverMethod.VertexEnumeration => "vertex-enumeration",
        SolverMethod.LemkeHowson => "lemke-howson",
        SolverMethod.Reference => "reference",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown solver method."),
    };

    /// <summary>Parses a name or a short alias (<c>support</c>, <c>vertex</c>, <c>lh</c>); case-insensitive.</summary>
    public static bool TryParse(string? text, out SolverMethod method)
    {
        method = (text ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "auto" => SolverMethod.Auto,
            "2x2" or "twobytwo" => SolverMethod.TwoByTwo,
            "pure" => SolverMethod.Pure,
            "support" or "support-enumeration" => SolverMethod.SupportEnumeration,
            "vertex" or "vertex-enumeration" => SolverMethod.VertexEnumeration,
            "lh" or "lemke-howson" => SolverMethod.LemkeHowson,
            "reference" or "exact" => SolverMethod.Reference,
            _ => (SolverMethod)(-1),
        };
        return (int)method >= 0;
    }
}
