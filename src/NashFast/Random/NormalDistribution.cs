using NashFast.Random.Kernels;
using NashFast.TwoByTwo;
using NashFast.TwoByTwo.Kernels;

namespace NashFast.Random;

/// <summary>
/// Independent standard normal payoffs N(0, 1) by the Box–Muller transform (<see cref="GameStream.NextNormalPair"/>,
/// two words per pair), in the order A row-major, then B row-major.
/// </summary>
/// <remarks>
/// Box–Muller rather than the Ziggurat: it uses a fixed number of random words per deviate (no rejection), so the
/// 2×2 generator reads exactly eight words per game, vectorised over blocks of games. The logarithm, sine and
/// cosine are NashFast's own polynomials built from correctly rounded IEEE operations only (no FMA, no C library call):
/// the scalar and every vector path, and every platform, give bit-identical deviates. Their accuracy against
/// <see cref="Math.Log(double)"/> and <see cref="Math.SinCos(double)"/>: relative error of the logarithm below 1e-15,
/// absolute error of sine and cosine below 1.5e-15 (tested; see <c>NormalMath</c>).
/// </remarks>
public sealed class NormalDistribution : IGameDistribution, IStreamedDistribution
{
    /// <summary>The shared instance.</summary>
    public static NormalDistribution Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "normal";

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
        int n = a.Length;
        for (int k = 0; k < 2 * n; k += 2)
        {
            s.NextNormalPair(out double z0, out double z1);
            Put(a, b, n, k, z0);
            Put(a, b, n, k + 1, z1);
        }
    }

    /// <inheritdoc />
    /// <remarks>Pair j of game g gives payoffs 2j and 2j + 1: the same numbers as <see cref="Fill"/>, generated several
    /// blocks of games at a time with <see cref="TwoByTwoSolver.ActiveKernel"/>'s vector width.</remarks>
    public void Fill2x2(ulong seed, long firstGame, Payoffs2x2 destination) =>
        XoshiroGames.Normal(seed, firstGame, destination, TwoByTwoSolver.ActiveKernel);

    /// <summary>
    /// <see cref="Fill2x2(ulong, long, Payoffs2x2)"/> with the given vector width (for tests and benchmarks: every kernel
    /// writes bit-identical payoffs; one the hardware does not accelerate is emulated by the runtime, slowly).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kernel"/> is not a defined kernel.</exception>
    public static void Fill2x2(ulong seed, long firstGame, Payoffs2x2 destination, TwoByTwoKernel kernel)
    {
        TwoByTwoKernelFactory.Validate(kernel, nameof(kernel));
        XoshiroGames.Normal(seed, firstGame, destination, kernel);
    }

    private static void Put(Span<double> a, Span<double> b, int n, int k, double z)
    {
        if (k < n)
        {
            a[k] = z;
        }
        else
        {
            b[k - n] = z;
        }
    }
}
