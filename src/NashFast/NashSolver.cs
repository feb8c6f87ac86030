using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;
using NashFast.TwoByTwo;

namespace NashFast;

/// <summary>
/// The front door for m×n games: all (extreme) equilibria by the method in <see cref="SolveOptions.Method"/>, or
/// by <c>auto</c>, which picks a method valid for the game and reports which it used in
/// <see cref="SolveResult.Method"/>.
/// </summary>
/// <remarks>
/// <para><c>auto</c>: a 2×2 game goes to the closed form (exact on degenerate 2×2 games); every other game with
/// m + n ≤ 64 goes to vertex enumeration (exact set of extreme equilibria, exact degenerate flag: a certified
/// floating-point search for continuous payoffs, exact integer pivoting otherwise); larger games to support
/// enumeration, which marks its result degenerate and incomplete when it sees a sign of degeneracy.</para>
/// <para>Until 2026-11-26 small games whose payoffs have many bits went to support enumeration first. Its degeneracy
/// signs come from the support pairs it solves, and a dependency among strategies that no equilibrium uses need not
/// show in any of them: differential fuzzing against the reference found such games reported nondegenerate (a
/// strategy listed twice; a pure strategy equal to the average of two others). Where support enumeration was still
/// faster (up to about 5×5, and thin shapes) vertex enumeration takes a few microseconds more per game: the price of
/// an exact flag.</para>
/// </remarks>
public static class NashSolver
{
    /// <summary>Solves a floating-point game.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="game"/> is null.</exception>
    public static SolveResult Solve(BimatrixGame game, SolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        options ??= SolveOptions.Default;
        return options.Method switch
        {
            SolverMethod.Auto => SolveAuto(game, null, options),
            SolverMethod.TwoByTwo => SolveTwoByTwo(game, options),
            SolverMethod.Pure => PureEquilibria.Solve(game, options),
            SolverMethod.SupportEnumeration => SupportEnumeration.Solve(game, options),
            SolverMethod.Reference => ReferenceSolver.Solve(game, options.CancellationToken),
            SolverMethod.VertexEnumeration => VertexEnumeration.Solve(game, options),
            SolverMethod.LemkeHowson => LemkeHowson.Solve(game, options),
            _ => throw new NotSupportedException($"Method '{options.Method.ToName()}' is not available yet."),
        };
    }

    /// <summary>
    /// Solves an exact game: exact methods (reference, vertex enumeration) use its rational payoffs and fill
    /// <see cref="SolveResult.ExactEquilibria"/>; floating-point methods use the nearest doubles.
    /// </summary>
    public static SolveResult Solve(ExactBimatrixGame game, SolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        options ??= SolveOptions.Default;
        return options.Method switch
        {
            SolverMethod.Reference => ReferenceSolver.Solve(game, options.CancellationToken),
            SolverMethod.Auto => SolveAuto(game.ToDouble(), game, options),
            SolverMethod.VertexEnumeration => VertexEnumeration.Solve(game, options),
            SolverMethod.LemkeHowson => LemkeHowson.Solve(game, options),
            _ => Solve(game.ToDouble(), options),
        };
    }

    private static SolveResult SolveAuto(BimatrixGame game, ExactBimatrixGame? exact, SolveOptions options)
    {
        if (game.Rows == 2 && game.Columns == 2)
        {
            return SolveTwoByTwo(game, options);
        }

        if (game.Rows + game.Columns <= VertexEnumeration.MaxStrategies)
        {
            // A double game goes straight to the integer constraints (no rational game at all).
            return exact is null ? VertexEnumeration.Solve(game, options) : VertexEnumeration.Solve(exact, options);
        }

        // Beyond vertex enumeration's 64-bit label masks no exact method is practical: support enumeration, whose
        // result is marked degenerate and incomplete when it sees a sign of degeneracy.
        return SupportEnumeration.Solve(game, options);
    }

    private static SolveResult SolveTwoByTwo(BimatrixGame game, SolveOptions options)
    {
        if (game.Rows != 2 || game.Columns != 2)
        {
            throw new ArgumentException($"Method '2x2' needs a 2x2 game; this one is {game.Rows}x{game.Columns}.", nameof(game));
        }

        ReadOnlySpan<double> a = game.AFlat, b = game.BFlat;
        var g = new Game2x2<double>(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]);
        Span<Equilibrium2x2<double>> found = stackalloc Equilibrium2x2<double>[TwoByTwoSolver.MaxEquilibria];
        int count = TwoByTwoSolver.Solve(g, found);
        var result = new List<Equilibrium>(count);
        bool degenerate = a[0] == a[2] || a[1] == a[3] || b[0] == b[1] || b[2] == b[3];
        for (int k = 0; k < count && k < options.MaxEquilibria; k++)
        {
            Equilibrium2x2<double> e = found[k];
            var eq = new Equilibrium([e.P, 1 - e.P], [e.Q, 1 - e.Q], e.RowPayoff, e.ColumnPayoff);
            options.OnEquilibrium?.Invoke(eq);
            result.Add(eq);
        }

        bool complete = result.Count == count;
        return new SolveResult(SolverMethod.TwoByTwo, degenerate, complete, result, complete ? null : "stopped at the maximum number of equilibria");
    }
}
