using System.Runtime.CompilerServices;
using CommunityToolkit.HighPerformance;
using CommunityToolkit.HighPerformance.Buffers;
using NashFast.Games;
using NashFast.Internal;

namespace NashFast.Enumeration;

/// <summary>
/// All pure Nash equilibria of an m×n game in O(mn): a cell <c>(i, j)</c> is an equilibrium when <c>A[i, j]</c> is
/// the maximum of column <c>j</c> of A and <c>B[i, j]</c> the maximum of row <c>i</c> of B. Ties are weak best
/// responses, so every tied maximum counts (a constant game has all m·n cells as equilibria).
/// </summary>
/// <remarks>
/// Cells come out in row-major order (row, then column, ascending), which is the order of
/// <see cref="EquilibriumOrder"/> for pure equilibria. Comparisons are exact: a payoff that differs from the
/// maximum by one ulp is not a best response.
/// </remarks>
[SkipLocalsInit]
public static class PureEquilibria
{
    // Scratch for the column and row maxima lives on the stack up to this many doubles (4 KiB), pooled above.
    private const int StackLimit = 512;

    /// <summary>
    /// Writes the pure equilibria of <paramref name="game"/> into <paramref name="destination"/> in row-major order
    /// and returns how many there are. Allocation-free. When there are more than
    /// <paramref name="destination"/> has room for, the first ones are written and the full count is still returned
    /// (a destination of length <c>m·n</c> always suffices).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="game"/> is null.</exception>
    public static int Find(BimatrixGame game, Span<PureCell> destination)
    {
        ArgumentNullException.ThrowIfNull(game);
        return FindCore(game.A, game.B, destination);
    }

    /// <summary>
    /// The same on raw payoff views (<c>A[i, j]</c>: row player plays <c>i</c>, column player <c>j</c>; any pitch),
    /// for callers that keep their games in their own memory.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ, a view is empty, or a payoff is NaN or infinite.</exception>
    public static int Find(ReadOnlySpan2D<double> a, ReadOnlySpan2D<double> b, Span<PureCell> destination)
    {
        if (a.Height != b.Height || a.Width != b.Width)
        {
            ThrowHelper.ThrowArgument($"B is {b.Height}x{b.Width} but A is {a.Height}x{a.Width}; both must have the same shape.", nameof(b));
        }

        if (a.Height == 0 || a.Width == 0)
        {
            ThrowHelper.ThrowArgument($"A game needs at least one strategy per player; got {a.Height}x{a.Width}.", nameof(a));
        }

        CheckFinite(a, "A");
        CheckFinite(b, "B");
        return FindCore(a, b, destination);
    }

    /// <summary>All pure equilibria as cells, in row-major order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="game"/> is null.</exception>
    public static PureCell[] FindAll(BimatrixGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        using SpanOwner<PureCell> cells = SpanOwner<PureCell>.Allocate(game.Rows * game.Columns);
        int count = FindCore(game.A, game.B, cells.Span);
        return cells.Span[..count].ToArray();
    }

    /// <summary>
    /// All pure equilibria as a <see cref="SolveResult"/> (method <see cref="SolverMethod.Pure"/>): complete unless
    /// <see cref="SolveOptions.MaxEquilibria"/> cut it. Each equilibrium is passed to
    /// <see cref="SolveOptions.OnEquilibrium"/>. <see cref="SolveResult.Degenerate"/> is true when some pure strategy
    /// has two or more pure best responses (a certain sign of degeneracy); false only means that this pure-level
    /// test found none, since degeneracy among mixed strategies is not examined here.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="game"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="SolveOptions.MaxEquilibria"/> is not positive.</exception>
    public static SolveResult Solve(BimatrixGame game, SolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        options ??= SolveOptions.Default;
        if (options.MaxEquilibria < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxEquilibria, "SolveOptions.MaxEquilibria must be positive.");
        }

        PureCell[] cells = FindAll(game);
        int keep = Math.Min(cells.Length, options.MaxEquilibria);
        var equilibria = new Equilibrium[keep];
        for (int k = 0; k < keep; k++)
        {
            equilibria[k] = ToEquilibrium(game, cells[k]);
            options.OnEquilibrium?.Invoke(equilibria[k]);
        }

        bool complete = keep == cells.Length;
        return new SolveResult(
            SolverMethod.Pure,
            HasPureBestResponseTie(game),
            complete,
            equilibria,
            complete ? null : $"stopped at the maximum number of equilibria ({options.MaxEquilibria}); the game has {cells.Length} pure equilibria");
    }

    /// <summary>The equilibrium playing <paramref name="cell"/> with probability 1.</summary>
    public static Equilibrium ToEquilibrium(BimatrixGame game, PureCell cell)
    {
        ArgumentNullException.ThrowIfNull(game);
        var x = new double[game.Rows];
        var y = new double[game.Columns];
        x[cell.Row] = 1;
        y[cell.Column] = 1;
        return new Equilibrium(x, y, game.RowPayoff(cell.Row, cell.Column), game.ColumnPayoff(cell.Row, cell.Column));
    }

    /// <summary>
    /// True when some pure strategy of one player has two or more pure best responses of the other (a maximum of a
    /// column of A or of a row of B is attained twice, exactly). Such a game is degenerate.
    /// </summary>
    public static bool HasPureBestResponseTie(BimatrixGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        int m = game.Rows, n = game.Columns;
        ReadOnlySpan2D<double> a = game.A, b = game.B;
        using SpanOwner<double> scratch = SpanOwner<double>.Allocate(n);
        Span<double> columnMax = scratch.Span;
        PureEquilibriaKernel.ColumnMaxima(a, columnMax);
        for (int j = 0; j < n; j++)
        {
            int hits = 0;
            for (int i = 0; i < m; i++)
            {
                hits += a[i, j] == columnMax[j] ? 1 : 0;
            }

            if (hits > 1)
            {
                return true;
            }
        }

        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<double> row = b.GetRowSpan(i);
            double max = System.Numerics.Tensors.TensorPrimitives.Max(row);
            if (row.IndexOf(max) != row.LastIndexOf(max))
            {
                return true;
            }
        }

        return false;
    }

    private static int FindCore(ReadOnlySpan2D<double> a, ReadOnlySpan2D<double> b, Span<PureCell> destination)
    {
        int m = a.Height, n = a.Width;
        SpanOwner<double> pooled = m + n > StackLimit ? SpanOwner<double>.Allocate(m + n) : SpanOwner<double>.Empty;
        Span<double> scratch = m + n > StackLimit ? pooled.Span : stackalloc double[m + n];
        try
        {
            Span<double> columnMaxA = scratch[..n];
            Span<double> rowMaxB = scratch.Slice(n, m);
            PureEquilibriaKernel.ColumnMaxima(a, columnMaxA);
            PureEquilibriaKernel.RowMaxima(b, rowMaxB);
            int count = 0;
            for (int i = 0; i < m; i++)
            {
                count = PureEquilibriaKernel.MarkRow(a.GetRowSpan(i), b.GetRowSpan(i), columnMaxA, rowMaxB[i], i, destination, count);
            }

            return count;
        }
        finally
        {
            pooled.Dispose();
        }
    }

    private static void CheckFinite(ReadOnlySpan2D<double> m, string name)
    {
        for (int i = 0; i < m.Height; i++)
        {
            ReadOnlySpan<double> row = m.GetRowSpan(i);
            for (int j = 0; j < row.Length; j++)
            {
                if (!double.IsFinite(row[j]))
                {
                    ThrowHelper.ThrowNonFinitePayoff(name, i, j, row[j]);
                }
            }
        }
    }
}
