using System.Globalization;
using NashFast.Internal;

namespace NashFast.Random;

/// <summary>
/// GAMUT's CovariantGame for two players: in every cell the pair <c>(A[i,j], B[i,j])</c> is bivariate standard normal
/// with correlation <see cref="Rho"/>, cells independent. Cell <c>k</c> (row-major) takes the <c>k</c>-th Box–Muller
/// pair <c>(z0, z1)</c> of the game's stream: <c>A = z0</c>, <c>B = ρ·z0 + √(1 − ρ²)·z1</c>.
/// </summary>
/// <remarks>ρ = −1 gives zero-sum games, ρ = 1 common-interest games, ρ = 0 independent normal payoffs (but a different
/// draw order from <see cref="NormalDistribution"/>).</remarks>
public sealed class CovariantDistribution : IGameDistribution
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
        var s = new PhiloxStream(seed, (ulong)gameIndex);
        for (int k = 0; k < a.Length; k++)
        {
            s.NextNormalPair(out double z0, out double z1);
            a[k] = z0;
            b[k] = (_rho * z0) + (_sigma * z1);
        }
    }

    /// <inheritdoc />
    public void Fill2x2(ulong seed, long firstGame, Payoffs2x2 destination)
    {
        uint k0 = (uint)seed, k1 = (uint)(seed >> 32);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong g = (ulong)(firstGame + i);
            uint g0 = (uint)g, g1 = (uint)(g >> 32);
            destination.A00[i] = Cell(0, g0, g1, k0, k1, out destination.B00[i]);
            destination.A01[i] = Cell(1, g0, g1, k0, k1, out destination.B01[i]);
            destination.A10[i] = Cell(2, g0, g1, k0, k1, out destination.B10[i]);
            destination.A11[i] = Cell(3, g0, g1, k0, k1, out destination.B11[i]);
        }
    }

    private double Cell(uint block, uint g0, uint g1, uint k0, uint k1, out double b)
    {
        Philox4x32.Block(block, g0, g1, 0, k0, k1, out uint w0, out uint w1, out uint w2, out uint w3);
        PhiloxStream.BoxMuller(((ulong)w0 << 32) | w1, ((ulong)w2 << 32) | w3, out double z0, out double z1);
        b = (_rho * z0) + (_sigma * z1);
        return z0;
    }
}
