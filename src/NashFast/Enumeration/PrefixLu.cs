using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NashFast.Enumeration;

/// <summary>
/// A left-looking LU factorisation with partial pivoting of the k×k systems <c>P[I, J] z = 1</c> for one fixed row
/// set I and a sequence of column sets J, reusing the factored leading columns that J shares with its predecessor.
/// </summary>
/// <remarks>
/// <para>Why: in lexicographic order consecutive column sets J usually differ only in their last entries, and with
/// a left-looking (column-by-column) factorisation the pivots, L columns and U columns of the first p columns depend
/// on those p columns only. So a new J costs O(k·p) per changed column instead of a fresh O(k³) factorisation; when
/// only the last column changes, the whole solve is O(k²). The pivot sequence is exactly the one of the right-looking
/// <see cref="DenseLu.SolveOnes"/> (the same Schur-complement column is searched at each step), so the condition
/// estimate <c>max|pivot| / min|pivot|</c> is the same quantity; results agree up to rounding.</para>
/// <para>Rows not yet chosen as pivots may sit in any order (their order does not affect later pivot choices except
/// on exact ties), so going back to a shorter prefix needs no undo.</para>
/// <para>The forward substitution <c>L w = 1</c> is also kept per prefix: <c>w[p]</c> is final once row p is
/// chosen. Only the back substitution runs in full for every J.</para>
/// </remarks>
[SkipLocalsInit]
internal sealed class PrefixLu : IDisposable
{
    private readonly int _maxK;
    private readonly int _maxColumns;
    private readonly double[] _doubles;
    private readonly int[] _perm;
    private int _k;
    private int _depth;

    /// <summary>Rents scratch for systems up to <paramref name="maxK"/>×<paramref name="maxK"/> over up to <paramref name="maxColumns"/> candidate columns.</summary>
    public PrefixLu(int maxK, int maxColumns)
    {
        _maxK = maxK;
        _maxColumns = maxColumns;

        // Layout: column block (maxColumns·maxK) | W (maxK²) | s (maxK) | w (maxK) | minPivot (maxK) | maxPivot (maxK).
        _doubles = ArrayPool<double>.Shared.Rent((maxColumns * maxK) + (maxK * maxK) + (4 * maxK));
        _perm = ArrayPool<int>.Shared.Rent(maxK);
    }

    /// <summary>How many leading columns are currently factored (test hook).</summary>
    public int Depth => _depth;

