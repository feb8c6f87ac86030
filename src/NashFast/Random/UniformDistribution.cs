using NashFast.Random.Kernels;
using NashFast.TwoByTwo;
using NashFast.TwoByTwo.Kernels;

namespace NashFast.Random;

/// <summary>
/// Independent uniform payoffs in [0, 1) with 53 random bits each (<see cref="GameStream.NextDouble"/>, one word per
/// payoff), drawn in the order A row-major, then B row-major, from the game's own stream.
/// </summary>
public sealed class UniformDistribution : IGameDistribution, IStreamedDistribution
{
    /// <summary>The shared instance.</summary>
    public static UniformDistribution Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "uniform";

    /// <inheritdoc />
    public void Fill(ulong seed, long gameIndex, Span<double> a, Span<double> b)
    {
        GameDistributions.CheckLengths(a, b);
        var s = GameStream.Open(seed, gameIndex, 2 * a.Length);
        FillFrom(ref s, a, b);
    }

    void IStreamedDistribution.FillFrom(ref GameStream stream, Span<double> a, Span<double> b) => FillFrom(ref stream, a, b);

    private static void FillFrom(ref GameStream s, Span<double> a, Span<double> b)
    {
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = s.NextDouble();
        }

        for (int k = 0; k < b.Length; k++)
        {
            b[k] = s.NextDouble();
        }
    }

    /// <inheritdoc />
    /// <remarks>The same numbers as <see cref="Fill"/>, generated several blocks of games at a time with
    /// <see cref="TwoByTwoSolver.ActiveKernel"/>'s vector width.</remarks>
    public void Fill2x2(ulong seed, long firstGame, Payoffs2x2 destination) =>
        XoshiroGames.Uniform(seed, firstGame, destination, TwoByTwoSolver.ActiveKernel);

    /// <summary>
    /// <see cref="Fill2x2(ulong, long, Payoffs2x2)"/> with the given vector width (for tests and benchmarks: every kernel
    /// writes bit-identical payoffs; one the hardware does not accelerate is emulated by the runtime, slowly).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kernel"/> is not a defined kernel.</exception>
    public static void Fill2x2(ulong seed, long firstGame, Payoffs2x2 destination, TwoByTwoKernel kernel)
    {
        TwoByTwoKernelFactory.Validate(kernel, nameof(kernel));
        XoshiroGames.Uniform(seed, firstGame, destination, kernel);
    }
}
