using CommunityToolkit.HighPerformance;
using NashFast.Internal;

namespace NashFast.Games;

/// <summary>
/// A two-player normal-form game <c>(A, B)</c> with <c>m × n</c> finite <see cref="double"/> payoffs.
/// </summary>
/// <remarks>
/// Index convention: the row player chooses a row <c>i</c>, the column player a column <c>j</c>; the row player
/// then gets <c>A[i, j]</c> and the column player <c>B[i, j]</c>. Both matrices are stored row-major and
/// contiguously, so <see cref="A"/> and <see cref="B"/> are <see cref="ReadOnlySpan2D{T}"/> views with pitch 0:
/// <code>
///                 column player
///                 j = 0        j = 1        …  j = n-1
///   row   i = 0  (A00, B00)   (A01, B01)   …  (A0,n-1, B0,n-1)      memory of A: A00 A01 … A0,n-1 A10 A11 …
///   player i = 1 (A10, B10)   (A11, B11)   …
///          …
/// </code>
/// A mixed strategy of the row player is a vector <c>x</c> of length <c>m</c>, of the column player <c>y</c> of
/// length <c>n</c>; the expected payoffs are <c>xᵀAy</c> and <c>xᵀBy</c>. The game is immutable.
/// </remarks>
public sealed class BimatrixGame
{
    /// <summary>The largest number of payoff entries per matrix a game may have (2^26, 512 MiB for both).</summary>
    public const int MaxEntries = 1 << 26;

    private readonly double[] _a;
    private readonly double[] _b;

    private BimatrixGame(int rows, int columns, double[] a, double[] b)
    {
        Rows = rows;
        Columns = columns;
        _a = a;
        _b = b;
    }

    /// <summary>Number of pure strategies of the row player (<c>m</c>).</summary>
    public int Rows { get; }

    /// <summary>Number of pure strategies of the column player (<c>n</c>).</summary>
    public int Columns { get; }

    /// <summary>The row player's payoffs, <c>A[i, j]</c>.</summary>
    public ReadOnlySpan2D<double> A => new(_a, Rows, Columns);

    /// <summary>The column player's payoffs, <c>B[i, j]</c>.</summary>
    public ReadOnlySpan2D<double> B => new(_b, Rows, Columns);

    /// <summary>The row player's payoffs as one row-major span of length <c>m·n</c>.</summary>
    public ReadOnlySpan<double> AFlat => _a;

    /// <summary>The column player's payoffs as one row-major span of length <c>m·n</c>.</summary>
    public ReadOnlySpan<double> BFlat => _b;

    /// <summary>Largest absolute payoff of either player (at least 1): the scale of the solvers' relative tolerances.</summary>
    public double PayoffScale
    {
        get
        {
            double max = 1;
            for (int k = 0; k < _a.Length; k++)
            {
                max = Math.Max(max, Math.Max(Math.Abs(_a[k]), Math.Abs(_b[k])));
            }

            return max;
        }
    }

    /// <summary>Creates a game from two matrices of the same shape.</summary>
    /// <exception cref="ArgumentException">Shapes differ, a matrix is empty, or a payoff is NaN or infinite.</exception>
    public BimatrixGame(double[,] a, double[,] b)
        : this(Copy(a, nameof(a)), Copy(b, nameof(b)), a.GetLength(0), a.GetLength(1))
    {
        if (b.GetLength(0) != a.GetLength(0) || b.GetLength(1) != a.GetLength(1))
        {
            ThrowHelper.ThrowArgument($"B is {b.GetLength(0)}x{b.GetLength(1)} but A is {a.GetLength(0)}x{a.GetLength(1)}; both must have the same shape.", nameof(b));
        }
    }

    private BimatrixGame(double[] a, double[] b, int rows, int columns)
        : this(rows, columns, a, b)
    {
        Validate(columns, a, b);
    }

    /// <summary>Creates a game from row-major payoffs: <c>a[i * columns + j] = A[i, j]</c>.</summary>
    /// <exception cref="ArgumentException">A length is not <c>rows·columns</c>, a size is not positive or too large, or a payoff is not finite.</exception>
    public static BimatrixGame FromRowMajor(int rows, int columns, ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        CheckShape(rows, columns);
        int count = rows * columns;
        if (a.Length != count)
        {
            ThrowHelper.ThrowSpanLength(nameof(a), a.Length, count);
        }

        if (b.Length != count)
        {
            ThrowHelper.ThrowSpanLength(nameof(b), b.Length, count);
        }

        return new BimatrixGame(a.ToArray(), b.ToArray(), rows, columns);
    }

    /// <summary>Creates a game from two 2D views of the same shape (any pitch).</summary>
    public static BimatrixGame FromSpans(ReadOnlySpan2D<double> a, ReadOnlySpan2D<double> b)
    {
        if (a.Height != b.Height || a.Width != b.Width)
        {
            ThrowHelper.ThrowArgument($"B is {b.Height}x{b.Width} but A is {a.Height}x{a.Width}; both must have the same shape.", nameof(b));
        }

        CheckShape(a.Height, a.Width);
        var aa = new double[a.Height * a.Width];
        var bb = new double[aa.Length];
        a.CopyTo(aa);
        b.CopyTo(bb);
        return new BimatrixGame(aa, bb, a.Height, a.Width);
    }

    /// <summary>The game with the players' roles exchanged: <c>(Bᵀ, Aᵀ)</c>.</summary>
    public BimatrixGame Transpose()
    {
        var a = new double[_a.Length];
        var b = new double[_b.Length];
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Columns; j++)
            {
                a[(j * Rows) + i] = _b[(i * Columns) + j];
                b[(j * Rows) + i] = _a[(i * Columns) + j];
            }
        }

        return new BimatrixGame(Columns, Rows, a, b);
    }

    /// <summary>Row player's payoff <c>A[i, j]</c>.</summary>
    public double RowPayoff(int i, int j) => _a[(i * Columns) + j];

    /// <summary>Column player's payoff <c>B[i, j]</c>.</summary>
    public double ColumnPayoff(int i, int j) => _b[(i * Columns) + j];

    /// <summary>Checks a shape: both sizes positive and at most <see cref="MaxEntries"/> entries.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The shape is empty or too large.</exception>
    public static void CheckShape(int rows, int columns)
    {
        if (rows < 1 || columns < 1)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(rows), $"A game needs at least one strategy per player; got {rows}x{columns}.");
        }

        if ((long)rows * columns > MaxEntries)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(rows), $"A {rows}x{columns} game has more than {MaxEntries} payoffs per player; refused.");
        }
    }

    private static double[] Copy(double[,] m, string name)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        CheckShape(m.GetLength(0), m.GetLength(1));
        var flat = new double[m.Length];
        new ReadOnlySpan2D<double>(m).CopyTo(flat);
        return flat;
    }

    private static void Validate(int columns, double[] a, double[] b)
    {
        for (int k = 0; k < a.Length; k++)
        {
            if (!double.IsFinite(a[k]))
            {
                ThrowHelper.ThrowNonFinitePayoff("A", k / columns, k % columns, a[k]);
            }

            if (!double.IsFinite(b[k]))
            {
                ThrowHelper.ThrowNonFinitePayoff("B", k / columns, k % columns, b[k]);
            }
        }
    }
}
