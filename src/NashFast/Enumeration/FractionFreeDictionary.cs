using System.Numerics;

namespace NashFast.Enumeration;

/// <summary>
/// The fraction-free dictionary of a polytope <c>{ z ∈ R^d : z ≥ 0, C z ≤ 1 }</c> with a positive integer matrix
/// <c>C</c> (k × d): the nonbasic columns and the right-hand side of <c>D·B⁻¹[C | I | 1]</c>, <c>D = det B &gt; 0</c>,
/// with the lexicographic minimum-ratio test and the Bareiss pivot. Used by Lemke–Howson, which walks two of them.
/// </summary>
/// <remarks>
/// Variables are numbered locally: <c>z</c> is 0…d−1, the slacks of the rows are d…d+k−1; the start basis is all
/// slacks (the origin). A pivot on a positive entry <c>p</c> updates every other entry to <c>(a·p − b·c)/D</c>, an
/// exact division, so entries stay integers (minors of <c>[C | I | 1]</c>); the ratio test compares cross products, so
/// no decision uses floating point. The lexicographic rule (right-hand side <c>1 + (ε, ε², …)</c>) makes every step
/// well defined on degenerate polytopes.
/// </remarks>
/// <typeparam name="T">Entry type (see <see cref="IVertexArithmetic{T}"/>).</typeparam>
/// <typeparam name="TOps">The arithmetic of <typeparamref name="T"/>.</typeparam>
internal sealed class FractionFreeDictionary<T, TOps>
    where T : struct
    where TOps : struct, IVertexArithmetic<T>
{
    private readonly int _w;
    private readonly T[] _m;
    private readonly int[] _basic;
    private readonly int[] _nonbasic;
    private readonly int[] _rowOf;
    private readonly int[] _slotOf;

    private FractionFreeDictionary(int k, int d, T[] entries)
    {
        K = k;
        D = d;
        _w = d + 1;
        _m = entries;
        Det = TOps.One;
        _basic = new int[k];
        _nonbasic = new int[d];
        _rowOf = new int[d + k];
        _slotOf = new int[d + k];
        for (int s = 0; s < d; s++)
        {
            _nonbasic[s] = s;
            _slotOf[s] = s;
            _rowOf[s] = -1;
        }

        for (int r = 0; r < k; r++)
        {
            _basic[r] = d + r;
            _rowOf[d + r] = r;
            _slotOf[d + r] = -1;
        }
    }

    /// <summary>Number of constraint rows.</summary>
    public int K { get; }

    /// <summary>Dimension (number of structural variables).</summary>
    public int D { get; }

    /// <summary>The common denominator <c>det B</c> (positive).</summary>
    public T Det { get; private set; }

    /// <summary>
    /// The dictionary at the origin for <paramref name="constraints"/> (C row-major, k × d, positive); null when an
    /// entry does not fit <typeparamref name="T"/>.
    /// </summary>
    public static FractionFreeDictionary<T, TOps>? TryCreate(BigInteger[] constraints, int k, int d)
    {
        var entries = new T[k * (d + 1)];
        for (int r = 0; r < k; r++)
        {
            for (int s = 0; s < d; s++)
            {
                if (!TOps.TryFrom(constraints[(r * d) + s], out entries[(r * (d + 1)) + s]))
                {
                    return null;
                }
            }

            entries[(r * (d + 1)) + d] = TOps.One;
        }

        return new FractionFreeDictionary<T, TOps>(k, d, entries);
    }

    /// <summary>The variable basic in row <paramref name="r"/>.</summary>
    public int BasicAt(int r) => _basic[r];

    /// <summary>The row of basic variable <paramref name="v"/>, or −1 when it is nonbasic.</summary>
    public int RowOf(int v) => _rowOf[v];

    /// <summary>The nonbasic slot of variable <paramref name="v"/>, or −1 when it is basic.</summary>
    public int SlotOf(int v) => _slotOf[v];

    /// <summary>Right-hand side of row <paramref name="r"/>: <c>D</c> times the value of its basic variable.</summary>
    public T Rhs(int r) => _m[(r * _w) + D];

    /// <summary>True when some basic variable is zero (a degenerate basis).</summary>
    public bool HasZeroBasic()
    {
        for (int r = 0; r < K; r++)
        {
            if (TOps.Sign(_m[(r * _w) + D]) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The leaving row when the nonbasic variable in slot <paramref name="s"/> enters: lexicographic minimum ratio over
    /// the rows with a positive entry; −1 when there is none (an unbounded edge, impossible for a positive C).
    /// </summary>
    public int LexMinRatioRow(int s)
    {
        int best = -1;
        for (int i = 0; i < K; i++)
        {
            if (TOps.Sign(_m[(i * _w) + s]) <= 0)
            {
                continue;
            }

            if (best < 0 || LexCompare(i, best, s) < 0)
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Exchanges the basic variable of row r with the nonbasic variable of slot s; false on overflow.</summary>
    public bool Pivot(int r, int s)
    {
        T[] m = _m;
        int w = _w;
        int pivotRow = r * w;
        T p = m[pivotRow + s];
        VertexDivisor<T> det = TOps.PrepareDivisor(Det);
        if (!FractionFreePivot.UpdateOtherRows<T, TOps>(m, m, K, w, r, s, det))
        {
            return false;
        }

        m[pivotRow + s] = det.Value;
        Det = p;
        int entering = _nonbasic[s];
        int leaving = _basic[r];
        _basic[r] = entering;
        _nonbasic[s] = leaving;
        _rowOf[entering] = r;
        _slotOf[entering] = -1;
        _rowOf[leaving] = -1;
        _slotOf[leaving] = s;
        return true;
    }

    private int LexCompare(int i, int t, int s) =>
        LexicographicRatio.Compare<T, TOps>(_m, _w, D, K, _rowOf, _slotOf, Det, i, t, s);
}
