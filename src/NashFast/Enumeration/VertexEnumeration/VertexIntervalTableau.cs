using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NashFast.Internal.Simd;

namespace NashFast.Enumeration;

/// <summary>
/// The dictionary of <c>{ z ≥ 0 : C z ≤ 1 }</c> in <see cref="double"/> with a rigorous error bound per entry
/// (midpoint–radius: every exact entry lies in <c>[v − r, v + r]</c>), for <see cref="VertexFloatSearch"/>.
/// </summary>
/// <remarks>
/// <para>Layout: k rows (one per basic variable) of <see cref="Stride"/> doubles: the d nonbasic columns, then the
/// right-hand side, then zero padding to a multiple of the vector width; values and radii in two parallel flat
/// arrays. Entries are those of the normalised tableau <c>B⁻¹[C | I | 1]</c> (the exact search's fraction-free
/// entries divided by its determinant), of C scaled by a power of two so its largest entry is in [½, 1).</para>
/// <para>Error bounds. With u = 2⁻⁵³ every IEEE operation returns the exact result times (1 + δ), |δ| ≤ u, plus at
/// most 2⁻¹⁰⁷⁴ on underflow. A pivot on p = ⟨v_p, r_p⟩ with |v_p| &gt; 2 r_p computes, with den = |v_p| − r_p and
/// inv = fl(1 / v_p) (so a·inv is within 2u of a / v_p, relatively):
/// <code>
///   a / p:       v = v_a · inv          r = r_a / den + |v|·r_p / den + 2u|v|
///   1 / p:       v = inv                r = (r_p / den)·|v| + 2u|v|
///   a − b·c:     t = v_b·v_c, v = v_a − t,  r = r_a + |v_b|·r_c + r_b·(|v_c| + r_c) + u(|t| + |v|)
/// </code>
/// (the first terms bound the propagated error, the u terms the rounding of the value). Each radius is computed
/// from non-negative terms in at most a dozen operations, so its own rounding loses at most a factor (1 − u)¹²; the
/// result is multiplied by <see cref="Safety"/> = 1 + 2⁻⁴⁰, which more than restores it. Every radius is at least
/// <see cref="RadiusFloor"/> = 2⁻⁵⁰⁰, so the 2⁻⁴¹-relative slack of the safety factor (≥ 2⁻⁵⁴¹) also covers any
/// underflow error (≤ a few 2⁻¹⁰⁷⁴); values and radii are kept below <see cref="Huge"/> = 2⁴⁰⁰ (else the pivot
/// reports failure), so no intermediate overflows or becomes NaN.</para>
/// </remarks>
internal sealed class VertexIntervalTableau
{
    /// <summary>Unit roundoff of double (round to nearest).</summary>
    public const double Unit = 1.0 / (1L << 53);

    /// <summary>Twice <see cref="Unit"/>: the rounding of a product with a rounded reciprocal.</summary>
    public const double Unit2 = 2 * Unit;

    /// <summary>Factor applied to every computed radius to absorb the rounding of the radius computation itself.</summary>
    public const double Safety = 1 + (1.0 / (1L << 40));

    /// <summary>Smallest radius (2⁻⁵⁰⁰): keeps every radius computation clear of underflow.</summary>
    public static readonly double RadiusFloor = Math.ScaleB(1.0, -500);

    /// <summary>Largest value or radius allowed after a pivot (2⁴⁰⁰): keeps every intermediate finite.</summary>
    public static readonly double Huge = Math.ScaleB(1.0, 400);

    /// <summary>A tableau is recomputed from C when its largest radius exceeds this fraction of its largest value.</summary>
    public static readonly double RefreshRatio = Math.ScaleB(1.0, -6);

    /// <summary>Relative margin for each side of a certified ratio comparison (at most three roundings, each ≤ 2⁻⁵³).</summary>
    public const double RatioMargin = 1.0 / (1L << 50);

    private readonly double[] _c0Values;
    private readonly double[] _c0Radii;
    private readonly double[] _rowValues;
    private readonly double[] _rowRadii;
    private readonly double[] _rowWidths;
    private readonly double[] _columnValues;
    private readonly double[] _columnRadii;
    private readonly double[] _scratchValues;
    private readonly double[] _scratchRadii;
    private readonly int[] _targetBasic;
    private readonly int[] _targetNonbasic;
    private double[]? _anchorValues;
    private double[]? _anchorRadii;
    private int[]? _anchorBasic;
    private int[]? _anchorNonbasic;

    private VertexIntervalTableau(int k, int d, double[] c0Values, double[] c0Radii, int maxVectorBits)
    {
        K = k;
        D = d;
        VectorBits = maxVectorBits >= 512 && Vector512.IsHardwareAccelerated ? 512
            : maxVectorBits >= 256 && Vector256.IsHardwareAccelerated ? 256 : 0;

        // Four-double groups either way: a 512-bit path covers a row in eights and finishes with one four if needed,
        // so rows are not padded to eight (at 16×16, 20 doubles instead of 24).
        int lanes = VectorBits > 0 ? Vector256<double>.Count : 1;
        Stride = (d + 1 + lanes - 1) / lanes * lanes;
        Values = new double[k * Stride];
        Radii = new double[k * Stride];
        Basic = new int[k];
        Nonbasic = new int[d];
        _c0Values = c0Values;
        _c0Radii = c0Radii;
        _rowValues = new double[Stride];
        _rowRadii = new double[Stride];
        _rowWidths = new double[Stride];
        _columnValues = new double[k];
        _columnRadii = new double[k];
        _scratchValues = new double[k * Stride];
        _scratchRadii = new double[k * Stride];
        _targetBasic = new int[k];
        _targetNonbasic = new int[d];
        LoadSlackBasis();
    }

