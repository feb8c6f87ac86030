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
/// <para><c>auto</c>: a 2×2 game goes to the closed form (exact on degenerate 2×2 games). A small double game (at most
/// <see cref="SmallGameSupportPairs"/> support pairs) whose payoffs have many bits goes to support enumeration when
/// <see cref="NondegeneracyCertificate"/> proves it nondegenerate. Every other game with m + n ≤ 64 goes to vertex
/// enumeration (exact set of extreme equilibria, exact degenerate flag). Larger games go to support enumeration, which
/// marks its result degenerate and incomplete when it sees a sign of degeneracy. So <c>auto</c>'s degenerate flag is
/// exact for every game up to m + n = 64.</para>
/// <para>Until 2026-11-26 small games whose payoffs have many bits went to support enumeration on the strength of its
/// own degeneracy signs. Those come from the support pairs it solves, and a dependency among strategies that no
/// equilibrium uses need not show in any of them: differential fuzzing against the reference found such games
/// reported nondegenerate (a strategy listed twice; a pure strategy equal to the average of two others). The
/// certificate rejects them.</para>
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

    /// <summary>
    /// <c>auto</c> may use support enumeration on a double game with at most this many support pairs of equal size,
    /// C(m + n, m) — 4×5, 3×7, 2×14, 1×125 and smaller — when <see cref="NondegeneracyCertificate"/> proves the game
    /// nondegenerate and its payoffs have too many bits for 128-bit exact pivoting (<see cref="SmallExactPivotBits"/>).
    /// </summary>
    /// <remarks>
    /// Measured with <c>AutoRoutingBenchmarks</c> (2026-11-26, one thread, 20 full-precision uniform games per shape):
    /// support enumeration against vertex enumeration per game 1.5 against 9.6 µs at 3×3, 3.6 against 13.5 µs at 4×4,
    /// 17 against 26 µs at 5×5 (252 pairs), and from 5×6 on support enumeration is level or slower. The certificate
    /// costs about 0.4 µs at 3×3, 3 µs at 4×4 and 7 µs at 4×5, and grows with the pairs: <c>auto</c> took 2.3 µs per
    /// 3×3 game and 7.6 µs per 4×4 game. Written out in the evening, the certificate took 0.3 / 2.0 / 4.8 µs (probe,
    /// 200 games per shape); at 5×5 it would take 11 µs on top of support enumeration's 17, more than
    /// vertex enumeration alone.
    /// </remarks>
    public const double SmallGameSupportPairs = 126;

    /// <summary>
    /// <c>auto</c> uses exact vertex enumeration directly when the Hadamard bound on its pivots is at most this many
    /// bits (so it stays in its 64-bit or 128-bit arithmetic tier); e.g. payoffs 0..1000 up to 9×9, payoffs 0..3 up
    /// to 22×22.
    /// </summary>
    public const int SmallExactPivotBits = 126;

    private static SolveResult SolveAuto(BimatrixGame game, ExactBimatrixGame? exact, SolveOptions options)
    {
        int m = game.Rows, n = game.Columns;
        if (m == 2 && n == 2)
        {
            return SolveTwoByTwo(game, options);
        }

        if (m + n > VertexEnumeration.MaxStrategies)
        {
            // Beyond vertex enumeration's 64-bit label masks no exact method is practical: support enumeration, whose
            // result is marked degenerate and incomplete when it sees a sign of degeneracy.
            return SupportEnumeration.Solve(game, options);
        }

        // A small double game proven nondegenerate: support enumeration is valid on it and faster. Not for exact games
        // (the proof is about the doubles) nor for small integral payoffs (exact vertex enumeration is cheap there and
        // gives exact output).
        if (exact is null && Combinations.Binomial(m + n, m) <= SmallGameSupportPairs
            && VertexPolytopes.PivotBitsBound(game) > SmallExactPivotBits && NondegeneracyCertificate.Proves(game))
        {
            // Silent, and stopping at a sign of degeneracy: a sign here can only come from rounding (the game is
            // nondegenerate), and vertex enumeration then starts afresh; the sink must not see an equilibrium twice.
            SolveResult result = SupportEnumeration.Solve(game, options with { OnEquilibrium = null }, stopOnDegeneracy: true);
            if (!result.Degenerate || options.CancellationToken.IsCancellationRequested)
            {
                if (options.OnEquilibrium is { } sink)
                {
                    foreach (Equilibrium e in result.Equilibria)
                    {
                        sink(e);
                    }
                }

                return result;
            }
        }

        // Every other game: vertex enumeration (exact set, exact degenerate flag). A double game goes straight to the
        // integer constraints (no rational game at all).
        return exact is null ? VertexEnumeration.Solve(game, options) : VertexEnumeration.Solve(exact, options);
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
