using System.Numerics;

namespace NashFast.Enumeration;

/// <summary>
/// One Lemke–Howson path pivoted in certified floating point (<see cref="VertexIntervalTableau"/>, as vertex
/// enumeration's first search): null as soon as a step cannot be certified, and the caller then follows the path
/// exactly (<see cref="LemkeHowsonPath{T, TOps}"/>).
/// </summary>
/// <remarks>
/// A step is taken only when the bound settles it: the leaving row is the certified unique minimum ratio (entries
/// certified positive or non-positive) and every basic right-hand side after the pivot is certified positive. Then
/// each basis on the path is nondegenerate, where the exact path's lexicographic rule reduces to the plain minimum
/// ratio — so this is the exact path, step for step, and it ends at the same pair of vertices. Their coordinates are
/// then solved exactly from their label sets (<see cref="VertexExactCoordinates"/>); nothing depends on a tolerance.
/// Payoffs with full 53-bit mantissas make the exact path's integers thousands of bits wide on large games; this
/// path costs the same per pivot whatever the payoffs.
/// </remarks>
internal static class LemkeHowsonFloatPath
{
    /// <summary>Follows the path of <paramref name="droppedLabel"/>; null when a step could not be certified.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked every pivot).</exception>
    public static LemkeHowsonEnd? Run(BigInteger[] cp, BigInteger[] cq, int m, int n, int droppedLabel, CancellationToken token)
    {
        VertexIntervalTableau? p = VertexIntervalTableau.Create(cp, n, m);
        VertexIntervalTableau? q = VertexIntervalTableau.Create(cq, m, n);
        if (p is null || q is null)
        {
            return null;
        }

        bool inP = droppedLabel < m;
        int entering = inP ? droppedLabel : droppedLabel - m;
        long pivots = 0;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            VertexIntervalTableau t = inP ? p : q;
            int slot = Array.IndexOf(t.Nonbasic, entering);
            if (slot < 0)
            {
                return null; // cannot happen (the entering variable's label is tight here); never guess
            }

            int row = t.CertifiedRatioRow(slot);
            if (row < 0)
            {
                // Undecided: recompute this basis from the input and try once more (Refresh keeps positions).
                if (!t.Refresh() || !t.RightHandSidesCertified() || (row = t.CertifiedRatioRow(slot)) < 0)
                {
                    return null;
                }
            }

            int leaving = t.Basic[row];
            if (!t.Pivot(row, slot) || t.RadiiTooWide() || !t.RightHandSidesCertified())
            {
                if (!t.Refresh() || !t.RightHandSidesCertified())
                {
                    return null;
                }
            }

            pivots++;
            int label = inP ? leaving : LemkeHowsonLabels.OfQVariable(leaving, m, n);
            if (label == droppedLabel)
            {
                break;
            }

            inP = !inP;
            entering = inP ? label : LemkeHowsonLabels.QVariableOf(label, m, n);
        }

        // The tight constraints of each end vertex are its tableau's nonbasic variables (local numbering).
        BigInteger[] x = new VertexExactCoordinates(cp, n, m, 0).SolveTight(Tight(p));
        BigInteger[] y = new VertexExactCoordinates(cq, m, n, 0).SolveTight(Tight(q));
        return new LemkeHowsonEnd(x, y, pivots, DegeneracySeen: false);
    }

    private static bool[] Tight(VertexIntervalTableau t)
    {
        var tight = new bool[t.D + t.K];
        foreach (int v in t.Nonbasic)
        {
            tight[v] = true;
        }

        return tight;
    }
}