    /// <summary>
    /// Starts a new row set: copies <c>p[rows[r], j]</c> for every column j into a column-major block so each
    /// candidate column is one contiguous k-vector, and forgets every factored column.
    /// </summary>
    public void Load(ReadOnlySpan<double> p, int stride, ReadOnlySpan<int> rows)
    {
        int k = rows.Length;
        if (k > _maxK || stride > _maxColumns)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), "The system is larger than the scratch.");
        }

        _k = k;
        _depth = 0;
        Span<double> block = _doubles.AsSpan(0, stride * k);
        for (int r = 0; r < k; r++)
        {
            ReadOnlySpan<double> row = p.Slice(rows[r] * stride, stride);
            for (int j = 0; j < stride; j++)
            {
                block[(j * k) + r] = row[j];
            }
        }

        for (int r = 0; r < k; r++)
        {
            _perm[r] = r;
        }
    }

    /// <summary>
    /// Solves <c>P[I, columns] z = 1</c>, where the first <paramref name="unchanged"/> entries of
    /// <paramref name="columns"/> are those of the previous call (0 after <see cref="Load"/> is always safe).
    /// Returns the condition estimate <c>max|pivot| / min|pivot|</c>, or +∞ when a pivot is exactly zero
    /// (then <paramref name="z"/> is not written).
    /// </summary>
    public double SolveOnes(ReadOnlySpan<int> columns, int unchanged, Span<double> z) =>
        SolveOnes(columns, unchanged, z, earlyReject: false, out _);

    /// <summary>
    /// As <see cref="SolveOnes(ReadOnlySpan{int}, int, Span{double})"/>; with <paramref name="earlyReject"/> the back
    /// substitution stops as soon as an entry of z is so negative that support enumeration must reject the weights
    /// (see <see cref="SupportEnumerationTolerances.ClearlyNegative"/>). Then <paramref name="rejected"/> is true and
    /// z is only partly written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double SolveOnes(ReadOnlySpan<int> columns, int unchanged, Span<double> z, bool earlyReject, out bool rejected)
    {
        rejected = false;
        int k = _k;
        if (columns.Length != k || z.Length < k)
        {
            throw new ArgumentException("The column set must have the loaded size.", nameof(columns));
        }

        int start = Math.Min(unchanged, _depth);
        ref double block = ref MemoryMarshal.GetArrayDataReference(_doubles);
        int wOffset = _maxColumns * _maxK;
        ref double wm = ref Unsafe.Add(ref block, wOffset);
        ref double s = ref Unsafe.Add(ref wm, _maxK * _maxK);
        ref double fw = ref Unsafe.Add(ref s, _maxK);
        ref double minPivots = ref Unsafe.Add(ref fw, _maxK);
        ref double maxPivots = ref Unsafe.Add(ref minPivots, _maxK);
        ref int perm = ref MemoryMarshal.GetArrayDataReference(_perm);
        ref readonly int col = ref MemoryMarshal.GetReference(columns);

        for (int p = start; p < k; p++)
        {
            ref double source = ref Unsafe.Add(ref block, Unsafe.Add(ref Unsafe.AsRef(in col), p) * k);

            // s = L⁻¹-reduced column: rows above p give U[r, p] (triangular solve), rows from p the Schur column.
            for (int r = 0; r < k; r++)
            {
                double v = Unsafe.Add(ref source, Unsafe.Add(ref perm, r));
                ref double lRow = ref Unsafe.Add(ref wm, r * k);
                int limit = r < p ? r : p;
                for (int c = 0; c < limit; c++)
                {
                    v -= Unsafe.Add(ref lRow, c) * Unsafe.Add(ref s, c);
                }

                Unsafe.Add(ref s, r) = v;
            }

            int pivotRow = p;
            double best = Math.Abs(Unsafe.Add(ref s, p));
            for (int r = p + 1; r < k; r++)
            {
                double v = Math.Abs(Unsafe.Add(ref s, r));
                if (v > best)
                {
                    best = v;
                    pivotRow = r;
                }
            }

            if (best == 0)
            {
                _depth = p;
                return double.PositiveInfinity;
            }

            if (pivotRow != p)
            {
                ref double upper = ref Unsafe.Add(ref wm, p * k);
                ref double lower = ref Unsafe.Add(ref wm, pivotRow * k);
                for (int c = 0; c < p; c++)
                {
                    (Unsafe.Add(ref upper, c), Unsafe.Add(ref lower, c)) = (Unsafe.Add(ref lower, c), Unsafe.Add(ref upper, c));
                }

                (Unsafe.Add(ref perm, p), Unsafe.Add(ref perm, pivotRow)) = (Unsafe.Add(ref perm, pivotRow), Unsafe.Add(ref perm, p));
                (Unsafe.Add(ref s, p), Unsafe.Add(ref s, pivotRow)) = (Unsafe.Add(ref s, pivotRow), Unsafe.Add(ref s, p));
            }

            double pivot = Unsafe.Add(ref s, p);
            for (int r = 0; r <= p; r++)
            {
                Unsafe.Add(ref wm, (r * k) + p) = Unsafe.Add(ref s, r);
            }

            double inverse = 1 / pivot;
            for (int r = p + 1; r < k; r++)
            {
                Unsafe.Add(ref wm, (r * k) + p) = Unsafe.Add(ref s, r) * inverse;
            }

            // Row p is final now: its forward-substitution entry and the running pivot extremes belong to the prefix.
            ref double pRow = ref Unsafe.Add(ref wm, p * k);
            double f = 1;
            for (int c = 0; c < p; c++)
            {
                f -= Unsafe.Add(ref pRow, c) * Unsafe.Add(ref fw, c);
            }

            Unsafe.Add(ref fw, p) = f;
            double previousMin = p == 0 ? double.PositiveInfinity : Unsafe.Add(ref minPivots, p - 1);
            double previousMax = p == 0 ? 0 : Unsafe.Add(ref maxPivots, p - 1);
            Unsafe.Add(ref minPivots, p) = Math.Min(previousMin, best);
            Unsafe.Add(ref maxPivots, p) = Math.Max(previousMax, best);
        }

        _depth = k;
        double condition = Unsafe.Add(ref maxPivots, k - 1) / Unsafe.Add(ref minPivots, k - 1);

        double stopBelow = earlyReject ? SupportEnumerationTolerances.ClearlyNegative(k, condition) : double.NegativeInfinity;

        // Back substitution U z = w; each entry is final when computed, so a clearly negative one ends it.
        ref double zr = ref MemoryMarshal.GetReference(z);
        for (int r = k - 1; r >= 0; r--)
        {
            ref double uRow = ref Unsafe.Add(ref wm, r * k);
            double v = Unsafe.Add(ref fw, r);
            for (int c = r + 1; c < k; c++)
            {
                v -= Unsafe.Add(ref uRow, c) * Unsafe.Add(ref zr, c);
            }

            v /= Unsafe.Add(ref uRow, r);
            Unsafe.Add(ref zr, r) = v;
            if (v < stopBelow)
            {
                rejected = true;
                break;
            }
        }

        return condition;
    }

    /// <summary>Returns the scratch to the pool.</summary>
    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_perm);
        ArrayPool<double>.Shared.Return(_doubles);
    }
}
