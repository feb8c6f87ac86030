namespace NashFast.Enumeration;

/// <summary>What made support enumeration call a game degenerate (internal bookkeeping, merged across threads).</summary>
[Flags]
internal enum DegeneracySigns
{
    None = 0,

    /// <summary>A pure strategy has two or more pure best responses (exact tie).</summary>
    PureBestResponseTie = 1,

    /// <summary>A strategy outside a candidate's support ties with the support's payoff (within tolerance).</summary>
    OutsideTie = 2,

    /// <summary>A candidate's weight is zero within tolerance.</summary>
    ZeroWeight = 4,

    /// <summary>A candidate's indifference system is singular or too ill-conditioned to decide.</summary>
    SingularSystem = 8,

    /// <summary>The number of equilibria found is even.</summary>
    EvenCount = 16,
}
