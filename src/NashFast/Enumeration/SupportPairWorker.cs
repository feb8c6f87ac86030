using System.Buffers;
using System.Runtime.CompilerServices;
using NashFast.Games;

namespace NashFast.Enumeration;

/// <summary>
/// One worker of support enumeration: takes work items (k, I) from the shared run and tests every column support J
/// of size k against I. Its scratch (a k×k matrix and two weight vectors) is rented once per worker, so nothing is
/// allocated per support pair and no lock is taken per candidate.
/// </summary>
[SkipLocalsInit]
internal readonly struct SupportPairWorker(SupportEnumerationRun run)
{
    // A side of a candidate (the column player's weights y, or the row player's weights x) can …
    private const int Reject = 1;       // … rule the pair out: a clearly negative weight or a clearly better outside strategy;
    private const int Singular = 2;     // … not be solved: its indifference system is (numerically) singular;
    private const int ZeroWeight = 4;   // … have a weight that is zero within tolerance;
    private const int Tie = 8;          // … have an outside strategy that ties within tolerance.

    // Token and stop flag are polled every this many support pairs: well under a millisecond even at k = 20.
    private const int PollInterval = 64;

    private readonly SupportEnumerationRun _run = run;

    /// <summary>Processes work items until none is left or the run stops.</summary>
    public void Run()
    {
        int maxK = _run.MaxSupport;
        double[] scratch = ArrayPool<double>.Shared.Rent((maxK * maxK) + (2 * maxK));
        int[] indices = ArrayPool<int>.Shared.Rent(2 * maxK);
        using var prefixLu = new PrefixLu(maxK, _run.N);
        try
        {
            long item;
            while ((item = _run.TakeItem()) >= 0)
            {
                ProcessItem(item, scratch, indices, prefixLu);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    private void ProcessItem(long item, double[] scratch, int[] indices, PrefixLu prefixLu)
    {
        long[] offsets = _run.ItemOffsets;
        int k = 1;
        while (offsets[k + 1] <= item)
        {
            k++;
        }

        int maxK = _run.MaxSupport;
        Span<int> rows = indices.AsSpan(0, k);
        Span<int> columns = indices.AsSpan(maxK, k);
        Combinations.Unrank(item - offsets[k], _run.M, rows);
        Combinations.First(columns);
        Span<double> lu = scratch.AsSpan(0, k * k);
        Span<double> y = scratch.AsSpan(maxK * maxK, k);
        Span<double> x = scratch.AsSpan((maxK * maxK) + maxK, k);
        // The y-systems of this item all have the rows I; consecutive J (lexicographic) share leading columns.
        prefixLu.Load(_run.Normalized.AsSpan(0, _run.M * _run.N), _run.N, rows);
        int unchanged = 0;
        int sincePoll = 0;
        do
        {
            if (++sincePoll == PollInterval)
            {
                sincePoll = 0;
                if (_run.ShouldStop())
                {
                    return;
                }
            }

            // y on J must make every row of I indifferent; most pairs fail here, with clearly negative weights
            // (then FinishWeights would reject too, see ClearlyNegative), so only the rest pay for the full test.
            // The factorisation reuses the columns J shares with the previous pair.
            double yCondition = prefixLu.SolveOnes(columns, unchanged, y, earlyReject: true, out bool clearlyNegative);
            if (!clearlyNegative)
            {
                EvaluatePair(rows, columns, yCondition, lu, y, x);
            }
        }
        while ((unchanged = Combinations.Advance(columns, _run.N)) >= 0);
    }

    /// <summary>
    /// Tests the support pair (I = rows, J = columns) whose y-system solution z is in <paramref name="y"/>; records an
    /// equilibrium or a sign of degeneracy.
    /// </summary>
    private void EvaluatePair(
        ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, double yCondition, Span<double> lu, Span<double> y, Span<double> x)
    {
        int m = _run.M, n = _run.N;
        ReadOnlySpan<double> a = _run.Normalized.AsSpan(0, m * n);
        ReadOnlySpan<double> bt = _run.Normalized.AsSpan(m * n, m * n);
        int ySide = FinishWeights(yCondition, y, out double v, out double yTolerance);
        if ((ySide & Reject) != 0)
        {
            return;
        }

        // No row outside I may do better against y (cheaper than the second solve, and it fails often).
        if ((ySide & Singular) == 0)
        {
            ySide |= CheckOutside(a, n, m, rows, columns, y, v, yTolerance);
            if ((ySide & Reject) != 0)
            {
                return;
            }
        }

        // x on I must make every column of J indifferent (B' is stored transposed, so this is the same routine).
        int xSide = SolveWeights(bt, m, columns, rows, lu, x, out double u, out double xTolerance);
        if ((xSide & Reject) != 0)
        {
            return;
        }

        if ((xSide & Singular) == 0)
        {
            xSide |= CheckOutside(bt, m, n, columns, rows, x, u, xTolerance);
            if ((xSide & Reject) != 0)
            {
                return;
            }
        }

        // A singular system cannot be solved, but an exact dominance on the support may still rule the pair out.
        if ((ySide & Singular) != 0 && RowDominatedOnSupport(rows, columns))
        {
            return;
        }

        if ((xSide & Singular) != 0 && ColumnDominatedOnSupport(rows, columns))
        {
            return;
        }

        int both = ySide | xSide;
        if ((both & (Singular | ZeroWeight)) != 0)
        {
            _run.AddSigns(((both & Singular) != 0 ? DegeneracySigns.SingularSystem : 0) | ((both & ZeroWeight) != 0 ? DegeneracySigns.ZeroWeight : 0));
            return;
        }

        if ((both & Tie) != 0)
        {
            // Still an equilibrium within tolerance (regret below the decision band), but the game is degenerate.
            _run.AddSigns(DegeneracySigns.OutsideTie);
        }

        _run.Add(MakeEquilibrium(rows, columns, x, y));
    }

    /// <summary>
    /// Solves <c>P[indifferent, support] · z = 1</c> and normalises <c>w = z / Σz</c>; with P in [1, 2] every
    /// non-negative w gives a value <c>1/Σz</c> in [1, 2], so this is the usual indifference system.
    /// </summary>
    private static int SolveWeights(
        ReadOnlySpan<double> p,
        int stride,
        ReadOnlySpan<int> indifferent,
        ReadOnlySpan<int> support,
        Span<double> lu,
        Span<double> w,
        out double value,
        out double tolerance)
    {
        int k = indifferent.Length;
        for (int r = 0; r < k; r++)
        {
            ReadOnlySpan<double> row = p.Slice(indifferent[r] * stride, stride);
            Span<double> target = lu.Slice(r * k, k);
            for (int c = 0; c < k; c++)
            {
                target[c] = row[support[c]];
            }
        }

        double condition = DenseLu.SolveOnes(lu, k, w);
        return FinishWeights(condition, w[..k], out value, out tolerance);
    }

    /// <summary>
    /// From the solution z of <c>P z = 1</c> (in <paramref name="w"/>, length k) and its condition estimate: the
    /// normalised weights <c>z / Σz</c> in place, the value <c>1/Σz</c>, the decision band, and the side's status.
    /// </summary>
    private static int FinishWeights(double condition, Span<double> w, out double value, out double tolerance)
    {
        int k = w.Length;
        value = 0;
        tolerance = 0;
        if (!(condition <= SupportEnumerationTolerances.SingularCondition))
        {
            return Singular;
        }

        double sum = 0;
        for (int c = 0; c < k; c++)
        {
            sum += w[c];
        }

        if (!(sum > 0))
        {
            return Reject;
        }

        tolerance = SupportEnumerationTolerances.Band(k, condition);
        double inverse = 1 / sum;
        int status = 0;
        for (int c = 0; c < k; c++)
        {
            double weight = w[c] * inverse;
            w[c] = weight;
            if (weight < -tolerance)
            {
                return Reject;
            }

            if (weight <= tolerance)
            {
                status |= ZeroWeight;
            }
        }

        value = inverse;
        return status;
    }

    /// <summary>Compares every strategy outside <paramref name="indifferent"/> with the support's value.</summary>
    private static int CheckOutside(
        ReadOnlySpan<double> p,
        int stride,
        int strategies,
        ReadOnlySpan<int> indifferent,
        ReadOnlySpan<int> support,
        ReadOnlySpan<double> w,
        double value,
        double tolerance)
    {
        int status = 0;
        int next = 0;
        for (int r = 0; r < strategies; r++)
        {
            if (next < indifferent.Length && indifferent[next] == r)
            {
                next++;
                continue;
            }

            ReadOnlySpan<double> row = p.Slice(r * stride, stride);
            double payoff = 0;
            for (int c = 0; c < support.Length; c++)
            {
                payoff += row[support[c]] * w[c];
            }

            double gap = payoff - value;
            if (gap > tolerance)
            {
                return Reject;
            }

            if (gap >= -tolerance)
            {
                status |= Tie;
            }
        }

        return status;
    }

    /// <summary>
    /// True when some row weakly dominates a row of I on the columns J with one strict inequality (original payoffs,
    /// exact comparisons): then for every y with support exactly J that row of I is not a best response.
    /// </summary>
    private bool RowDominatedOnSupport(ReadOnlySpan<int> rows, ReadOnlySpan<int> columns)
    {
        BimatrixGame g = _run.Game;
        ReadOnlySpan<double> a = g.AFlat;
        int n = g.Columns;
        foreach (int i in rows)
        {
            for (int r = 0; r < g.Rows; r++)
            {
                if (r == i)
                {
                    continue;
                }

                bool weak = true, strict = false;
                foreach (int j in columns)
                {
                    double d = a[(r * n) + j] - a[(i * n) + j];
                    weak &= d >= 0;
                    strict |= d > 0;
                }

                if (weak && strict)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The same for the column player: some column weakly dominates a column of J on the rows I (in B).</summary>
    private bool ColumnDominatedOnSupport(ReadOnlySpan<int> rows, ReadOnlySpan<int> columns)
    {
        BimatrixGame g = _run.Game;
        ReadOnlySpan<double> b = g.BFlat;
        int n = g.Columns;
        foreach (int j in columns)
        {
            for (int c = 0; c < n; c++)
            {
                if (c == j)
                {
                    continue;
                }

                bool weak = true, strict = false;
                foreach (int i in rows)
                {
                    double d = b[(i * n) + c] - b[(i * n) + j];
                    weak &= d >= 0;
                    strict |= d > 0;
                }

                if (weak && strict)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private Equilibrium MakeEquilibrium(ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        BimatrixGame g = _run.Game;
        var row = new double[g.Rows];
        var column = new double[g.Columns];
        for (int t = 0; t < rows.Length; t++)
        {
            row[rows[t]] = x[t];
            column[columns[t]] = y[t];
        }

        // Expected payoffs in the caller's units, from the original matrices.
        ReadOnlySpan<double> a = g.AFlat, b = g.BFlat;
        double rowPayoff = 0, columnPayoff = 0;
        foreach (int i in rows)
        {
            for (int t = 0; t < columns.Length; t++)
            {
                int cell = (i * g.Columns) + columns[t];
                double p = row[i] * y[t];
                rowPayoff += p * a[cell];
                columnPayoff += p * b[cell];
            }
        }

        return new Equilibrium(row, column, rowPayoff, columnPayoff);
    }
}
