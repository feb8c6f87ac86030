namespace NashFast.Enumeration;

/// <summary>
/// The named tolerances of <see cref="SupportEnumeration"/>. Support enumeration first maps each player's payoffs
/// affinely onto [1, 2] (<c>(A − min A) / (max A − min A) + 1</c>, the same for B), which changes no best response,
/// so every tolerance below is relative to that player's payoff range (at most twice
/// <see cref="Games.BimatrixGame.PayoffScale"/>) and the solver behaves the same on a game and on the game scaled by
/// 1e-12 or 1e12.
/// </summary>
public static class SupportEnumerationTolerances
{
    /// <summary>
    /// A weight above this is positive, below its negative is negative, in between it is treated as zero (a sign of
    /// degeneracy); a payoff gap above it is a strict improvement, within it a tie (degeneracy). In units of the
    /// player's payoff range. Where it comes from: six orders of magnitude above the rounding error of a
    /// well-conditioned k×k solve (about k·1e-16), and as small as the regret bound the tests demand (1e-9 of the
    /// payoff scale), so a reported equilibrium's regret never exceeds it.
    /// </summary>
    public const double Decision = 1e-9;

    /// <summary>
    /// Safety factor on the rounding-error estimate <c>(k + 1)·ε·κ</c> of a k×k solve, where κ is the condition
    /// estimate <c>max|pivot| / min|pivot|</c> of the LU factorisation with partial pivoting. The decision band of a
    /// support pair is <see cref="Decision"/> plus this times the estimate, so an ill-conditioned system gets a wider
    /// band (more "ties", never a wrong strict decision). 16 covers the usual constant of backward-error bounds for
    /// partial pivoting on these small systems.
    /// </summary>
    public const double RoundingErrorFactor = 16;

    /// <summary>
    /// A system whose condition estimate exceeds this is treated as singular: its solution could be wrong in the
    /// fourth digit (1e12·ε ≈ 2e-4), far wider than any decision band. A singular system of a support pair that no
    /// cheap dominance test rules out marks the game degenerate (in a nondegenerate game the indifference system of
    /// every equilibrium support pair is nonsingular).
    /// </summary>
    public const double SingularCondition = 1e12;

    // The unit roundoff of double, 2^-53.
    private const double MachineEpsilon = 1.1102230246251565e-16;

    /// <summary>The decision band of a k×k system with condition estimate κ: Decision + RoundingErrorFactor·(k + 1)·ε·κ.</summary>
    internal static double Band(int k, double condition) =>
        Decision + (RoundingErrorFactor * (k + 1) * MachineEpsilon * condition);

    /// <summary>
    /// A threshold on the raw solution z of <c>P z = 1</c> (P in [1, 2], k×k) below which an entry certainly makes
    /// support enumeration reject the weights, or −∞ when no such shortcut is safe (singular system, or a band too
    /// wide). Why it is safe: if the weights were not rejected, then Σz &gt; 0 and every weight w = z / Σz is at least
    /// −band, so 1/Σz = (P w)ᵢ ≥ 1 − k·band ≥ 1/2 (when k·band ≤ 1/2), i.e. Σz ≤ 2 and every z ≥ −2·band. The
    /// threshold −4·band leaves a factor two for rounding.
    /// </summary>
    internal static double ClearlyNegative(int k, double condition)
    {
        double band = Band(k, condition);
        return condition <= SingularCondition && k * band <= 0.5 ? -4 * band : double.NegativeInfinity;
    }
}
