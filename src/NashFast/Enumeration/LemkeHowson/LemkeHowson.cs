using System.Numerics;
using NashFast.Games;

namespace NashFast.Enumeration;

/// <summary>
/// The Lemke–Howson algorithm: one Nash equilibrium of a bimatrix game (of any size), exactly, by complementary
/// pivoting from the artificial equilibrium — the method for games too large to enumerate.
/// </summary>
/// <remarks>
/// <para>The path is followed in exact fraction-free integer arithmetic on the two best-response polytopes (the
/// dictionaries vertex enumeration uses, in its 64-bit, 128-bit, fixed-limb or <see cref="BigInteger"/> tiers chosen
/// from a bound on the pivots and widened after a detected overflow), with the lexicographic ratio test, so it is
/// valid on degenerate games too and its answer is an extreme equilibrium, exactly. When those integers would be wider
/// than 64 bits the path is first followed in certified floating point (<see cref="LemkeHowsonFloatPath"/>), which
/// takes each step only when a rigorous error bound proves it is the exact path's step and hands over to the exact
/// path otherwise: the same answer, at double-precision cost.</para>
/// <para><see cref="SolveOptions.LemkeHowsonLabel"/> picks the label dropped at the start (0…m+n−1; different labels
/// can reach different equilibria), or −1 for every label in turn, returning the distinct equilibria reached. The
/// result is <see cref="SolveResult.Complete"/> when every requested path ended: Lemke–Howson promises one
/// equilibrium per path, not all of them (use vertex enumeration for that). <see cref="SolveResult.Degenerate"/>
/// is true when a basis on a path had a zero basic variable (then the game is degenerate); false means no sign of
/// degeneracy was seen on the paths, not a proof that the game is nondegenerate. A path can be exponentially long on
/// adversarial games (Savani–von Stengel): cancellation (<see cref="SolveOptions.CancellationToken"/>) is checked at
/// every pivot and returns the equilibria of the paths already finished, marked incomplete.</para>
/// </remarks>
public static class LemkeHowson
{
    /// <summary>Solves a floating-point game exactly (every double is converted to the rational it denotes).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="game"/> is null.</exception>
    /// <exception cref="ArgumentException">The label is out of range, or another option is.</exception>
    public static SolveResult Solve(BimatrixGame game, SolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        return Solve(ExactBimatrixGame.FromDouble(game), options);
    }

