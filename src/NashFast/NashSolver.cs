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
/// <c>auto</c>: a 2×2 game goes to the closed form (exact on degenerate 2×2 games). A game with small integral
/// (or small-denominator) payoffs — the games where ties and degeneracy actually occur — goes to exact vertex
/// enumeration when its pivots provably fit in 128-bit integers (<see cref="SmallExactPivotBits"/>): exact answer,
/// exact degenerate flag, fast. So does every larger game (<see cref="LargeGameSupportPairs"/>: from 6×6 and 5×8, thin
/// games from far larger), where
/// vertex enumeration's certified floating-point search beats support enumeration. Any other game goes to support enumeration, which stops at the first sign of
/// degeneracy; a degenerate game then goes to exact vertex enumeration, valid for every game
/// (<c>SolveDegenerate</c>). For games on the support-enumeration route, <c>Degenerate = false</c> means no sign
/// of degeneracy was seen (generic real-valued games are nondegenerate with probability one). With <c>auto</c>, <see cref="SolveOptions.OnEquilibrium"/>
/// is called once the method is settled (after the search), so it never sees an equilibrium twice.
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
    /// <c>auto</c> uses exact vertex enumeration directly when the Hadamard bound on its pivots is at most this many
    /// bits (so it stays in its 64-bit or 128-bit arithmetic tier); e.g. payoffs 0..1000 up to 9×9, payoffs 0..3 up
    /// to 22×22.
    /// </summary>
    public const int SmallExactPivotBits = 126;

    /// <summary>
    /// <c>auto</c> uses vertex enumeration (certified floating-point search, exact fallback) for a game with at least
    /// <see cref="VertexMinStrategies"/> strategies per player and at least this many support pairs of equal size,
    /// <c>C(m + n, m)</c> — C(12, 6) = 924, so 6×6, 5×8 and on; thinner games only from <see cref="ThinGameSupportPairs"/>
    /// (both up to m + n = <see cref="VertexEnumeration.MaxStrategies"/>).
    /// </summary>
    /// <remarks>
    /// Measured with <c>AutoRoutingBenchmarks</c> (2026-11-26, the 2-core VM, one thread, 20 seeded full-precision
    /// uniform games per shape, shortened house config), support against vertex enumeration per game: 5×6 31 vs 39 µs,
    /// 6×6 76 vs 52, 5×8 92 vs 80, 6×7 143 vs 103, 5×9 147 vs 104, 5×10 244 vs 139, 6×8 241 vs 135, 7×7 278 vs 162,
    /// 8×8 1.15 vs 0.28 ms, 9×9 4.1 vs 0.77 ms; thin games the other way: 3×14 43 vs 85 µs, 4×10 67 vs 86, 4×12 126 vs
    /// 134. Support enumeration's cost grows with the number of support pairs, vertex enumeration's with the number of
    /// vertices, which thin games have relatively many of. (Until then the rule was C(20, 10) for every game, set when
    /// vertex enumeration was several times slower.)
    /// </remarks>
    public const double LargeGameSupportPairs = 924;

    /// <summary>The fewest strategies per player for which <see cref="LargeGameSupportPairs"/> applies.</summary>
    public const int VertexMinStrategies = 5;

    /// <summary>
    /// <c>auto</c> uses vertex enumeration for a thinner game (fewer than <see cref="VertexMinStrategies"/> strategies
    /// for one player) from this many support pairs, C(20, 10), the rule for every game before 2026-11-26: 4×44 and up,
    /// never with 2 or 3 strategies (m + n ≤ 64). Support enumeration was faster on every thin shape measured (3×14,
    /// 4×10, 4×12).
    /// </summary>
    public const double ThinGameSupportPairs = 184_756;

    /// <summary>C(m + n, m): the number of support pairs of equal size support enumeration may visit.</summary>
    private static double SupportPairs(int m, int n)
    {
        double pairs = 1;
        int small = Math.Min(m, n);
        for (int k = 1; k <= small; k++)
        {
            pairs = pairs * (m + n - small + k) / k;
        }

        return pairs;
    }

    private static SolveResult SolveAuto(BimatrixGame game, ExactBimatrixGame? exact, SolveOptions options)
    {
        if (game.Rows == 2 && game.Columns == 2)
        {
            return SolveTwoByTwo(game, options);
        }

        // The rational game is built only when a method needs it (building it costs as much as solving a small game).
        double pivotBits = exact is null ? VertexPolytopes.PivotBitsBound(game) : VertexPolytopes.PivotBitsBound(exact);
        double pairs = SupportPairs(game.Rows, game.Columns);
        bool large = (Math.Min(game.Rows, game.Columns) >= VertexMinStrategies ? pairs >= LargeGameSupportPairs : pairs >= ThinGameSupportPairs)
                     && game.Rows + game.Columns <= VertexEnumeration.MaxStrategies; // vertex enumeration's label masks
        if (pivotBits <= SmallExactPivotBits || large)
        {
            // A double game goes straight to the integer constraints (no rational game at all).
            return exact is null ? VertexEnumeration.Solve(game, options) : VertexEnumeration.Solve(exact, options);
        }

        // Stream nothing during the search: a degenerate game may switch methods, and the sink must not see an
        // equilibrium twice.
        SolveOptions silent = options with { OnEquilibrium = null };
        // Stop at the first sign of degeneracy: the fallback below is valid for every game.
        SolveResult result = SupportEnumeration.Solve(game, silent, stopOnDegeneracy: true);
        if (result.Degenerate && !options.CancellationToken.IsCancellationRequested)
        {
            result = SolveDegenerate(game, exact, options with { OnEquilibrium = null });
        }

        if (options.OnEquilibrium is { } sink)
        {
            foreach (Equilibrium e in result.Equilibria)
            {
                sink(e);
            }
        }

        return result;
    }

    /// <summary>
    /// The fallback for games that support enumeration found degenerate: exact vertex enumeration, valid for every
    /// game, on the exact payoffs when the caller gave them. It honours the limits and the token itself.
    /// </summary>
    private static SolveResult SolveDegenerate(BimatrixGame game, ExactBimatrixGame? exact, SolveOptions options) =>
        exact is null ? VertexEnumeration.Solve(game, options) : VertexEnumeration.Solve(exact, options);

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
