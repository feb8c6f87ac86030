using System.Text;
using NashFast.Games;
using NashFast.Internal.Threading;

namespace NashFast.Enumeration;

/// <summary>
/// Support enumeration: every Nash equilibrium of a <b>nondegenerate</b> m×n game, in floating point, parallel over
/// support pairs. For a nondegenerate game this is the whole (finite, odd) set of equilibria; for a degenerate game
/// it is not valid, so degeneracy is detected and the result is then marked degenerate and incomplete (use
/// <see cref="NashSolver"/> with <c>auto</c> to get a method that is valid for every game).
/// </summary>
/// <remarks>
/// <para>For each support size k = 1 … min(m, n) and each pair (I, J) with |I| = |J| = k, it solves the two
/// indifference systems (y on J making every row of I indifferent, x on I making every column of J indifferent) by
/// LU with partial pivoting on per-thread scratch, requires strictly positive weights, and checks that no strategy
/// outside the support does better. Every pair that passes is an equilibrium. Tolerances:
/// <see cref="SupportEnumerationTolerances"/>.</para>
/// <para>Speed: for one row support I the column supports J are visited in lexicographic order, and the y-system is
/// factored left-looking (column by column, the same pivots as a fresh factorisation), so the leading columns J
/// shares with its predecessor are not factored again; the back substitution stops at the first weight so negative
/// that the pair must be rejected whatever the other weights are. Most pairs of a random game end there.</para>
/// <para>Degeneracy is detected, not assumed away. The result is marked <see cref="SolveResult.Degenerate"/> (and
/// incomplete) when: a pure strategy has two pure best responses (checked first, exactly, in O(mn)); an outside
/// strategy ties with a support's payoff within tolerance; a candidate has a weight that is zero within tolerance;
/// a candidate's system is singular or too ill-conditioned and no exact dominance rules the pair out; or the search
/// finished with an even number of equilibria. Degenerate = false therefore means "none of these signs was seen";
/// it is not a proof of nondegeneracy (the exact reference gives that).</para>
/// <para>Results are sorted by <see cref="EquilibriumOrder"/> and identical whatever the thread count. Each
/// equilibrium is also streamed to <see cref="SolveOptions.OnEquilibrium"/> as found (one call at a time, in an
/// order that depends on the threads). <see cref="SolveOptions.CancellationToken"/> stops the search within
/// milliseconds and returns what was found, marked incomplete; <see cref="SolveOptions.MaxEquilibria"/> and
/// <see cref="SolveOptions.MaxSupportSize"/> cut it likewise (with several threads, which equilibria are kept
/// before a <c>MaxEquilibria</c> cut depends on timing). Nothing is allocated per support pair.</para>
/// </remarks>
public static class SupportEnumeration
{
    /// <summary>Enumerates the equilibria of <paramref name="game"/> (see the type's remarks).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="game"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The game has more than 2^62 support pairs to try.</exception>
    public static SolveResult Solve(BimatrixGame game, SolveOptions? options = null) =>
        Solve(game, options ?? SolveOptions.Default, stopOnDegeneracy: false);

    /// <summary>
    /// The search itself; with <paramref name="stopOnDegeneracy"/> it stops at the first sign of degeneracy (the
    /// caller then switches to a method that is valid for degenerate games).
    /// </summary>
    internal static SolveResult Solve(BimatrixGame game, SolveOptions options, bool stopOnDegeneracy)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxEquilibria < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxEquilibria, "SolveOptions.MaxEquilibria must be positive.");
        }

        if (options.MaxSupportSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxSupportSize, "SolveOptions.MaxSupportSize must be positive.");
        }

        int fullSupport = Math.Min(game.Rows, game.Columns);
        int maxSupport = Math.Min(fullSupport, options.MaxSupportSize);
        using var run = new SupportEnumerationRun(game, options, maxSupport, stopOnDegeneracy);
        if (PureEquilibria.HasPureBestResponseTie(game))
        {
            run.AddSigns(DegeneracySigns.PureBestResponseTie);
        }

        using ProgressReporter? reporter = options.Progress is null ? null : StartProgress(options, run);
        long threads = Math.Min(options.EffectiveParallelism, run.TotalItems);
        if (threads <= 1)
        {
            new SupportPairWorker(run).Run();
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = (int)threads };
            Parallel.For(0, (int)threads, parallel, _ => new SupportPairWorker(run).Run());
        }

        reporter?.Finish();
        List<Equilibrium> equilibria = run.SortedEquilibria();
        DegeneracySigns signs = run.Signs;
        bool searchedAll = !run.Stopped && maxSupport == fullSupport;
        if (searchedAll && signs == DegeneracySigns.None && equilibria.Count % 2 == 0)
        {
            signs |= DegeneracySigns.EvenCount;
        }

        bool complete = !run.Stopped && maxSupport == fullSupport && signs == DegeneracySigns.None;
        string? reason = complete ? null : Reason(run, signs, maxSupport, fullSupport, equilibria.Count, options);
        return new SolveResult(SolverMethod.SupportEnumeration, signs != DegeneracySigns.None, complete, equilibria, reason);
    }

    /// <summary>Reports the row supports taken (a method of its own, so that a solve without progress allocates no closure).</summary>
    private static ProgressReporter? StartProgress(SolveOptions options, SupportEnumerationRun run) =>
        ProgressReporter.Start(options, SolverMethod.SupportEnumeration, "row supports", () => (run.ItemsTaken, run.TotalItems));

    private static string Reason(SupportEnumerationRun run, DegeneracySigns signs, int maxSupport, int fullSupport, int found, SolveOptions options)
    {
        var text = new StringBuilder();
        if (run.Cancelled)
        {
            text.Append("cancelled after finding ").Append(found).Append(" equilibria; ");
        }

        if (run.LimitHit)
        {
            text.Append("stopped at the maximum number of equilibria (").Append(options.MaxEquilibria).Append("); ");
        }

        if (maxSupport < fullSupport)
        {
            text.Append("support sizes above ").Append(maxSupport).Append(" were not tried (MaxSupportSize); ");
        }

        if (signs != DegeneracySigns.None)
        {
            text.Append("the game is degenerate (").Append(Describe(signs)).Append("); support enumeration is not valid for degenerate games; ");
        }

        if (text.Length == 0)
        {
            text.Append("stopped early; ");
        }

        text.Length -= 2;
        return text.ToString();
    }

    private static string Describe(DegeneracySigns signs)
    {
        var parts = new List<string>(5);
        if ((signs & DegeneracySigns.PureBestResponseTie) != 0)
        {
            parts.Add("a pure strategy has several pure best responses");
        }

        if ((signs & DegeneracySigns.OutsideTie) != 0)
        {
            parts.Add("a strategy outside a support ties with it");
        }

        if ((signs & DegeneracySigns.ZeroWeight) != 0)
        {
            parts.Add("a candidate has a zero weight");
        }

        if ((signs & DegeneracySigns.SingularSystem) != 0)
        {
            parts.Add("an indifference system is singular");
        }

        if ((signs & DegeneracySigns.EvenCount) != 0)
        {
            parts.Add("an even number of equilibria was found");
        }

        return string.Join("; ", parts);
    }
}
