using System.Numerics;
using NashFast.Internal;
using NashFast.TwoByTwo.Kernels;

namespace NashFast.TwoByTwo;

/// <summary>
/// The 2×2 solver: one game into a list of its extreme equilibria, or millions of games per call into
/// per-game answers (pure-equilibrium mask, completely mixed equilibrium, count, flags). Allocation-free.
/// </summary>
public static partial class TwoByTwoSolver
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
    /// The kernel the batch methods use when none is given: the widest one the hardware accelerates
    /// (<see cref="TwoByTwoKernel.Vector512"/>, then 256, then 128, then scalar), or the one named by the environment
    /// variable <c>NASHFAST_KERNEL</c> (<c>Scalar</c>, <c>Vector128</c>, <c>Vector256</c> or <c>Vector512</c>,
    /// case-insensitive), read once at start-up.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>NASHFAST_KERNEL</c> is set to something else.</exception>
    public static TwoByTwoKernel ActiveKernel => TwoByTwoKernelFactory.Active;

    /// <summary>Every kernel, narrowest first; each can be passed to the batch overloads on any machine.</summary>
    public static IReadOnlyList<TwoByTwoKernel> Kernels => TwoByTwoKernelFactory.All;

    /// <summary>
    /// True when the hardware runs <paramref name="kernel"/> natively. A kernel that is not accelerated still gives the
    /// same results (the runtime emulates its vector operations), only slower.
    /// </summary>
    public static bool IsHardwareAccelerated(TwoByTwoKernel kernel) => TwoByTwoKernelFactory.IsHardwareAccelerated(kernel);

    /// <summary>
    /// Solves a batch of games given as structure of arrays with <see cref="ActiveKernel"/>; slot <c>k</c> of every
    /// output span answers game <c>k</c>. A game with a non-finite payoff is flagged
    /// <see cref="Solution2x2Flags.Invalid"/> in its own slot. Sequential, allocation-free.
    /// </summary>
    /// <exception cref="ArgumentException">An output span is shorter than the batch (the message names it).</exception>
    public static void Solve<T>(Games2x2<T> games, Solutions2x2<T> results)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Solve(games, results, ActiveKernel);

    /// <summary>
    /// Solves a batch of games given as structure of arrays with the given kernel (for tests and benchmarks: every
    /// kernel gives bit-identical results). Sequential, allocation-free.
    /// </summary>
    /// <exception cref="ArgumentException">An output span is shorter than the batch (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kernel"/> is not a defined kernel.</exception>
    public static void Solve<T>(Games2x2<T> games, Solutions2x2<T> results, TwoByTwoKernel kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TwoByTwoKernelFactory.Validate(kernel, nameof(kernel));
        results.Validate(games.Length);
        Batch2x2Driver.Solve(games, results, Effective<T>(kernel));
    }

    /// <summary>
    /// Solves a batch of games given as array of structs with <see cref="ActiveKernel"/>; <paramref name="results"/>[k]
    /// answers <paramref name="games"/>[k] (payoffs always filled). Sequential, allocation-free.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="games"/>.</exception>
    public static void Solve<T>(ReadOnlySpan<Game2x2<T>> games, Span<Solution2x2<T>> results)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Solve(games, results, ActiveKernel);

    /// <summary>Solves a batch of games given as array of structs with the given kernel. Sequential, allocation-free.</summary>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="games"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kernel"/> is not a defined kernel.</exception>
    public static void Solve<T>(ReadOnlySpan<Game2x2<T>> games, Span<Solution2x2<T>> results, TwoByTwoKernel kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TwoByTwoKernelFactory.Validate(kernel, nameof(kernel));
        if (results.Length < games.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(results), results.Length, games.Length);
        }

        AosBlock2x2.Solve(games, results[..games.Length], Effective<T>(kernel));
    }

    /// <summary>Vector kernels exist for float and double; any other IEEE type (Half, NFloat) runs the scalar closed form.</summary>
    private static TwoByTwoKernel Effective<T>(TwoByTwoKernel kernel) =>
        typeof(T) == typeof(double) || typeof(T) == typeof(float) ? kernel : TwoByTwoKernel.Scalar;
}