    /// <summary>Number of rows (constraints).</summary>
    public int K { get; }

    /// <summary>Widest vectors the row update and the ratio pass use: 512, 256 or 0 (scalar).</summary>
    public int VectorBits { get; }

    /// <summary>Dimension (nonbasic columns).</summary>
    public int D { get; }

    /// <summary>Doubles per row (d + 1 rounded up to the vector width).</summary>
    public int Stride { get; }

    /// <summary>Midpoints, row-major; column <see cref="D"/> is the right-hand side.</summary>
    public double[] Values { get; }

    /// <summary>Radii, same layout: the exact entry lies within the radius of the value.</summary>
    public double[] Radii { get; }

    /// <summary>Basic variable of each row (z₀…z_{d−1} are 0…d−1, slack r is d + r).</summary>
    public int[] Basic { get; }

    /// <summary>Nonbasic variable of each column.</summary>
    public int[] Nonbasic { get; }

    /// <summary>Number of pivots on the entries so far, recomputations included (diagnostics for tests and measurements).</summary>
    public long Pivots { get; private set; }

    /// <summary>Largest |value| written by the last successful pivot.</summary>
    public double LastMaxValue { get; private set; }

    /// <summary>Largest radius written by the last successful pivot.</summary>
    public double LastMaxRadius { get; private set; }

    /// <summary>
    /// The slack-basis tableau of C (k × d, positive integers) scaled by a power of two; null when some entry would be
    /// below 2⁻³⁰⁰ after scaling (payoffs of wildly different magnitudes: left to the exact tiers). The vectors used
    /// are the widest the hardware accelerates up to <paramref name="maxVectorBits"/> (tests force each path; all
    /// give identical bits).
    /// </summary>
    public static VertexIntervalTableau? Create(BigInteger[] constraints, int k, int d, int maxVectorBits = 512)
    {
        long maxBits = 0;
        foreach (BigInteger c in constraints)
        {
            maxBits = Math.Max(maxBits, c.GetBitLength());
        }

        double tiny = Math.ScaleB(1.0, -300);
        var values = new double[constraints.Length];
        var radii = new double[constraints.Length];
        for (int i = 0; i < constraints.Length; i++)
        {
            BigInteger c = constraints[i];
            long bits = c.GetBitLength();
            int drop = (int)Math.Max(0, bits - 64);
            if (maxBits - bits > 300 || c.Sign <= 0)
            {
                return null;
            }

            // The top 64 bits (truncated, relative error < 2⁻⁶³) rounded to double (< 2⁻⁵³), then scaled exactly.
            double v = Math.ScaleB((double)(ulong)(c >> drop), (int)(drop - maxBits));
            if (!(v >= tiny))
            {
                return null;
            }

            // Exact when c has at most 53 significant bits (then truncation and rounding were both exact).
            bool exact = bits - (long)BigInteger.TrailingZeroCount(c) <= 53;
            values[i] = v;
            radii[i] = exact ? RadiusFloor : Math.Max(v * Math.ScaleB(1.0, -50), RadiusFloor);
        }

        return new VertexIntervalTableau(k, d, values, radii, maxVectorBits);
    }

    /// <summary>Resets to the slack basis: rows C, right-hand side 1.</summary>
    public void LoadSlackBasis()
    {
        int k = K, d = D, w = Stride;
        Array.Clear(Values);
        Array.Clear(Radii);
        for (int r = 0; r < k; r++)
        {
            Array.Copy(_c0Values, r * d, Values, r * w, d);
            Array.Copy(_c0Radii, r * d, Radii, r * w, d);
            Values[(r * w) + d] = 1;
            Radii[(r * w) + d] = RadiusFloor;
            Basic[r] = d + r;
        }

        for (int s = 0; s < d; s++)
        {
            Nonbasic[s] = s;
        }
    }

    /// <summary>
    /// Exchanges the basic variable of row <paramref name="r"/> with the nonbasic variable of column
    /// <paramref name="s"/>. The basis bookkeeping always changes; the result is false when the tableau is no longer
    /// valid (pivot not certified away from zero with |v| &gt; 2r, or a value or radius beyond <see cref="Huge"/>):
    /// the caller then recomputes it with <see cref="Refresh"/>.
    /// </summary>
    public bool Pivot(int r, int s)
    {
        bool ok = PivotEntries(r, s);
        ExchangeLabels(r, s);
        return ok;
    }

    /// <summary>
    /// The numeric half of <see cref="Pivot"/>: the entries change, <see cref="Basic"/> and <see cref="Nonbasic"/>
    /// do not. For a caller that keeps the labels of another basis than the entries for a while (the vertex search's
    /// lazy backtracking); result as for <see cref="Pivot"/>.
    /// </summary>
    public bool PivotEntriesOnly(int r, int s)
    {
        return PivotEntries(r, s);
    }

