using System.Numerics;
using NashFast.Games;

namespace NashFast.Reference;

/// <summary>
/// The exact reference solver: all extreme Nash equilibria of any bimatrix game, degenerate or not, in rational
/// arithmetic, by brute force. Slow on purpose and obviously correct: it is the oracle of every test and benchmark.
/// </summary>
/// <remarks>
/// Method (von Stengel's labelled best-response polytopes, "Computing equilibria for two-person games", 2002):
/// shift both payoff matrices so every entry is at least 1, then
/// <code>
///   P = { x ∈ Rᵐ : x ≥ 0, Bᵀx ≤ 1 }     labels: i where xᵢ = 0,  m + j where (Bᵀx)ⱼ = 1
///   Q = { y ∈ Rⁿ : Ay ≤ 1, y ≥ 0 }      labels: i where (Ay)ᵢ = 1, m + j where yⱼ = 0
/// </code>
/// Every vertex of P is found by trying every choice of m of its m + n constraints as equalities (and likewise for
/// Q), solving exactly, and keeping the feasible solutions. A pair of non-zero vertices (x, y) whose labels together
/// cover all m + n labels is an extreme equilibrium (x/Σx, y/Σy); the extreme equilibria of the game are exactly
/// these pairs. The game is degenerate when some vertex has more tight constraints than its dimension.
/// Cost: C(m+n, m)·m³ + C(m+n, n)·n³ rational operations; fine for m + n ≤ 14, minutes at m + n = 20.
/// </remarks>
public static class ReferenceSolver
{
    /// <summary>The largest m + n accepted (label sets are 64-bit masks; far beyond what finishes anyway).</summary>
    public const int MaxStrategies = 62;

    /// <summary>Solves a double game exactly (its payoffs are converted exactly to rationals).</summary>
    public static SolveResult Solve(BimatrixGame game, CancellationToken cancellationToken = default) =>
        Solve(ExactBimatrixGame.FromDouble(game), cancellationToken);

    /// <summary>All extreme equilibria of an exact game, sorted by <see cref="EquilibriumOrder"/>.</summary>
    /// <exception cref="ArgumentException">m + n exceeds <see cref="MaxStrategies"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SolveResult Solve(ExactBimatrixGame game, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(game);
        int m = game.Rows, n = game.Columns;
        if (m + n > MaxStrategies)
        {
            throw new ArgumentException($"The reference solver takes games with m + n <= {MaxStrategies}; this game is {m}x{n}.", nameof(game));
        }

        // Integral, positive payoffs: scaling by a positive constant and shifting do not change best responses.
        BigInteger[,] a = PositiveIntegers(game.AFlat, m, n);
        BigInteger[,] b = PositiveIntegers(game.BFlat, m, n);

        // P: -x_i <= 0 (label i), (B^T x)_j <= 1 (label m + j).
        var pRows = new BigInteger[m + n][];
        var pRhs = new BigInteger[m + n];
        for (int i = 0; i < m; i++)
        {
            pRows[i] = UnitRow(m, i, -1);
        }

        for (int j = 0; j < n; j++)
        {
            pRows[m + j] = new BigInteger[m];
            for (int i = 0; i < m; i++)
            {
                pRows[m + j][i] = b[i, j];
            }

            pRhs[m + j] = BigInteger.One;
        }

        // Q: (A y)_i <= 1 (label i), -y_j <= 0 (label m + j).
        var qRows = new BigInteger[m + n][];
        var qRhs = new BigInteger[m + n];
        for (int i = 0; i < m; i++)
        {
            qRows[i] = new BigInteger[n];
            for (int j = 0; j < n; j++)
            {
                qRows[i][j] = a[i, j];
            }

            qRhs[i] = BigInteger.One;
        }

        for (int j = 0; j < n; j++)
        {
            qRows[m + j] = UnitRow(n, j, -1);
        }

        List<Vertex> pVertices = Vertices(pRows, pRhs, m, cancellationToken, out bool pDegenerate);
        List<Vertex> qVertices = Vertices(qRows, qRhs, n, cancellationToken, out bool qDegenerate);

