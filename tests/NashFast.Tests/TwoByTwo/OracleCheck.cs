using System.Numerics;
using NashFast.Games;
using NashFast.TwoByTwo;

namespace NashFast.Tests.TwoByTwo;

/// <summary>Compares one batch slot with the exact oracle: mask/count/flags exactly, values within named tolerances.</summary>
internal static class OracleCheck
{
    /// <summary>
    /// Tolerance on P (or Q) of the closed form, from its error analysis. With u the unit roundoff (2⁻⁵³ double, 2⁻²⁴
    /// float) and η the smallest subnormal: p̂ = fl(d̂1 / fl(d̂1 − d̂0)), d̂i = fl(fl(bi0/4) − fl(bi1/4)). The quarter
    /// products are exact unless they land in the subnormal range (then off by ≤ η/2 each); the subtraction, the
    /// difference d1 − d0 (no cancellation: d0, d1 have opposite signs, |d1 − d0| = S/4 with S = |β0| + |β1|) and the
    /// division each add a relative error ≤ u. So |p̂ − p| ≤ 3u + 4η/S + η (p ∈ (0, 1)); we allow twice that plus one
    /// u for rounding the exact value to double. For ordinary payoffs this is a few ulps; only when every payoff
    /// difference of the player is a few subnormals does it become loose (the closed form's known limit).
    /// </summary>
    public static double MixTolerance(double u, double eta, double s) => (7 * u) + (8 * eta / s) + (2 * eta);

    /// <summary>
    /// Tolerance on a payoff t·x + (1 − t)·y: the error of t (<see cref="MixTolerance"/>) times |x − y| ≤ |x| + |y|,
    /// plus three roundings (two products, one sum) and 1 − t, each ≤ u relative to |x| + |y|, plus subnormal products.
    /// </summary>
    public static double PayoffTolerance(double u, double eta, double mixTolerance, double x, double y) =>
        ((Math.Abs(x) + Math.Abs(y)) * ((4 * u) + mixTolerance)) + (4 * eta);

    public static void AssertSlot<T>(BatchArrays<T> b, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] g = new double[8];
        for (int e = 0; e < 8; e++)
        {
            g[e] = double.CreateTruncating(b.In[e][k]); // exact: float → double widens without rounding
        }

        bool isFloat = typeof(T) == typeof(float);
        double u = isFloat ? Math.ScaleB(1, -24) : Math.ScaleB(1, -53);
        double eta = isFloat ? float.Epsilon : double.Epsilon;
        List<Exact2x2Oracle.ExactEq> eqs = Exact2x2Oracle.Solve(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]);

        int mask = 0;
        Exact2x2Oracle.ExactEq? mixed = null;
        foreach (Exact2x2Oracle.ExactEq e in eqs)
        {
            bool pureRow = e.P.IsZero || e.P == Rational.One, pureCol = e.Q.IsZero || e.Q == Rational.One;
            if (pureRow && pureCol)
            {
                mask |= 1 << ((2 * (e.P.IsZero ? 1 : 0)) + (e.Q.IsZero ? 1 : 0));
            }
            else if (!pureRow && !pureCol)
            {
                mixed = e;
            }
        }

        bool tie = g[0] == g[2] || g[1] == g[3] || g[4] == g[5] || g[6] == g[7];
        var flags = (tie ? Solution2x2Flags.Degenerate : 0) | (mixed is null ? 0 : Solution2x2Flags.CompletelyMixed);
        Solution2x2<T> got = b.Result(k);
        string Where() => $"game {k} {b.DescribeGame(k)} -> {BatchArrays<T>.Describe(got)}";
        if (got.PureMask != mask || got.Count != eqs.Count || got.Flags != flags)
        {
            Assert.Fail($"{Where()}: exact mask {mask}, count {eqs.Count}, flags {flags}");
        }

        if (mixed is not { } m)
        {
            if (!(T.IsNaN(got.P) && T.IsNaN(got.Q) && T.IsNaN(got.RowPayoff) && T.IsNaN(got.ColumnPayoff)))
            {
                Assert.Fail($"{Where()}: NaN values expected (no completely mixed equilibrium)");
            }

            return;
        }

        double tolP = MixTolerance(u, eta, Exact2x2Oracle.DifferenceScale(g[4], g[5], g[6], g[7]));
        double tolQ = MixTolerance(u, eta, Exact2x2Oracle.DifferenceScale(g[0], g[2], g[1], g[3]));
        AssertClose(double.CreateTruncating(got.P), m.P.ToDouble(), tolP, Where, "P");
        AssertClose(double.CreateTruncating(got.Q), m.Q.ToDouble(), tolQ, Where, "Q");
        AssertClose(double.CreateTruncating(got.RowPayoff), m.RowPayoff.ToDouble(), PayoffTolerance(u, eta, tolQ, g[0], g[1]), Where, "row payoff");
        AssertClose(double.CreateTruncating(got.ColumnPayoff), m.ColumnPayoff.ToDouble(), PayoffTolerance(u, eta, tolP, g[4], g[6]), Where, "column payoff");
    }

    public static void AssertClose(double actual, double expected, double tolerance, Func<string> where, string what)
    {
        if (!(Math.Abs(actual - expected) <= tolerance))
        {
            Assert.Fail($"{where()}: {what} {actual:R} vs exact {expected:R} (tolerance {tolerance:R})");
        }
    }
}
