using System.Numerics;

namespace NashFast.Enumeration;

/// <summary>The end of one Lemke–Howson path: the two vertices (coordinates over their own common denominators).</summary>
/// <param name="X">Row player's vertex of P, numerators (the denominator is irrelevant: it is normalised to sum 1).</param>
/// <param name="Y">Column player's vertex of Q, numerators.</param>
/// <param name="Pivots">Number of pivots the path took.</param>
/// <param name="DegeneracySeen">True when some basis on the path had a zero basic variable.</param>
internal readonly record struct LemkeHowsonEnd(BigInteger[] X, BigInteger[] Y, long Pivots, bool DegeneracySeen);

/// <summary>
/// One Lemke–Howson path in exact fraction-free arithmetic of type <typeparamref name="T"/>: from the artificial
/// equilibrium (0, 0) drop the given label, then alternately pivot in P's and Q's dictionary, the entering variable
/// of one being the variable whose label the other just picked up twice, until the dropped label is picked up again.
/// </summary>
/// <remarks>
/// Labels as in the reference: row strategies 0…m−1 (x_i in P, the slack r_i of Q's row i), column strategies
/// m…m+n−1 (y_j in Q, the slack s_j of P's row j). P = {x ≥ 0 : B'ᵀx ≤ 1} has local variables x (0…m−1) then the
/// slacks s (m…m+n−1), so its local numbering is the label; Q = {y ≥ 0 : A'y ≤ 1} has y (0…n−1) then r (n…n+m−1).
/// The lexicographic ratio test makes each step unique on degenerate games, so the path never cycles and ends at a
/// completely labelled pair of vertices — an extreme equilibrium.
/// </remarks>
internal static class LemkeHowsonPath<T, TOps>
    where T : struct
    where TOps : struct, IVertexArithmetic<T>
{
    /// <summary>Follows the path; null when an entry overflowed <typeparamref name="T"/> (retry wider).</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked every pivot).</exception>
    public static LemkeHowsonEnd? Run(BigInteger[] cp, BigInteger[] cq, int m, int n, int droppedLabel, CancellationToken token)
    {
        FractionFreeDictionary<T, TOps>? p = FractionFreeDictionary<T, TOps>.TryCreate(cp, n, m);
        FractionFreeDictionary<T, TOps>? q = FractionFreeDictionary<T, TOps>.TryCreate(cq, m, n);
        if (p is null || q is null)
        {
            return null;
        }

        // The entering variable: in P when the label is a row strategy, in Q otherwise.
        bool inP = droppedLabel < m;
        int entering = inP ? droppedLabel : droppedLabel - m;
        long pivots = 0;
        bool degenerate = false;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            FractionFreeDictionary<T, TOps> dict = inP ? p : q;
            int slot = dict.SlotOf(entering);
            int row = dict.LexMinRatioRow(slot);
            int leaving = dict.BasicAt(row);
            if (!dict.Pivot(row, slot))
            {
                return null;
            }

            pivots++;
            degenerate |= dict.HasZeroBasic();
            int label = inP ? leaving : LemkeHowsonLabels.OfQVariable(leaving, m, n);
            if (label == droppedLabel)
            {
                break;
            }

            // The label just picked up in this polytope is tight in the other one too: drop it there.
            inP = !inP;
            entering = inP ? label : LemkeHowsonLabels.QVariableOf(label, m, n);
        }

        return new LemkeHowsonEnd(Coordinates(p), Coordinates(q), pivots, degenerate);
    }

    /// <summary>The structural coordinates times the denominator (zero for nonbasic variables).</summary>
    private static BigInteger[] Coordinates(FractionFreeDictionary<T, TOps> dict)
    {
        var z = new BigInteger[dict.D];
        for (int v = 0; v < dict.D; v++)
        {
            int row = dict.RowOf(v);
            z[v] = row >= 0 ? TOps.ToBig(dict.Rhs(row)) : BigInteger.Zero;
        }

        return z;
    }
}
