using System.Runtime.InteropServices;

namespace NashFast.Native;

/// <summary>
/// <c>nf_mc_distribution</c> of include/nashfast.h: which payoff distribution <c>nf_montecarlo2x2</c> draws from.
/// Four <c>int32_t</c> then one <c>double</c>, 24 bytes, no padding.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct McDistribution
{
    /// <summary>Uniform payoffs on [0, 1) (<c>NF_DIST_UNIFORM</c>).</summary>
    public const int KindUniform = 0;

    /// <summary>Standard normal payoffs (<c>NF_DIST_NORMAL</c>).</summary>
    public const int KindNormal = 1;

    /// <summary>Uniform integers in [lo, hi] (<c>NF_DIST_INTEGER</c>).</summary>
    public const int KindInteger = 2;

    /// <summary>Standard normal payoffs with correlation rho between the players in each cell (<c>NF_DIST_COVARIANT</c>).</summary>
    public const int KindCovariant = 3;

    /// <summary>One of the <c>NF_DIST_*</c> codes.</summary>
    public int Kind;

    /// <summary>Smallest payoff of <see cref="KindInteger"/> (ignored by the other kinds).</summary>
    public int Low;

    /// <summary>Largest payoff of <see cref="KindInteger"/> (ignored by the other kinds).</summary>
    public int High;

    /// <summary>Must be 0 (room for a future parameter without changing the layout).</summary>
    public int Reserved;

    /// <summary>The correlation of <see cref="KindCovariant"/>, in [−1, 1] (ignored by the other kinds).</summary>
    public double Rho;
}
