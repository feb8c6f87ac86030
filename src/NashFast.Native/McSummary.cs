using System.Runtime.InteropServices;

namespace NashFast.Native;

/// <summary>
/// <c>nf_mc_summary</c> of include/nashfast.h: the statistics of one <c>nf_montecarlo2x2</c> run. 57 <c>int64_t</c>
/// then 6 <c>double</c>, 504 bytes, no padding.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct McSummary
{
    /// <summary>Bins of <see cref="EquilibriaHistogram"/>: 0, 1, 2, 3, 4 equilibria and a last bin for 5 or more.</summary>
    public const int EquilibriaBins = 6;

    /// <summary>Bins of <see cref="PureHistogram"/>: 0 to 4 pure equilibria.</summary>
    public const int PureBins = 5;

    /// <summary>Bins of <see cref="PHistogram"/> and <see cref="QHistogram"/>: 20 equal bins of [0, 1].</summary>
    public const int ProbabilityBins = 20;

    /// <summary>Games solved.</summary>
    public long Games;

    /// <summary>Games with a non-finite payoff (excluded from every other statistic; 0 with the built-in distributions).</summary>
    public long InvalidGames;

    /// <summary>Degenerate games (a tie between two payoffs a player compares).</summary>
    public long DegenerateGames;

    /// <summary>Games with a completely mixed equilibrium.</summary>
    public long CompletelyMixedGames;

    /// <summary>Extreme equilibria over all games.</summary>
    public long Equilibria;

    /// <summary>Pure equilibria over all games.</summary>
    public long PureEquilibria;

    /// <summary>Games by number of extreme equilibria: bins 0..4, bin 5 for 5 or more.</summary>
    public fixed long EquilibriaHistogram[EquilibriaBins];

    /// <summary>Games by number of pure equilibria, 0..4.</summary>
    public fixed long PureHistogram[PureBins];

    /// <summary>Completely mixed equilibria by p = P(row 0): bin k counts p in [k/20, (k+1)/20).</summary>
    public fixed long PHistogram[ProbabilityBins];

    /// <summary>Completely mixed equilibria by q = P(column 0), binned as <see cref="PHistogram"/>.</summary>
    public fixed long QHistogram[ProbabilityBins];

    /// <summary>Mean number of extreme equilibria per valid game (NaN without valid games).</summary>
    public double MeanEquilibria;

    /// <summary>Mean number of pure equilibria per valid game (NaN without valid games).</summary>
    public double MeanPureEquilibria;

    /// <summary>Mean row payoff over all equilibria (NaN without equilibria).</summary>
    public double MeanRowPayoff;

    /// <summary>Mean column payoff over all equilibria (NaN without equilibria).</summary>
    public double MeanColumnPayoff;

    /// <summary>Wall time of the run in seconds.</summary>
    public double ElapsedSeconds;

    /// <summary>Games per second of wall time (NaN when no time elapsed).</summary>
    public double GamesPerSecond;
}
