using System.Globalization;
using NashFast.Games;
using NashFast.Internal;

namespace NashFast.Random;

/// <summary>Parses distribution names and makes m×n random games.</summary>
public static class GameDistributions
{
    /// <summary>
    /// Parses <c>uniform</c>, <c>normal</c>, <c>int:LO..HI</c> (e.g. <c>int:0..9</c>, <c>int:-5..5</c>) or
    /// <c>covariant:RHO</c> (e.g. <c>covariant:-0.5</c>); case-insensitive.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not one of these (the message lists them).</exception>
    public static IGameDistribution Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim().ToLowerInvariant();
        if (t == "uniform")
        {
            return UniformDistribution.Instance;
        }

        if (t == "normal")
        {
            return NormalDistribution.Instance;
        }

        if (t.StartsWith("int:", StringComparison.Ordinal))
        {
            string body = t[4..];
            int dots = body.IndexOf("..", StringComparison.Ordinal);
            if (dots > 0
                && int.TryParse(body.AsSpan(0, dots), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int lo)
                && int.TryParse(body.AsSpan(dots + 2), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int hi))
            {
                if (hi < lo)
                {
                    ThrowHelper.ThrowArgument($"Distribution '{text}': the integer range is empty (HI must be at least LO).", nameof(text));
                }

                return new IntegerDistribution(lo, hi);
            }
        }

        if (t.StartsWith("covariant:", StringComparison.Ordinal)
            && double.TryParse(t.AsSpan(10), NumberStyles.Float, CultureInfo.InvariantCulture, out double rho))
        {
            if (!(rho >= -1 && rho <= 1))
            {
                ThrowHelper.ThrowArgument($"Distribution '{text}': the correlation must lie in [-1, 1].", nameof(text));
            }

            return new CovariantDistribution(rho);
        }

        ThrowHelper.ThrowArgument($"Unknown distribution '{text}'; expected uniform, normal, int:LO..HI (32-bit integers) or covariant:RHO (-1 <= RHO <= 1).", nameof(text));
        return null;
    }

    /// <summary>Makes game <paramref name="gameIndex"/> of a run as an m×n <see cref="BimatrixGame"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The shape is empty or too large, or the index negative.</exception>
    /// <exception cref="ArgumentException">The distribution produced a non-finite payoff.</exception>
    public static BimatrixGame CreateGame(this IGameDistribution distribution, ulong seed, long gameIndex, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        BimatrixGame.CheckShape(rows, columns);
        ArgumentOutOfRangeException.ThrowIfNegative(gameIndex);
        var a = new double[rows * columns];
        var b = new double[a.Length];
        distribution.Fill(seed, gameIndex, a, b);
        return BimatrixGame.FromRowMajor(rows, columns, a, b);
    }

    internal static void CheckLengths(Span<double> a, Span<double> b)
    {
        if (b.Length != a.Length)
        {
            ThrowHelper.ThrowSpanLength(nameof(b), b.Length, a.Length);
        }
    }
}
