using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The double route of vertex enumeration: constraint matrices built straight from the doubles, payoffs recovered
/// from them, exact coordinates by forward elimination and back substitution. Each is checked against the rational
/// route or the reference on random and adversarial games.
/// </summary>
public class VertexFromDoublesTests
{
    public static TheoryData<string> Kinds() =>
        ["uniform", "int0to3", "negative", "zeros", "signed-zeros", "huge", "huge-and-one", "tiny-and-one", "all-tiny", "subnormal", "mixed-scale", "boundary"];

    /// <summary>Payoff matrices of one adversarial kind (1×n and n×1 included by the callers' shapes).</summary>
    private static double[] Matrix(System.Random rng, string kind, int count)
    {
        var v = new double[count];
        for (int k = 0; k < count; k++)
        {
            double u = rng.NextDouble();
            v[k] = kind switch
            {
                "uniform" => u,
                "int0to3" => rng.Next(4),
                "negative" => (u - 0.75) * 1000,
                "zeros" => rng.Next(2) == 0 ? 0 : u,
                "signed-zeros" => rng.Next(3) switch { 0 => 0.0, 1 => -0.0, _ => rng.Next(-2, 3) },
                "huge" => Math.ScaleB(u, 990), // integers of ~1000 bits: no fractional bits, BigInteger route
                "huge-and-one" => rng.Next(2) == 0 ? 1e300 * u : 1,
                "tiny-and-one" => rng.Next(2) == 0 ? Math.ScaleB(1.0, -1000) * rng.Next(1, 4) : 1 + u,
                "all-tiny" => Math.ScaleB(u, -1000), // 2^F itself beyond Int128
                "subnormal" => double.Epsilon * rng.Next(-3, 4),
                "mixed-scale" => Math.ScaleB(u, rng.Next(-200, 200)) * (rng.Next(2) == 0 ? -1 : 1),
                "boundary" => rng.Next(2) == 0 ? Math.ScaleB(u, rng.Next(58, 68)) : Math.ScaleB(rng.Next(1, 8), -60), // 2^F·v near the Int128 limit
                _ => throw new ArgumentException(kind),
            };
        }

        return v;
    }

    private static BimatrixGame Game(System.Random rng, string kind, int m, int n) =>
        BimatrixGame.FromRowMajor(m, n, Matrix(rng, kind, m * n), Matrix(rng, kind, m * n));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ConstraintsFromDoubles_EqualTheRationalRoute(string kind)
    {
        var rng = new System.Random(kind.Aggregate(3, (h, ch) => (h * 31) + ch));
        for (int t = 0; t < 20; t++)
        {
            (int m, int n) = t switch { 0 => (1, rng.Next(1, 9)), 1 => (rng.Next(1, 9), 1), _ => (rng.Next(1, 9), rng.Next(1, 9)) };
            BimatrixGame game = Game(rng, kind, m, n);
            ExactBimatrixGame exact = ExactBimatrixGame.FromDouble(game);
            VertexConstraints fromDoubles = VertexPolytopes.BuildScaled(game);
            VertexConstraints fromRationals = VertexPolytopes.BuildScaled(exact);
            string what = $"{kind} {m}x{n} #{t}";
            Assert.True(fromRationals.P.AsSpan().SequenceEqual(fromDoubles.P), what + ": P differs");
            Assert.True(fromRationals.Q.AsSpan().SequenceEqual(fromDoubles.Q), what + ": Q differs");
            Assert.Equal(fromRationals.ScaleA, fromDoubles.ScaleA);
            Assert.Equal(fromRationals.ScaleB, fromDoubles.ScaleB);
            Assert.Equal(fromRationals.OffsetA, fromDoubles.OffsetA);
            Assert.Equal(fromRationals.OffsetB, fromDoubles.OffsetB);
            AssertDefinition(exact, fromDoubles, what);
        }
    }

    // Decimal and fraction payoffs (.nfg): dyadic, non-dyadic and mixed denominators, negative values.
    [Fact]
    public void ConstraintsFromRationals_FollowTheDefinition()
    {
        var rng = new System.Random(8);
        for (int t = 0; t < 30; t++)
        {
            int m = rng.Next(1, 6), n = rng.Next(1, 6);
            int style = t % 3;
            Rational Entry(int i, int j) => style switch
            {
                0 => new Rational(rng.Next(-100, 100), BigInteger.One << rng.Next(0, 70)),
                1 => new Rational(rng.Next(-100, 100), rng.Next(1, 60)),
                _ => new Rational(rng.Next(-100, 100), rng.Next(2) == 0 ? BigInteger.One << rng.Next(0, 8) : rng.Next(1, 12)),
            };
            ExactBimatrixGame game = VertexTestGames.Exact(m, n, Entry, Entry);
            AssertDefinition(game, VertexPolytopes.BuildScaled(game), $"style {style} {m}x{n} #{t}");
        }
    }