    /// <summary>The bookkeeping half of <see cref="Pivot"/>: exchanges the labels of row r and column s only.</summary>
    public void ExchangeLabels(int r, int s) => (Basic[r], Nonbasic[s]) = (Nonbasic[s], Basic[r]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool PivotEntries(int r, int s)
    {
        Pivots++;
        double[] values = Values, radii = Radii;
        int w = Stride, pivotRow = r * w;
        double vp = values[pivotRow + s], rp = radii[pivotRow + s];
        double ap = Math.Abs(vp);
        if (!(ap > 2 * rp))
        {
            return false;
        }

        // Divisions become multiplications by inv = fl(1/v_p) and fl(1/den): a·inv is within 2u|a·inv| (+ tiny) of
        // a/v_p, hence the 2u value terms below; 1/den's rounding is one more relative u, absorbed by the safety factor.
        double inv = 1 / vp;
        double invDen = 1 / (ap - rp);
        double rpInvDen = rp * invDen;

        // The new pivot row first, into the row buffers; nothing is written to the tableau when it leaves the safe
        // range. Every entry is finite (|value|, radius ≤ 2⁴⁰⁰ and |1/v_p| ≤ 2⁵⁰⁰ by the invariants), so no NaN can
        // hide from the maxima (which may therefore use the native max instruction).
        PivotRow(pivotRow, s, inv, invDen, rpInvDen, out double maxValue, out double maxRadius);
        if (!(maxValue <= Huge && maxRadius <= Huge))
        {
            return false;
        }

        OtherRows(r, s, inv, invDen, rpInvDen, ref maxValue, ref maxRadius);
        Array.Copy(_rowValues, 0, values, pivotRow, w);
        Array.Copy(_rowRadii, 0, radii, pivotRow, w);
        LastMaxValue = maxValue;
        LastMaxRadius = maxRadius;
        return maxValue <= Huge && maxRadius <= Huge;
    }

    /// <summary>
    /// The pivot row c = a / p (column s: 1 / p) into the row buffers (<c>_rowWidths</c> = |c| + r_c for the other
    /// rows' updates), with its largest |value| and radius. Padding stays zero. Every path computes the scalar
    /// expressions, in the same order, so all give identical bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PivotRow(int pivotRow, int s, double inv, double invDen, double rpInvDen, out double maxValue, out double maxRadius)
    {
        int w = Stride, cols = D + 1, j = 0;
        ref double va0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Values), pivotRow);
        ref double ra0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Radii), pivotRow);
        ref double cv0 = ref MemoryMarshal.GetArrayDataReference(_rowValues);
        ref double cr0 = ref MemoryMarshal.GetArrayDataReference(_rowRadii);
        ref double cw0 = ref MemoryMarshal.GetArrayDataReference(_rowWidths);
        double floor = RadiusFloor;
        if (VectorBits >= 256 && Vector256.IsHardwareAccelerated)
        {
            // Fours over the whole stride (a multiple of four); Vector256 is enough for one row.
            Vector256<double> invV = Vector256.Create(inv), invDenV = Vector256.Create(invDen), rpInvDenV = Vector256.Create(rpInvDen);
            Vector256<double> unit2 = Vector256.Create(Unit2), safety = Vector256.Create(Safety), floorV = Vector256.Create(floor);
            for (; j + Vector256<double>.Count <= w; j += Vector256<double>.Count)
            {
                nuint o = (nuint)j;
                Vector256<double> v = Vector256.LoadUnsafe(ref va0, o) * invV;
                Vector256<double> av = Vector256.Abs(v);
                Vector256<double> rad = Vector256.MaxNative((((Vector256.LoadUnsafe(ref ra0, o) * invDenV) + (av * rpInvDenV)) + (unit2 * av)) * safety, floorV);
                v.StoreUnsafe(ref cv0, o);
                rad.StoreUnsafe(ref cr0, o);
                (av + rad).StoreUnsafe(ref cw0, o);
            }
        }

        for (; j < w; j++)
        {
            double v = Unsafe.Add(ref va0, j) * inv;
            double rad = double.MaxNative(((Unsafe.Add(ref ra0, j) * invDen) + (Math.Abs(v) * rpInvDen) + (Unit2 * Math.Abs(v))) * Safety, floor);
            Unsafe.Add(ref cv0, j) = v;
            Unsafe.Add(ref cr0, j) = rad;
            Unsafe.Add(ref cw0, j) = Math.Abs(v) + rad;
        }

        // Column s holds 1 / p; padding (past the right-hand side) stays exactly zero.
        double vs = inv;
        double rs = double.MaxNative(((rpInvDen * Math.Abs(inv)) + (Unit2 * Math.Abs(vs))) * Safety, floor);
        Unsafe.Add(ref cv0, s) = vs;
        Unsafe.Add(ref cr0, s) = rs;
        Unsafe.Add(ref cw0, s) = Math.Abs(vs) + rs;
        for (int p = cols; p < w; p++)
        {
            Unsafe.Add(ref cv0, p) = 0;
            Unsafe.Add(ref cr0, p) = 0;
            Unsafe.Add(ref cw0, p) = 0;
        }

        // The maxima of the final row (padding is zero and every radius non-negative, so it cannot count).
        maxValue = 0;
        maxRadius = 0;
        j = 0;
        if (VectorBits >= 256 && Vector256.IsHardwareAccelerated)
        {
            Vector256<double> maxV = Vector256<double>.Zero, maxR = Vector256<double>.Zero;
            for (; j + Vector256<double>.Count <= w; j += Vector256<double>.Count)
            {
                maxV = Vector256.MaxNative(maxV, Vector256.Abs(Vector256.LoadUnsafe(ref cv0, (nuint)j)));
                maxR = Vector256.MaxNative(maxR, Vector256.LoadUnsafe(ref cr0, (nuint)j));
            }

            maxValue = Doubles256.MaxAcross(new(maxV));
            maxRadius = Doubles256.MaxAcross(new(maxR));
        }

        for (; j < w; j++)
        {
            maxValue = double.MaxNative(maxValue, Math.Abs(Unsafe.Add(ref cv0, j)));
            maxRadius = double.MaxNative(maxRadius, Unsafe.Add(ref cr0, j));
        }
    }

    /// <summary>
    /// Every row but the pivot row: a − b·c over all columns (b = the row's column-s entry, c the new pivot row), then
    /// column s = −b / p; the largest |value| and radius are folded into <paramref name="maxValue"/> and
    /// <paramref name="maxRadius"/> (column s's intermediate a − b·c included, as it always was). Column s is saved
    /// first; then the columns go in eights (Vector512) while a whole eight fits in the row, then in fours (the row
    /// stride is a multiple of four, so there is no tail without vectors), each width over all rows with its maxima
    /// kept in vectors. Every path computes exactly the scalar expressions, in the same order, so all give identical
    /// bits. Padding stays zero: 0 − b·0 = 0 and every radius term is 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OtherRows(int r, int s, double inv, double invDen, double rpInvDen, ref double maxValue, ref double maxRadius)
    {
        int k = K, w = Stride;
        double[] values = Values, radii = Radii, bs = _columnValues, rbs = _columnRadii;
        for (int i = 0, o = s; i < k; i++, o += w)
        {
            bs[i] = values[o];
            rbs[i] = radii[o];
        }

        int eights = VectorBits == 512 && Vector512.IsHardwareAccelerated ? w / Vector512<double>.Count * Vector512<double>.Count : 0;
        int fours = VectorBits >= 256 && Vector256.IsHardwareAccelerated ? w : eights;
        if (fours > 0)
        {
            UpdateColumns<Doubles512, Longs512, Doubles256, Longs256>(r, eights, fours, ref maxValue, ref maxRadius);
        }

        // The maxima in locals with the native max instruction: Math.Max's NaN and signed-zero handling cost a few
        // instructions per call, and folding into the ref parameters stored them to memory at every row (together
        // about 40 % of this method's own time in a profile). No operand is NaN (see PivotEntries) and all are ≥ 0,
        // so the results are the same.
        double floor = RadiusFloor, mv = maxValue, mr = maxRadius;
        for (int i = 0; i < k; i++)
        {
            if (i == r)
            {
                continue;
            }

            int row = i * w;
            double vb = bs[i], rb = rbs[i], absB = Math.Abs(vb);
            for (int j = fours; j < w; j++)
            {
                double t = vb * _rowValues[j];
                double x = values[row + j] - t;
                double rx = (((radii[row + j] + (absB * _rowRadii[j])) + (rb * _rowWidths[j])) + (Unit * (Math.Abs(t) + Math.Abs(x)))) * Safety;
                values[row + j] = x;
                radii[row + j] = rx;
                mv = double.MaxNative(mv, Math.Abs(x));
                mr = double.MaxNative(mr, rx);
            }

            double nv = -vb * inv;
            double nr = double.MaxNative(((rb * invDen) + (Math.Abs(nv) * rpInvDen) + (Unit2 * Math.Abs(nv))) * Safety, floor);
            values[row + s] = nv;
            radii[row + s] = nr;
            mv = double.MaxNative(mv, Math.Abs(nv));
            mr = double.MaxNative(mr, nr);
        }

        maxValue = mv;
        maxRadius = mr;
    }

    /// <summary>
    /// The row update a − b·c of <see cref="OtherRows"/> for every row but <paramref name="r"/>: columns 0 …
    /// <paramref name="wide"/> − 1 in vectors of <typeparamref name="TA"/>, then up to <paramref name="to"/> − 1 in
    /// vectors of <typeparamref name="TB"/>, both in the same pass over the rows (two passes, one per width, loaded
    /// each row's factors twice and ran twice as many short loops).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateColumns<TA, TLA, TB, TLB>(int r, int wide, int to, ref double maxValue, ref double maxRadius)
        where TA : struct, ISimdDoubles<TA, TLA>
        where TLA : struct, ISimdLongs<TLA>
        where TB : struct, ISimdDoubles<TB, TLB>
        where TLB : struct, ISimdLongs<TLB>
    {
        int k = K, w = Stride;
        ref double va0 = ref MemoryMarshal.GetArrayDataReference(Values);
        ref double ra0 = ref MemoryMarshal.GetArrayDataReference(Radii);
        ref double cv0 = ref MemoryMarshal.GetArrayDataReference(_rowValues);
        ref double cr0 = ref MemoryMarshal.GetArrayDataReference(_rowRadii);
        ref double cw0 = ref MemoryMarshal.GetArrayDataReference(_rowWidths);
        double[] bs = _columnValues, rbs = _columnRadii;
        TA aUnit = TA.Create(Unit), aSafety = TA.Create(Safety), aMaxV = TA.Zero, aMaxR = TA.Zero;
        TB bUnit = TB.Create(Unit), bSafety = TB.Create(Safety), bMaxV = TB.Zero, bMaxR = TB.Zero;
        for (int i = 0; i < k; i++)
        {
            if (i == r)
            {
                continue;
            }

            ref double va = ref Unsafe.Add(ref va0, i * w);
            ref double ra = ref Unsafe.Add(ref ra0, i * w);
            double vb = bs[i], absB = Math.Abs(vb), rb = rbs[i];
            TA aVb = TA.Create(vb), aAbsB = TA.Create(absB), aRb = TA.Create(rb);
            int j = 0;
            for (; j < wide; j += TA.Count)
            {
                (TA x, TA rx) = UpdateLanes<TA, TLA>(ref va, ref ra, ref cv0, ref cr0, ref cw0, (nuint)j, aVb, aAbsB, aRb, aUnit, aSafety);
                aMaxV = TA.MaxNative(aMaxV, TA.Abs(x));
                aMaxR = TA.MaxNative(aMaxR, rx);
            }

            TB bVb = TB.Create(vb), bAbsB = TB.Create(absB), bRb = TB.Create(rb);
            for (; j < to; j += TB.Count)
            {
                (TB x, TB rx) = UpdateLanes<TB, TLB>(ref va, ref ra, ref cv0, ref cr0, ref cw0, (nuint)j, bVb, bAbsB, bRb, bUnit, bSafety);
                bMaxV = TB.MaxNative(bMaxV, TB.Abs(x));
                bMaxR = TB.MaxNative(bMaxR, rx);
            }
        }

        maxValue = Math.Max(maxValue, Math.Max(TA.MaxAcross(aMaxV), TB.MaxAcross(bMaxV)));
        maxRadius = Math.Max(maxRadius, Math.Max(TA.MaxAcross(aMaxR), TB.MaxAcross(bMaxR)));
    }

    /// <summary>
    /// One vector of <see cref="UpdateColumns"/> at offset <paramref name="o"/> of a row (value <paramref name="va"/>,
    /// radius <paramref name="ra"/>): x = a − b·c and its radius, stored, and returned for the maxima (which the caller
    /// keeps in its own locals, so that they stay in registers).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TD Value, TD Radius) UpdateLanes<TD, TL>(ref double va, ref double ra, ref double cv0, ref double cr0, ref double cw0, nuint o, TD vb, TD absB, TD rb, TD unit, TD safety)
        where TD : struct, ISimdDoubles<TD, TL>
        where TL : struct, ISimdLongs<TL>
    {
        TD t = vb * TD.Load(ref cv0, o);
        TD x = TD.Load(ref va, o) - t;
        TD rx = (((TD.Load(ref ra, o) + (absB * TD.Load(ref cr0, o))) + (rb * TD.Load(ref cw0, o))) + (unit * (TD.Abs(t) + TD.Abs(x)))) * safety;
        x.Store(ref va, o);
        rx.Store(ref ra, o);
        return (x, rx);
    }

    /// <summary>
    /// Recomputes the tableau of the current basis from C: fresh pivots from the slack basis, each time on the entry
    /// of largest magnitude among the columns still to enter and the rows still to leave (complete pivoting), then
    /// rows and columns permuted back to the current positions. False when a fresh pivot is not certified or a value
    /// leaves the safe range. On success the result is also kept as the anchor of <see cref="RefreshFromAnchor"/>.
    /// </summary>
    public bool Refresh()
    {
        if (!Recompute(fromAnchor: false, int.MaxValue))
        {
            return false;
        }

        _anchorValues ??= new double[Values.Length];
        _anchorRadii ??= new double[Values.Length];
        _anchorBasic ??= new int[K];
        _anchorNonbasic ??= new int[D];
        SaveTo(_anchorValues, _anchorRadii, _anchorBasic, _anchorNonbasic);
        return true;
    }

    /// <summary>
    /// Recomputes the tableau of the current basis as <see cref="Refresh"/> does, but from the last tableau
    /// <see cref="Refresh"/> computed (the anchor) instead of the slack basis: when the current basis is at most
    /// <paramref name="maxExchanges"/> exchanges away from it, that is a few pivots instead of up to min(k, d). False
    /// when there is no anchor, it is too far (then nothing changed) or a pivot failed (then the entries are
    /// garbage, the labels right: call <see cref="Refresh"/>).
    /// </summary>
    /// <remarks>
    /// Rigour needs nothing new: the anchor is a valid enclosure of its basis's exact tableau, and every pivot from
    /// it keeps the enclosure valid (the same certified pivot as anywhere else). Its radii start where the anchor's
    /// are, which after a DFS path of pivots forward and back are far smaller than the current ones: interval
    /// pivots cannot cancel, so a pivot and its pivot back widen the radii by the product of both growth factors.
    /// </remarks>
    public bool RefreshFromAnchor(int maxExchanges) => _anchorValues is not null && Recompute(fromAnchor: true, maxExchanges);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Recompute(bool fromAnchor, int maxExchanges)
    {
        int k = K, d = D, w = Stride;
        Basic.CopyTo(_targetBasic, 0);
        Nonbasic.CopyTo(_targetNonbasic, 0);
        Span<bool> inTarget = d + k <= 1024 ? stackalloc bool[d + k] : new bool[d + k]; // Lemke–Howson may exceed 64
        foreach (int v in _targetBasic)
        {
            inTarget[v] = true;
        }

        if (fromAnchor)
        {
            int exchanges = 0;
            foreach (int v in _anchorBasic!)
            {
                exchanges += inTarget[v] ? 0 : 1;
            }

            if (exchanges > maxExchanges)
            {
                return false; // Basic and Nonbasic are untouched: the caller's tableau is as it was
            }

            LoadFrom(_anchorValues!, _anchorRadii!, _anchorBasic!, _anchorNonbasic!);
        }
        else
        {
            LoadSlackBasis();
        }

        // The rows whose variable must leave and the columns whose variable must enter, by index; each pivot takes one
        // of each out (row i then holds an entering variable, column s a leaving one), so the lists only shrink.
        Span<int> leave = k <= 256 ? stackalloc int[k] : new int[k];
        Span<int> enter = d <= 256 ? stackalloc int[d] : new int[d];
        int leaving = 0, entering = 0;
        for (int i = 0; i < k; i++)
        {
            if (!inTarget[Basic[i]])
            {
                leave[leaving++] = i;
            }
        }

        for (int s = 0; s < d; s++)
        {
            if (inTarget[Nonbasic[s]])
            {
                enter[entering++] = s;
            }
        }

        ref double v0 = ref MemoryMarshal.GetArrayDataReference(Values);
        while (leaving > 0)
        {
            // Complete pivoting: the entry of largest magnitude (the first on ties, rows then columns by index).
            int bestL = 0, bestE = 0;
            double best = -1;
            for (int a = 0; a < leaving; a++)
            {
                ref double row = ref Unsafe.Add(ref v0, leave[a] * w);
                for (int b = 0; b < entering; b++)
                {
                    double m = Math.Abs(Unsafe.Add(ref row, enter[b]));
                    if (m > best)
                    {
                        best = m;
                        bestL = a;
                        bestE = b;
                    }
                }
            }

            if (!Pivot(leave[bestL], enter[bestE]))
            {
                Restore(_targetBasic, _targetNonbasic);
                return false;
            }

            // Removed in order, so the scan order stays rows then columns by index (the first maximum wins as before).
            leave[(bestL + 1)..leaving].CopyTo(leave[bestL..]);
            enter[(bestE + 1)..entering].CopyTo(enter[bestE..]);
            leaving--;
            entering--;
        }

        // Same basis, possibly other positions: move row of variable Basic'[r] to r and column of Nonbasic'[s] to s.
        Span<int> rowOfVariable = d + k <= 1024 ? stackalloc int[d + k] : new int[d + k];
        Span<int> slotOfVariable = d + k <= 1024 ? stackalloc int[d + k] : new int[d + k];
        for (int i = 0; i < k; i++)
        {
            rowOfVariable[Basic[i]] = i;
        }

        bool moved = false;
        for (int s = 0; s < d; s++)
        {
            slotOfVariable[Nonbasic[s]] = s;
            moved |= _targetNonbasic[s] != Nonbasic[s];
        }

        for (int r = 0; r < k && !moved; r++)
        {
            moved = _targetBasic[r] != Basic[r];
        }

        if (!moved)
        {
            return true; // every variable is where it was (one exchange, or pivots that happened to pair up so)
        }

        // The scratch arrays' padding (past the right-hand side) is never written, so it stays zero.
        for (int r = 0; r < k; r++)
        {
            int from = rowOfVariable[_targetBasic[r]] * w, to = r * w;
            for (int s = 0; s < d; s++)
            {
                int fs = slotOfVariable[_targetNonbasic[s]];
                _scratchValues[to + s] = Values[from + fs];
                _scratchRadii[to + s] = Radii[from + fs];
            }

            _scratchValues[to + d] = Values[from + d];
            _scratchRadii[to + d] = Radii[from + d];
        }

        _scratchValues.CopyTo(Values, 0);
        _scratchRadii.CopyTo(Radii, 0);
        Restore(_targetBasic, _targetNonbasic);
        return true;
    }

    private void Restore(int[] basic, int[] nonbasic)
    {
        basic.CopyTo(Basic, 0);
        nonbasic.CopyTo(Nonbasic, 0);
    }

    /// <summary>Copies the whole state into a snapshot of this tableau's shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SaveTo(double[] values, double[] radii, int[] basic, int[] nonbasic)
    {
        Values.CopyTo(values, 0);
        Radii.CopyTo(radii, 0);
        Basic.CopyTo(basic, 0);
        Nonbasic.CopyTo(nonbasic, 0);
    }

    /// <summary>Restores a state saved by <see cref="SaveTo"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void LoadFrom(double[] values, double[] radii, int[] basic, int[] nonbasic)
    {
        values.CopyTo(Values, 0);
        radii.CopyTo(Radii, 0);
        basic.CopyTo(Basic, 0);
        nonbasic.CopyTo(Nonbasic, 0);
    }

    /// <summary>True when the last pivot's radii grew beyond <see cref="RefreshRatio"/> of its values (time to recompute).</summary>
    public bool RadiiTooWide() => LastMaxRadius > RefreshRatio * LastMaxValue;

    /// <summary>Every basic variable is certified positive with margin (value &gt; 2 · radius): a nondegenerate vertex.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool RightHandSidesCertified()
    {
        double[] values = Values, radii = Radii;
        int w = Stride;
        for (int i = 0, o = D; i < K; i++, o += w)
        {
            if (!(values[o] > 2 * radii[o]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="CertifiedRatioRow"/> for every column at once: <paramref name="rows"/>[s] for s &lt; d, each −1 or the
    /// same row the single-column test returns (same candidate choice, same certification, same roundings); true when
    /// every column is certified.
    /// </summary>
    /// <remarks>
    /// The single-column test walks down one column of the row-major tableau, a cache line per row and an
    /// unpredictable branch per entry, d times per vertex. Here the lanes are four adjacent columns (Vector256; the
    /// row stride is a multiple of four, so a group never leaves the row): one pass down the rows keeps per lane the
    /// candidate minimum exactly as the scalar loop chooses it (first strict minimum of the cross products) and a
    /// mask of lanes with an uncertain sign; a second pass certifies the candidate against every other positive
    /// entry with the scalar expressions. Lanes past column d − 1 (the right-hand side, padding) are computed and
    /// ignored. Without vector hardware, the scalar test per column.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool CertifiedRatioRows(Span<int> rows)
    {
        int d = D, w = Stride;
        if (VectorBits == 0 || !Vector256.IsHardwareAccelerated)
        {
            bool all = true;
            for (int s = 0; s < d; s++)
            {
                rows[s] = CertifiedRatioRow(s);
                all &= rows[s] >= 0;
            }

            return all;
        }

        // Eight columns at a time while a whole eight fits in the row (Vector512), else four: the stride is a
        // multiple of four, so neither leaves the row; lanes past column d − 1 are computed and ignored. Groups go in
        // pairs through the rows together: each group's candidate search is a chain of dependent steps (multiply,
        // compare, select) down the rows, and two chains interleaved keep the core busy where one leaves it waiting.
        bool wide = VectorBits == 512 && Vector512.IsHardwareAccelerated;
        bool ok = true;
        for (int j = 0; j < d;)
        {
            bool firstWide = wide && j + Vector512<double>.Count <= w;
            int second = j + (firstWide ? Vector512<double>.Count : Vector256<double>.Count);
            bool secondWide = wide && second + Vector512<double>.Count <= w;
            if (second >= d)
            {
                ok &= firstWide ? RatioGroups<Doubles512, Longs512, Doubles512, Longs512>(j, -1, rows)
                    : RatioGroups<Doubles256, Longs256, Doubles256, Longs256>(j, -1, rows);
                break;
            }

            ok &= (firstWide, secondWide) switch
            {
                (true, true) => RatioGroups<Doubles512, Longs512, Doubles512, Longs512>(j, second, rows),
                (true, false) => RatioGroups<Doubles512, Longs512, Doubles256, Longs256>(j, second, rows),
                (false, true) => RatioGroups<Doubles256, Longs256, Doubles512, Longs512>(j, second, rows),
                _ => RatioGroups<Doubles256, Longs256, Doubles256, Longs256>(j, second, rows),
            };
            j = second + (secondWide ? Vector512<double>.Count : Vector256<double>.Count);
        }

        return ok;
    }

    /// <summary>
    /// The ratio tests of the columns from <paramref name="first"/> (lanes of <typeparamref name="TA"/>) and, unless it
    /// is −1, from <paramref name="second"/> (lanes of <typeparamref name="TB"/>), for <see cref="CertifiedRatioRows"/>:
    /// one lane per column (those below d), both groups in the same passes down the rows; true when all are certified.
    /// Per lane: the candidate minimum exactly as the scalar test chooses it (first strict minimum of the cross
    /// products), then its certificate against every other positive entry with the scalar expressions, and a mask of
    /// lanes with an uncertain sign or minimum. (Written out twice in plain locals: kept in a struct per group, the
    /// vectors went through memory and the pass was slower than one group at a time.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool RatioGroups<TA, TLA, TB, TLB>(int first, int second, Span<int> rows)
        where TA : struct, ISimdDoubles<TA, TLA>
        where TLA : struct, ISimdLongs<TLA>
        where TB : struct, ISimdDoubles<TB, TLB>
        where TLB : struct, ISimdLongs<TLB>
    {
        int k = K, d = D, w = Stride;
        bool pair = second >= 0;
        ref double v0 = ref MemoryMarshal.GetArrayDataReference(Values);
        ref double r0 = ref MemoryMarshal.GetArrayDataReference(Radii);
        TA aZero = TA.Zero, aTwo = TA.Create(2.0);
        TB bZero = TB.Zero, bTwo = TB.Create(2.0);
        // The candidate starts as rhs = +∞ over p = 1, so that the first bounding row with p > 0 always beats it (a row
        // with p ≤ 0 that may bound makes the lane uncertain anyway): no separate "no candidate yet" test per row.
        TA aP = TA.One, aRp = aZero, aRhs = TA.Create(double.PositiveInfinity), aRr = aZero, aRow = TA.Create(-1.0), aBad = aZero;
        TB bP = TB.One, bRp = bZero, bRhs = TB.Create(double.PositiveInfinity), bRr = bZero, bRow = TB.Create(-1.0), bBad = bZero;
        for (int i = 0, o = 0; i < k; i++, o += w)
        {
            double rhsValue = Unsafe.Add(ref v0, o + d), rhsRadius = Unsafe.Add(ref r0, o + d);

            // A lane's entry bounds the edge unless certified non-positive (scalar: p + rp <= 0 skips it); a bounding
            // entry must be certified positive with room to compare (scalar: !(p > 2 rp) gives up); row i becomes the
            // lane's candidate if it has a strictly smaller cross product than the candidate so far.
            TA ap = TA.Load(ref v0, (nuint)(o + first)), arp = TA.Load(ref r0, (nuint)(o + first)), arhs = TA.Create(rhsValue);
            TA aBounds = TA.GreaterThan(ap + arp, aZero);
            aBad |= TA.AndNot(aBounds, TA.GreaterThan(ap, aTwo * arp));
            TA aBetter = aBounds & TA.LessThan(arhs * aP, aRhs * ap);
            aP = TA.ConditionalSelect(aBetter, ap, aP);
            aRp = TA.ConditionalSelect(aBetter, arp, aRp);
            aRhs = TA.ConditionalSelect(aBetter, arhs, aRhs);
            aRr = TA.ConditionalSelect(aBetter, TA.Create(rhsRadius), aRr);
            aRow = TA.ConditionalSelect(aBetter, TA.Create(i), aRow);

            if (!pair)
            {
                continue;
            }

            TB bp = TB.Load(ref v0, (nuint)(o + second)), brp = TB.Load(ref r0, (nuint)(o + second)), brhs = TB.Create(rhsValue);
            TB bBounds = TB.GreaterThan(bp + brp, bZero);
            bBad |= TB.AndNot(bBounds, TB.GreaterThan(bp, bTwo * brp));
            TB bBetter = bBounds & TB.LessThan(brhs * bP, bRhs * bp);
            bP = TB.ConditionalSelect(bBetter, bp, bP);
            bRp = TB.ConditionalSelect(bBetter, brp, bRp);
            bRhs = TB.ConditionalSelect(bBetter, brhs, bRhs);
            bRr = TB.ConditionalSelect(bBetter, TB.Create(rhsRadius), bRr);
            bRow = TB.ConditionalSelect(bBetter, TB.Create(i), bRow);
        }

        // No bounding row at all: never guess (cannot happen for a bounded polytope with certified signs). Then the
        // candidate's side of every comparison, rounded away from the claim.
        aBad |= TA.LessThan(aRow, aZero);
        bBad |= TB.LessThan(bRow, bZero);
        TA aLowP = (aP - aRp) * TA.Create(1 - RatioMargin), aHighRhs = (aRhs + aRr) * TA.Create(1 + RatioMargin);
        TB bLowP = (bP - bRp) * TB.Create(1 - RatioMargin), bHighRhs = (bRhs + bRr) * TB.Create(1 + RatioMargin);
        TA aLowMargin = TA.Create(1 - RatioMargin), aHighMargin = TA.Create(1 + RatioMargin);
        TB bLowMargin = TB.Create(1 - RatioMargin), bHighMargin = TB.Create(1 + RatioMargin);
        for (int i = 0, o = 0; i < k; i++, o += w)
        {
            // Every other positive entry's ratio must be certified larger than the candidate's.
            double lowRhs = Unsafe.Add(ref v0, o + d) - Unsafe.Add(ref r0, o + d);
            TA ap = TA.Load(ref v0, (nuint)(o + first)), arp = TA.Load(ref r0, (nuint)(o + first));
            TA aOther = TA.AndNot(TA.GreaterThan(ap, aZero), TA.EqualsMask(aRow, TA.Create(i)));
            aBad |= TA.AndNot(aOther, TA.GreaterThan(TA.Create(lowRhs) * aLowP * aLowMargin, aHighRhs * (ap + arp) * aHighMargin));

            if (!pair)
            {
                continue;
            }

            TB bp = TB.Load(ref v0, (nuint)(o + second)), brp = TB.Load(ref r0, (nuint)(o + second));
            TB bOther = TB.AndNot(TB.GreaterThan(bp, bZero), TB.EqualsMask(bRow, TB.Create(i)));
            bBad |= TB.AndNot(bOther, TB.GreaterThan(TB.Create(lowRhs) * bLowP * bLowMargin, bHighRhs * (bp + brp) * bHighMargin));
        }

        // The lanes' rows (−1 where uncertain) for the columns below d, each vector stored once (reading lanes one
        // by one sent the whole vector through memory for each). A lane's row is a small whole number, so the native
        // conversion is exact (the saturating cast checked for NaN and range at every lane).
        Span<double> lanes = stackalloc double[16];
        ref double lane0 = ref MemoryMarshal.GetReference(lanes);
        ulong aUncertain = aBad.ExtractMostSignificantBits();
        int aLanes = Math.Min(TA.Count, d - first);
        aRow.Store(ref lane0, 0);
        for (int l = 0; l < aLanes; l++)
        {
            rows[first + l] = (aUncertain & (1UL << l)) == 0 ? double.ConvertToIntegerNative<int>(lanes[l]) : -1;
        }

        bool ok = (aUncertain & ((1UL << aLanes) - 1)) == 0;
        if (pair)
        {
            ulong bUncertain = bBad.ExtractMostSignificantBits();
            int bLanes = Math.Min(TB.Count, d - second);
            bRow.Store(ref lane0, 8);
            for (int l = 0; l < bLanes; l++)
            {
                rows[second + l] = (bUncertain & (1UL << l)) == 0 ? double.ConvertToIntegerNative<int>(lanes[8 + l]) : -1;
            }

            ok &= (bUncertain & ((1UL << bLanes) - 1)) == 0;
        }

        return ok;
    }

    /// <summary>
    /// The leaving row for entering column <paramref name="s"/>: the certified unique minimum of rhs_i / p_i over
    /// the rows with p_i certified positive; −1 when some entry's sign or the minimum is uncertain. No division: the
    /// minimum by cross products of midpoints, then certified by <c>(rhs_i − r) · (p_t − r) &gt; (rhs_t + r) · (p_i + r)</c>
    /// for every other candidate i, each side rounded away from the claim by a relative margin.
    /// </summary>
    /// <remarks>
    /// Precondition: every right-hand side is certified positive (<see cref="RightHandSidesCertified"/>), as the search
    /// keeps it for every tableau it decides on. The cross-product certificate assumes non-negative intervals on both
    /// sides; with a negative or uncertain right-hand side it can name a wrong row (a test found this on random
    /// tableaux), so callers must not use it on such a tableau.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CertifiedRatioRow(int s)
    {
        double[] values = Values, radii = Radii;
        int w = Stride, d = D;
        int best = -1;
        double bestRhs = 0, bestP = 1;
        for (int i = 0, o = 0; i < K; i++, o += w)
        {
            double p = values[o + s], rp = radii[o + s];
            if (p + rp <= 0)
            {
                continue; // certified non-positive: this constraint does not bound the edge
            }

            if (!(p > 2 * rp))
            {
                return -1; // sign uncertain, or positive with too wide an interval to compare ratios
            }

            double rhs = values[o + d];
            if (best < 0 || rhs * bestP < bestRhs * p)
            {
                best = i;
                bestRhs = rhs;
                bestP = p;
            }
        }

        if (best < 0)
        {
            return -1; // cannot happen for a bounded polytope with certified signs; never guess
        }

        // rhs > 2 r (every tableau the search keeps is certified so) and p > 2 r keep every factor within [2⁻⁵⁰¹, 2⁴⁰¹].
        int bo = best * w;
        double lowP = (values[bo + s] - radii[bo + s]) * (1 - RatioMargin);
        double highRhs = (values[bo + d] + radii[bo + d]) * (1 + RatioMargin);
        for (int i = 0, o = 0; i < K; i++, o += w)
        {
            double p = values[o + s];
            if (i == best || p <= 0)
            {
                continue; // p ≤ 0 here means certified non-positive (checked above)
            }

            double lhs = (values[o + d] - radii[o + d]) * lowP;
            double rhs = highRhs * (p + radii[o + s]);
            if (!(lhs * (1 - RatioMargin) > rhs * (1 + RatioMargin)))
            {
                return -1;
            }
        }

        return best;
    }
}
