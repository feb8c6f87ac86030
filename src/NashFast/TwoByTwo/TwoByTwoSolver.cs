using System.Numerics;
using NashFast.Internal;

namespace NashFast.TwoByTwo;

/// <summary>
/// The 2×2 solver: one game into a list of its extreme equilibria, or millions of games per call into
/// per-game answers (pure-equilibrium mask, completely mixed equilibrium, count, flags). Allocation-free.
/// </summary>
public static class TwoByTwoSolver
{
    /// <summary>
    /// The most extreme equilibria a 2×2 game can have (the all-zero game has four); a destination of this length
    /// always suffices for <see cref="Solve{T}(in Game2x2{T}, Span{Equilibrium2x2{T}})"/>.
    /// </summary>
    public const int MaxEquilibria = 4;

    /// <summary>
    /// Lists every extreme equilibrium of one game, sorted by P then Q (descending), exactly as lrsnash and Gambit's
    /// <c>enummixed</c> report them (degenerate games included).
    /// </summary>
    /// <returns>The number of equilibria written.</returns>
    /// <exception cref="ArgumentException">A payoff is NaN or infinite, or <paramref name="destination"/> is shorter than the number of equilibria.</exception>
    public static int Solve<T>(in Game2x2<T> game, Span<Equilibrium2x2<T>> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Equilibrium2x2<T>> scratch = stackalloc Equilibrium2x2<T>[MaxEquilibria];
        int count = Scalar2x2.List(game, scratch);
        if (count < 0)
        {
            ThrowHelper.ThrowArgument("A payoff of the game is NaN or infinite.", nameof(game));
        }

        if (destination.Length < count)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, count);
        }

        scratch[..count].CopyTo(destination);
        return count;
    }

    /// <summary>
    /// Solves a batch of games given as structure of arrays; slot <c>k</c> of every output span answers game <c>k</c>.
    /// A game with a non-finite payoff is flagged <see cref="Solution2x2Flags.Invalid"/> in its own slot. Sequential.
    /// </summary>
    /// <exception cref="ArgumentException">An output span is shorter than the batch (the message names it).</exception>
    public static void Solve<T>(Games2x2<T> games, Solutions2x2<T> results)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        results.Validate(games.Length);
        SolveScalar(games, results);
    }

    /// <summary>Solves a batch of games given as array of structs; <paramref name="results"/>[k] answers <paramref name="games"/>[k].</summary>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="games"/>.</exception>
    public static void Solve<T>(ReadOnlySpan<Game2x2<T>> games, Span<Solution2x2<T>> results)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (results.Length < games.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(results), results.Length, games.Length);
        }

        for (int k = 0; k < games.Length; k++)
        {
            ref readonly Game2x2<T> g = ref games[k];
            ref Solution2x2<T> r = ref results[k];
            Scalar2x2.Solve(g.A00, g.A01, g.A10, g.A11, g.B00, g.B01, g.B10, g.B11,
                            out r.PureMask, out r.Count, out r.Flags, out r.P, out r.Q, out r.RowPayoff, out r.ColumnPayoff);
        }
    }

    private static void SolveScalar<T>(Games2x2<T> g, Solutions2x2<T> r)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool payoffs = r.WantsPayoffs;
        for (int k = 0; k < g.Length; k++)
        {
            Scalar2x2.Solve(g.A00[k], g.A01[k], g.A10[k], g.A11[k], g.B00[k], g.B01[k], g.B10[k], g.B11[k],
                            out r.PureMask[k], out r.Count[k], out r.Flags[k], out r.P[k], out r.Q[k], out T u, out T v);
            if (payoffs)
            {
                r.RowPayoff[k] = u;
                r.ColumnPayoff[k] = v;
            }
        }
    }
}
