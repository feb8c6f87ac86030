using NashFast.Internal;

namespace NashFast.Games;

/// <summary>
/// A bimatrix game with exact rational payoffs: the input of the exact reference solver and of <c>--exact</c>.
/// Same index convention as <see cref="BimatrixGame"/> (<c>A[i, j]</c>: row player plays <c>i</c>, column player
/// plays <c>j</c>), stored row-major. Immutable.
/// </summary>
public sealed class ExactBimatrixGame
{
    private readonly Rational[] _a;
    private readonly Rational[] _b;

    /// <summary>Creates a game from row-major payoffs: <c>a[i * columns + j] = A[i, j]</c>.</summary>
    public ExactBimatrixGame(int rows, int columns, ReadOnlySpan<Rational> a, ReadOnlySpan<Rational> b)
    {
        BimatrixGame.CheckShape(rows, columns);
        if (a.Length != rows * columns)
        {
            ThrowHelper.ThrowSpanLength(nameof(a), a.Length, rows * columns);
        }

        if (b.Length != rows * columns)
        {
            ThrowHelper.ThrowSpanLength(nameof(b), b.Length, rows * columns);
        }

        Rows = rows;
        Columns = columns;
        _a = a.ToArray();
        _b = b.ToArray();
    }

    /// <summary>Number of pure strategies of the row player.</summary>
    public int Rows { get; }

    /// <summary>Number of pure strategies of the column player.</summary>
    public int Columns { get; }

    /// <summary>Row player's payoff <c>A[i, j]</c>.</summary>
    public Rational RowPayoff(int i, int j) => _a[(i * Columns) + j];

    /// <summary>Column player's payoff <c>B[i, j]</c>.</summary>
    public Rational ColumnPayoff(int i, int j) => _b[(i * Columns) + j];

    /// <summary>Row player's payoffs, row-major.</summary>
    public ReadOnlySpan<Rational> AFlat => _a;

    /// <summary>Column player's payoffs, row-major.</summary>
    public ReadOnlySpan<Rational> BFlat => _b;

    /// <summary>The exact value of a double game (every finite double is a dyadic rational).</summary>
    public static ExactBimatrixGame FromDouble(BimatrixGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        var a = new Rational[game.Rows * game.Columns];
        var b = new Rational[a.Length];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = Rational.FromDouble(game.AFlat[k]);
            b[k] = Rational.FromDouble(game.BFlat[k]);
        }

        return new ExactBimatrixGame(game.Rows, game.Columns, a, b);
    }

    /// <summary>The nearest double game.</summary>
    public BimatrixGame ToDouble()
    {
        var a = new double[_a.Length];
        var b = new double[_b.Length];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = _a[k].ToDouble();
            b[k] = _b[k].ToDouble();
        }

        return BimatrixGame.FromRowMajor(Rows, Columns, a, b);
    }
}
