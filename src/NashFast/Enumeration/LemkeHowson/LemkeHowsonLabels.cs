namespace NashFast.Enumeration;

/// <summary>
/// Labels of Q's local variables on a Lemke–Howson path. P = {x ≥ 0 : B'ᵀx ≤ 1} numbers x (0…m−1) then its slacks
/// (m…m+n−1), which already are the labels; Q = {y ≥ 0 : A'y ≤ 1} numbers y (0…n−1) then its slacks (n…n+m−1).
/// </summary>
internal static class LemkeHowsonLabels
{
    /// <summary>Label of Q's local variable: y_j ↦ m + j, slack r_i (local n + i) ↦ i.</summary>
    public static int OfQVariable(int local, int m, int n) => local < n ? m + local : local - n;

    /// <summary>Q's local variable of a label (inverse of <see cref="OfQVariable"/>).</summary>
    public static int QVariableOf(int label, int m, int n) => label >= m ? label - m : n + label;
}
