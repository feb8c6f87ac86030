using NashFast.Games;

namespace NashFast.Tests.TwoByTwo;

/// <summary>
/// An exact 2×2 oracle, fast enough for 10⁵ games per run (ReferenceSolver takes ~1 ms per 2×2 game, so it checks
/// this oracle on a sample each run instead, see <see cref="OracleAgreesWithReferenceTests"/>).
/// </summary>
/// <remarks>
/// Independent of the closed form under test: it enumerates the vertices of each player's strategy set relevant to
/// best responses — the two pure strategies and, when unique and strictly inside (0, 1), the mix that makes the other
/// player indifferent — and keeps every vertex pair that is a Nash equilibrium by definition, checked in exact
/// rational arithmetic (payoffs converted exactly). For 2×2 games these pairs are exactly the extreme equilibria.
/// </remarks>
internal static class Exact2x2Oracle
{
    public readonly record struct ExactEq(Rational P, Rational Q, Rational RowPayoff, Rational ColumnPayoff);

    /// <summary>All extreme equilibria, sorted by P then Q descending (the solvers' order).</summary>
    public static List<ExactEq> Solve(double a00, double a01, double a10, double a11, double b00, double b01, double b10, double b11)
    {
        Rational A00 = Rational.FromDouble(a00), A01 = Rational.FromDouble(a01), A10 = Rational.FromDouble(a10), A11 = Rational.FromDouble(a11);
        Rational B00 = Rational.FromDouble(b00), B01 = Rational.FromDouble(b01), B10 = Rational.FromDouble(b10), B11 = Rational.FromDouble(b11);

        // Column player's gain of column 0 over column 1 when row i is played; the row player's of row 0 over row 1 against column j.
        Rational beta0 = B00 - B01, beta1 = B10 - B11;
        Rational alpha0 = A00 - A10, alpha1 = A01 - A11;

        var xs = new List<Rational> { Rational.One, Rational.Zero };
        if (beta0 != beta1)
        {
            Rational x = beta1 / (beta1 - beta0); // x·beta0 + (1 − x)·beta1 = 0
            if (x.Sign > 0 && x < Rational.One)
            {
                xs.Add(x);
            }
        }

        var ys = new List<Rational> { Rational.One, Rational.Zero };
        if (alpha0 != alpha1)
        {
            Rational y = alpha1 / (alpha1 - alpha0);
            if (y.Sign > 0 && y < Rational.One)
            {
                ys.Add(y);
            }
        }

        var found = new List<ExactEq>();
        foreach (Rational x in xs)
        {
            foreach (Rational y in ys)
            {
                Rational rowGain = (y * alpha0) + ((Rational.One - y) * alpha1);
                Rational colGain = (x * beta0) + ((Rational.One - x) * beta1);
                // Every pure strategy played with positive probability must be a best response.
                bool rowOk = (x.Sign == 0 || rowGain.Sign >= 0) && (x == Rational.One || rowGain.Sign <= 0);
                bool colOk = (y.Sign == 0 || colGain.Sign >= 0) && (y == Rational.One || colGain.Sign <= 0);
                if (rowOk && colOk)
                {
                    Rational x1 = Rational.One - x, y1 = Rational.One - y;
                    Rational u = (x * ((y * A00) + (y1 * A01))) + (x1 * ((y * A10) + (y1 * A11)));
                    Rational v = (x * ((y * B00) + (y1 * B01))) + (x1 * ((y * B10) + (y1 * B11)));
                    found.Add(new ExactEq(x, y, u, v));
                }
            }
        }

        found.Sort((l, r) => l.P != r.P ? r.P.CompareTo(l.P) : r.Q.CompareTo(l.Q));
        return found;
    }
}
