using System.Numerics;
using NashFast.Games;

namespace NashFast.Tests.TwoByTwo;

/// <summary>
/// An exact 2×2 oracle, fast enough for 10⁵ games per run (ReferenceSolver takes ~1 ms per 2×2 game, so it checks
/// this oracle on a sample each run instead, see <see cref="OracleAgreesWithReferenceTests"/>).
/// </summary>
/// <remarks>
/// Independent of the closed form under test: it enumerates the vertices of each player's strategy set relevant to
/// best responses — the two pure strategies and, when unique and strictly inside (0, 1), the mix that makes the other
/// player indifferent — and keeps every vertex pair that is a Nash equilibrium by definition, checked exactly. For
/// 2×2 games these pairs are exactly the extreme equilibria. Exact and fast: each player's four payoffs are written
/// as integers times one power of two (every finite double is m·2^e), so every test is a sign of an integer
/// expression (BigInteger, no fractions); rationals are built only for the answer.
/// </remarks>
internal static class Exact2x2Oracle
{
    public readonly record struct ExactEq(Rational P, Rational Q, Rational RowPayoff, Rational ColumnPayoff);

    /// <summary>All extreme equilibria, sorted by P then Q descending (the solvers' order).</summary>
    public static List<ExactEq> Solve(double a00, double a01, double a10, double a11, double b00, double b01, double b10, double b11)
    {
        BigInteger[] a = Integers([a00, a01, a10, a11], out int ea);
        BigInteger[] b = Integers([b00, b01, b10, b11], out int eb);

        // Column player's gain of column 0 over column 1 when row i is played; the row player's of row 0 over row 1 against column j.
        BigInteger beta0 = b[0] - b[1], beta1 = b[2] - b[3];
        BigInteger alpha0 = a[0] - a[2], alpha1 = a[1] - a[3];

        var xs = new List<(BigInteger N, BigInteger D)> { (1, 1), (0, 1) };
        AddInteriorRoot(beta0, beta1, xs);   // x·beta0 + (1 − x)·beta1 = 0
        var ys = new List<(BigInteger N, BigInteger D)> { (1, 1), (0, 1) };
        AddInteriorRoot(alpha0, alpha1, ys);

        var found = new List<ExactEq>();
        foreach ((BigInteger nx, BigInteger dx) in xs)
        {
            foreach ((BigInteger ny, BigInteger dy) in ys)
            {
                int rowGain = ((ny * alpha0) + ((dy - ny) * alpha1)).Sign; // sign of payoff(row 0) − payoff(row 1) against y
                int colGain = ((nx * beta0) + ((dx - nx) * beta1)).Sign;   // sign of payoff(col 0) − payoff(col 1) against x
                // Every pure strategy played with positive probability must be a best response.
                bool rowOk = (nx.IsZero || rowGain >= 0) && (nx == dx || rowGain <= 0);
                bool colOk = (ny.IsZero || colGain >= 0) && (ny == dy || colGain <= 0);
                if (rowOk && colOk)
                {
                    found.Add(new ExactEq(new Rational(nx, dx), new Rational(ny, dy), Payoff(a, ea, nx, dx, ny, dy), Payoff(b, eb, nx, dx, ny, dy)));
                }
            }
        }

        found.Sort((l, r) => l.P != r.P ? r.P.CompareTo(l.P) : r.Q.CompareTo(l.Q));
        return found;
    }

    /// <summary>(|g0 − g1| + |g2 − g3|)·2^e as a double: the scale S of a player's payoff differences.</summary>
    public static double DifferenceScale(double g0, double g1, double g2, double g3)
    {
        BigInteger[] v = Integers([g0, g1, g2, g3], out int e);
        BigInteger s = BigInteger.Abs(v[0] - v[1]) + BigInteger.Abs(v[2] - v[3]);
        long bits = (long)s.GetBitLength();
        if (bits > 64)
        {
            s >>= (int)(bits - 64);
            e += (int)(bits - 64);
        }

        return Math.ScaleB((double)s, e);
    }

    private static void AddInteriorRoot(BigInteger g0, BigInteger g1, List<(BigInteger N, BigInteger D)> into)
    {
        BigInteger n = g1, d = g1 - g0;
        if (d.IsZero)
        {
            return;
        }

        if (d.Sign < 0)
        {
            n = -n;
            d = -d;
        }

        if (n.Sign > 0 && n < d)
        {
            into.Add((n, d));
        }
    }

    /// <summary>xᵀGy for x = (nx/dx, 1 − nx/dx), y likewise, with G = v·2^e.</summary>
    private static Rational Payoff(BigInteger[] v, int e, BigInteger nx, BigInteger dx, BigInteger ny, BigInteger dy)
    {
        BigInteger mx = dx - nx, my = dy - ny;
        BigInteger num = (nx * ((ny * v[0]) + (my * v[1]))) + (mx * ((ny * v[2]) + (my * v[3])));
        BigInteger den = dx * dy;
        return e >= 0 ? new Rational(num << e, den) : new Rational(num, den << -e);
    }

    /// <summary>Integers I with values[k] = I[k]·2^e exactly (common e, the smallest exponent).</summary>
    private static BigInteger[] Integers(double[] values, out int e)
    {
        var mant = new long[values.Length];
        var exps = new int[values.Length];
        e = int.MaxValue;
        for (int k = 0; k < values.Length; k++)
        {
            long bits = BitConverter.DoubleToInt64Bits(values[k]);
            int ex = (int)((bits >> 52) & 0x7FF);
            long m = bits & 0xFFFFFFFFFFFFFL;
            if (ex == 0)
            {
                ex = 1;
            }
            else
            {
                m |= 1L << 52;
            }

            mant[k] = bits < 0 ? -m : m;
            exps[k] = ex - 1075;
            if (m != 0)
            {
                e = Math.Min(e, exps[k]);
            }
        }

        if (e == int.MaxValue)
        {
            e = 0;
        }

        var result = new BigInteger[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            result[k] = mant[k] == 0 ? BigInteger.Zero : new BigInteger(mant[k]) << (exps[k] - e);
        }

        return result;
    }
}