    /// <summary>
    /// The constraints are (M − min + 1)·lcm with lcm the least common multiple of the denominators, every entry a
    /// positive integer, and the offsets map them back: A = CQ / ScaleA + OffsetA, Bᵀ = CP / ScaleB + OffsetB.
    /// </summary>
    private static void AssertDefinition(ExactBimatrixGame game, VertexConstraints c, string what)
    {
        int m = game.Rows, n = game.Columns;
        Assert.Equal(Lcm(game.AFlat), c.ScaleA);
        Assert.Equal(Lcm(game.BFlat), c.ScaleB);
        Rational minA = game.AFlat.ToArray().Min(), minB = game.BFlat.ToArray().Min();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                BigInteger q = c.Q[(i * n) + j], p = c.P[(j * m) + i];
                Assert.True(q.Sign > 0 && p.Sign > 0, what + ": entry not positive");
                Assert.Equal((game.RowPayoff(i, j) - minA + Rational.One) * new Rational(c.ScaleA), new Rational(q));
                Assert.Equal((game.ColumnPayoff(i, j) - minB + Rational.One) * new Rational(c.ScaleB), new Rational(p));
                Assert.Equal(game.RowPayoff(i, j), new Rational(q, c.ScaleA) + c.OffsetA);
                Assert.Equal(game.ColumnPayoff(i, j), new Rational(p, c.ScaleB) + c.OffsetB);
            }
        }
    }

    private static BigInteger Lcm(ReadOnlySpan<Rational> values)
    {
        BigInteger lcm = BigInteger.One;
        foreach (Rational v in values)
        {
            lcm = lcm * v.Denominator / BigInteger.GreatestCommonDivisor(lcm, v.Denominator);
        }

        return lcm;
    }

    // The payoffs come from the integer constraints, not the rational game: equal to the reference's, exactly.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void DoubleGames_EqualTheReference(string kind)
    {
        var rng = new System.Random(kind.Aggregate(11, (h, ch) => (h * 31) + ch));
        for (int t = 0; t < 10; t++)
        {
            (int m, int n) = t switch { 0 => (1, rng.Next(1, 6)), 1 => (rng.Next(1, 6), 1), _ => (rng.Next(1, 6), rng.Next(1, 6)) };
            BimatrixGame game = Game(rng, kind, m, n);
            var options = new SolveOptions { MaxDegreeOfParallelism = 1 + (t % 2) };
            VertexTestGames.AssertSame(ReferenceSolver.Solve(game), VertexEnumeration.Solve(game, options), $"{kind} {m}x{n} #{t}");
        }
    }

    // Every nondegenerate vertex's coordinates from its labels alone, proportional to the exact search's, on games
    // with ties and zero pivots (small integers) and with wide entries (full-precision doubles), by the 64-bit
    // shortcuts and by BigInteger alone.
    [Theory]
    [InlineData("int0to3")]
    [InlineData("uniform")]
    [InlineData("mixed-scale")]
    public void ExactCoordinates_AreTheSearchsVertices(string kind)
    {
        var rng = new System.Random(kind.Length * 101);
        int solved = 0;
        for (int t = 0; t < 12; t++)
        {
            int m = rng.Next(1, 7), n = rng.Next(1, 7);
            (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(Game(rng, kind, m, n));
            foreach ((BigInteger[] c, int k, int d, int shift) in new[] { (cp, n, m, 0), (cq, m, n, m) })
            {
                VertexSet exact = VertexSearch<BigInteger, VertexBigArithmetic>.Run(c, k, d, shift, CancellationToken.None)!;
                var solver = new VertexExactCoordinates(c, k, d, shift);

                // The same system times 2⁶⁴: too wide for the 64-bit shortcuts, so BigInteger all the way; the same
                // vertex, so proportional numerators.
                var wide = new VertexExactCoordinates(c.Select(x => x << 64).ToArray(), k, d, shift);
                for (int v = 0; v < exact.Count; v++)
                {
                    if (exact.IsZero(v) || BitOperations.PopCount(exact.Labels(v)) != d)
                    {
                        continue; // the origin, or a degenerate vertex (more tight labels than d: no square system)
                    }

                    BigInteger[] a = solver.Solve(exact.Labels(v)), b = exact.Coordinates(v);
                    BigInteger sa = a.Aggregate(BigInteger.Zero, (s, x) => s + x), sb = b.Aggregate(BigInteger.Zero, (s, x) => s + x);
                    for (int i = 0; i < d; i++)
                    {
                        Assert.True(a[i].Sign >= 0, $"{kind} {m}x{n} #{t}: negative numerator");
                        Assert.Equal(a[i] * sb, b[i] * sa);
                    }

                    BigInteger[] w = wide.Solve(exact.Labels(v));
                    BigInteger sw = w.Aggregate(BigInteger.Zero, (s, x) => s + x);
                    for (int i = 0; i < d; i++)
                    {
                        Assert.True(w[i].Sign >= 0, $"{kind} {m}x{n} #{t}: negative numerator (wide)");
                        Assert.Equal(a[i] * sw, w[i] * sa);
                    }

                    solved++;
                }
            }
        }

        Assert.True(solved > 50, $"only {solved} vertices solved");
    }
}