        ulong all = (m + n == 64) ? ulong.MaxValue : (1UL << (m + n)) - 1;
        var found = new List<ExactEquilibrium>();
        foreach (Vertex x in pVertices)
        {
            if (x.IsZero)
            {
                continue;
            }

            foreach (Vertex y in qVertices)
            {
                if (y.IsZero || (x.Labels | y.Labels) != all)
                {
                    continue;
                }

                Rational[] row = Normalize(x.Point);
                Rational[] col = Normalize(y.Point);
                found.Add(new ExactEquilibrium(row, col, Payoff(game.AFlat, row, col), Payoff(game.BFlat, row, col)));
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        found.Sort(EquilibriumOrder.Instance);
        var doubles = new Equilibrium[found.Count];
        for (int k = 0; k < doubles.Length; k++)
        {
            doubles[k] = found[k].ToDouble();
        }

        return new SolveResult(SolverMethod.Reference, pDegenerate || qDegenerate, Complete: true, doubles)
        {
            ExactEquilibria = found,
        };
    }

    private readonly record struct Vertex(Rational[] Point, ulong Labels, bool IsZero);

    /// <summary>Every vertex of { z : rows·z ≤ rhs } by trying every basis of <paramref name="dim"/> constraints.</summary>
    private static List<Vertex> Vertices(BigInteger[][] rows, BigInteger[] rhs, int dim, CancellationToken token, out bool degenerate)
    {
        int k = rows.Length;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var vertices = new List<Vertex>();
        degenerate = false;
        int[] basis = new int[dim];
        for (int t = 0; t < dim; t++)
        {
            basis[t] = t;
        }

        long tried = 0;
        while (true)
        {
            if ((++tried & 1023) == 0)
            {
                token.ThrowIfCancellationRequested();
            }

            Rational[]? z = SolveSquare(rows, rhs, basis);
            if (z is not null && TryLabels(rows, rhs, z, out ulong labels, out int tight))
            {
                string key = string.Join(",", z);
                if (seen.Add(key))
                {
                    bool isZero = Array.TrueForAll(z, v => v.IsZero);
                    vertices.Add(new Vertex(z, labels, isZero));
                    degenerate |= tight > dim;
                }
            }

            // Next combination of dim indices out of k, in lexicographic order.
            int p = dim - 1;
            while (p >= 0 && basis[p] == k - dim + p)
            {
                p--;
            }

            if (p < 0)
            {
                break;
            }

            basis[p]++;
            for (int q = p + 1; q < dim; q++)
            {
                basis[q] = basis[q - 1] + 1;
            }
        }

        return vertices;
    }

    /// <summary>Solves the constraints in <paramref name="basis"/> as equalities; null when singular.</summary>
    private static Rational[]? SolveSquare(BigInteger[][] rows, BigInteger[] rhs, int[] basis)
    {
        int d = basis.Length;
        var m = new Rational[d, d + 1];
        for (int r = 0; r < d; r++)
        {
            for (int c = 0; c < d; c++)
            {
                m[r, c] = rows[basis[r]][c];
            }

            m[r, d] = rhs[basis[r]];
        }

        // Gauss–Jordan elimination, exact.
        for (int c = 0; c < d; c++)
        {
            int pivot = -1;
            for (int r = c; r < d; r++)
            {
                if (!m[r, c].IsZero)
                {
                    pivot = r;
                    break;
                }
            }

            if (pivot < 0)
            {
                return null;
            }

            if (pivot != c)
            {
                for (int t = c; t <= d; t++)
                {
                    (m[c, t], m[pivot, t]) = (m[pivot, t], m[c, t]);
                }
            }

            Rational inv = Rational.One / m[c, c];
            for (int t = c; t <= d; t++)
            {
                m[c, t] *= inv;
            }

            for (int r = 0; r < d; r++)
            {
                if (r == c || m[r, c].IsZero)
                {
                    continue;
                }

                Rational f = m[r, c];
                for (int t = c; t <= d; t++)
                {
                    m[r, t] -= f * m[c, t];
                }
            }
        }

        var z = new Rational[d];
        for (int r = 0; r < d; r++)
        {
            z[r] = m[r, d];
        }

        return z;
    }

    /// <summary>False when some constraint is violated; otherwise the set of tight constraints.</summary>
    private static bool TryLabels(BigInteger[][] rows, BigInteger[] rhs, Rational[] z, out ulong labels, out int tight)
    {
        labels = 0;
        tight = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            Rational lhs = Rational.Zero;
            for (int c = 0; c < z.Length; c++)
            {
                if (!rows[r][c].IsZero && !z[c].IsZero)
                {
                    lhs += z[c] * rows[r][c];
                }
            }

            int cmp = lhs.CompareTo(new Rational(rhs[r]));
            if (cmp > 0)
            {
                return false;
            }

            if (cmp == 0)
            {
                labels |= 1UL << r;
                tight++;
            }
        }

        return true;
    }

    private static Rational[] Normalize(Rational[] v)
    {
        Rational sum = Rational.Zero;
        foreach (Rational t in v)
        {
            sum += t;
        }

        var result = new Rational[v.Length];
        for (int k = 0; k < v.Length; k++)
        {
            result[k] = v[k] / sum;
        }

        return result;
    }

    private static Rational Payoff(ReadOnlySpan<Rational> matrix, Rational[] x, Rational[] y)
    {
        Rational total = Rational.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i].IsZero)
            {
                continue;
            }

            for (int j = 0; j < y.Length; j++)
            {
                if (!y[j].IsZero)
                {
                    total += x[i] * y[j] * matrix[(i * y.Length) + j];
                }
            }
        }

        return total;
    }

    /// <summary>(M − min M + 1) · lcm(denominators): every entry a positive integer, best responses unchanged.</summary>
    private static BigInteger[,] PositiveIntegers(ReadOnlySpan<Rational> flat, int m, int n)
    {
        Rational min = flat[0];
        BigInteger lcm = BigInteger.One;
        foreach (Rational v in flat)
        {
            min = Rational.Min(min, v);
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, v.Denominator) * v.Denominator;
        }

        var result = new BigInteger[m, n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Rational shifted = (flat[(i * n) + j] - min + Rational.One) * new Rational(lcm);
                result[i, j] = shifted.Numerator; // an integer: lcm clears every denominator
            }
        }

        return result;
    }

    private static BigInteger[] UnitRow(int length, int index, int value)
    {
        var row = new BigInteger[length];
        row[index] = value;
        return row;
    }
}
