using System.Globalization;
using NashFast.Internal;
using NashFast.Random.Kernels;

namespace NashFast.Random;

/// <summary>
/// GAMUT's CovariantGame for two players: in every cell the pair <c>(A[i,j], B[i,j])</c> is bivariate standard normal
/// with correlation <see cref="Rho"/>, cells independent. Cell <c>k</c> (row-major) takes the <c>k</c>-th Box–Muller
/// pair <c>(z0, z1)</c> of the game's stream (<see cref="GameStream.NextNormalPair"/>, two words per cell): <c>A = z0</c>, <c>B = ρ·z0 + √(1 − ρ²)·z1</c>.
/// </summary>
/// <remarks>ρ = −1 gives zero-sum games, ρ = 1 common-interest games, ρ = 0 independent normal payoffs (but a different
/// draw order from <see cref="NormalDistribution"/>).</remarks>
public sealed class CovariantDistribution : IGameDistribution, IStreamedDistribution
{
    private readonly double _rho;
    private readonly double _sigma;

    /// <summary>Creates the distribution.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rho"/> is not in [−1, 1].</exception>
    public CovariantDistribution(double rho)
    {
        if (!(rho >= -1 && rho <= 1))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(rho), $"The correlation must lie in [-1, 1]; got {rho.ToString(CultureInfo.InvariantCulture)}.");
        }

        _rho = rho;
        _sigma = Math.Sqrt(1 - (rho * rho));
    }

    /// <summary>The correlation between the players' payoffs in each cell.</summary>
    public double Rho => _rho;

    /// <inheritdoc />
    public string Name => "covariant:" + _rho.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Fill(ulong seed, long gameIndex, Span<double> a, Span<double> b)
    {
        GameDistributions.CheckLengths(a, b);
        var s = GameStream.Open(seed, gameIndex, 2 * a.Length);
        ((IStreamedDistribution)this).FillFrom(ref s, a, b);
    }

    void IStreamedDistribution.FillFrom(ref GameStream s, Span<double> a, Span<double> b)
    {
        for (int k = 0; k < a.Length; k++)
        {
            s.NextNormalPair(out double z0, out double z1);
            a[k] = z0;
            b[k] = (_rho * z0) + (_sigma * z1);
        }
    }

    /// <inheritdoc />
    public void Fill2x2(ulong seed, long firstGame, Payoffs2x2 destination) =>
        XoshiroGames.FillScalar(seed, firstGame, destination, 0, destination.Length, new Source(_rho, _sigma));

    private readonly struct Source(double rho, double sigma) : XoshiroGames.ISource
    {
        public void Write(ref GameStream s, in Payoffs2x2 d, int i)
        {
            d.A00[i] = Cell(ref s, out d.B00[i]);
            d.A01[i] = Cell(ref s, out d.B01[i]);
            d.A10[i] = Cell(ref s, out d.B10[i]);
            d.A11[i] = Cell(ref s, out d.B11[i]);
        }

        private double Cell(ref GameStream s, out double b)
        {
            s.NextNormalPair(out double z0, out double z1);
            b = (rho * z0) + (sigma * z1);
            return z0;
        }
    }
}