    /// <summary>
    /// The equilibrium reached by dropping <see cref="SolveOptions.LemkeHowsonLabel"/> (or the distinct equilibria
    /// reached from every label, for −1), with exact strategies and payoffs in <see cref="SolveResult.ExactEquilibria"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="game"/> is null.</exception>
    /// <exception cref="ArgumentException">The label is out of range, or another option is.</exception>
    public static SolveResult Solve(ExactBimatrixGame game, SolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        options ??= SolveOptions.Default;
        int m = game.Rows, n = game.Columns;
        int label = options.LemkeHowsonLabel;
        if (label < -1 || label >= m + n)
        {
            throw new ArgumentException(
                $"SolveOptions.LemkeHowsonLabel must be -1 (every label) or a label 0..{m + n - 1} of this {m}x{n} game (0..{m - 1} rows, {m}..{m + n - 1} columns); got {label}.",
                nameof(options));
        }

        if (options.MaxEquilibria < 1)
        {
            throw new ArgumentException($"SolveOptions.MaxEquilibria must be positive; got {options.MaxEquilibria}.", nameof(options));
        }

        (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(game);
        VertexTier tier = VertexTiers.ForBits(Math.Max(VertexTiers.EntryBitsBound(cp, n, m), VertexTiers.EntryBitsBound(cq, m, n)));
        var found = new List<ExactEquilibrium>();
        bool degenerate = false;
        string? reason = null;
        int first = label < 0 ? 0 : label, last = label < 0 ? m + n - 1 : label;
        for (int dropped = first; dropped <= last; dropped++)
        {
            LemkeHowsonEnd end;
            try
            {
                end = Follow(cp, cq, m, n, dropped, ref tier, options.CancellationToken);
            }
            catch (OperationCanceledException) when (options.CancellationToken.IsCancellationRequested)
            {
                reason = "cancelled";
                break;
            }

            degenerate |= end.DegeneracySeen;
            ExactEquilibrium e = ToEquilibrium(game, end);
            if (found.Exists(f => EquilibriumOrder.Instance.Compare(f, e) == 0))
            {
                continue;
            }

            if (found.Count == options.MaxEquilibria)
            {
                reason = "stopped at the maximum number of equilibria";
                break;
            }

            found.Add(e);
            options.OnEquilibrium?.Invoke(e.ToDouble());
        }

        found.Sort(EquilibriumOrder.Instance);
        var doubles = new Equilibrium[found.Count];
        for (int k = 0; k < found.Count; k++)
        {
            doubles[k] = found[k].ToDouble();
        }

        return new SolveResult(SolverMethod.LemkeHowson, degenerate, reason is null, doubles, reason)
        {
            ExactEquilibria = found.ToArray(),
        };
    }

    /// <summary>
    /// Follows one path: in certified floating point first when the exact path would need more than 64-bit integers
    /// (<see cref="LemkeHowsonFloatPath"/>; the same path, or null when a step is undecided), else — or then — in the
    /// narrowest exact tier that holds it (<paramref name="tier"/> is widened for later paths too).
    /// </summary>
    private static LemkeHowsonEnd Follow(BigInteger[] cp, BigInteger[] cq, int m, int n, int dropped, ref VertexTier tier, CancellationToken token)
    {
        if (tier > VertexTier.Long && LemkeHowsonFloatPath.Run(cp, cq, m, n, dropped, token) is { } certified)
        {
            return certified;
        }

        while (true)
        {
            LemkeHowsonEnd? end = tier switch
            {
                VertexTier.Long => LemkeHowsonPath<long, VertexLongArithmetic>.Run(cp, cq, m, n, dropped, token),
                VertexTier.Wide128 => LemkeHowsonPath<Int128, VertexInt128Arithmetic>.Run(cp, cq, m, n, dropped, token),
                VertexTier.Wide256 => LemkeHowsonPath<VertexLimbs4, VertexWideArithmetic<VertexLimbs4>>.Run(cp, cq, m, n, dropped, token),
                VertexTier.Wide512 => LemkeHowsonPath<VertexLimbs8, VertexWideArithmetic<VertexLimbs8>>.Run(cp, cq, m, n, dropped, token),
                VertexTier.Wide768 => LemkeHowsonPath<VertexLimbs12, VertexWideArithmetic<VertexLimbs12>>.Run(cp, cq, m, n, dropped, token),
                VertexTier.Wide1024 => LemkeHowsonPath<VertexLimbs16, VertexWideArithmetic<VertexLimbs16>>.Run(cp, cq, m, n, dropped, token),
                VertexTier.Wide1536 => LemkeHowsonPath<VertexLimbs24, VertexWideArithmetic<VertexLimbs24>>.Run(cp, cq, m, n, dropped, token),
                _ => LemkeHowsonPath<BigInteger, VertexBigArithmetic>.Run(cp, cq, m, n, dropped, token),
            };
            if (end is { } done)
            {
                return done;
            }

            tier++;
        }
    }

    /// <summary>The vertices normalised to probabilities, with both expected payoffs.</summary>
    private static ExactEquilibrium ToEquilibrium(ExactBimatrixGame game, LemkeHowsonEnd end)
    {
        Rational[] x = VertexEnumeration.Probabilities(end.X);
        Rational[] y = VertexEnumeration.Probabilities(end.Y);
        Rational rowPayoff = Rational.Zero, columnPayoff = Rational.Zero;
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
                    Rational weight = x[i] * y[j];
                    rowPayoff += weight * game.RowPayoff(i, j);
                    columnPayoff += weight * game.ColumnPayoff(i, j);
                }
            }
        }

        return new ExactEquilibrium(x, y, rowPayoff, columnPayoff);
    }
}
