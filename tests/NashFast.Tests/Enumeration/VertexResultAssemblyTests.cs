using System.Numerics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The part of vertex enumeration after the searches (probabilities, payoffs, doubles, order) and the choice of one
/// or two threads: every thread count gives the identical result, and every result field is what an independent exact
/// computation from the game gives.
/// </summary>
public class VertexResultAssemblyTests
{
    public static TheoryData<int, int> Shapes() => new()
    {
        { 1, 1 }, { 1, 7 }, { 7, 1 }, { 2, 2 }, { 3, 5 }, { 4, 4 }, { 6, 6 }, { 6, 9 }, { 7, 7 }, { 8, 8 }, { 9, 7 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryThreadCount_GivesTheIdenticalResult(int m, int n)
    {
        var rng = new System.Random((m * 100) + n);
        for (int t = 0; t < 6; t++)
        {
            BimatrixGame game = (t % 3) switch
            {
                0 => VertexTestGames.Random(rng, m, n, smallIntegers: true),
                1 => VertexTestGames.Random(rng, m, n, smallIntegers: false),
                _ => VertexTestGames.RandomFullPrecision(rng, m, n),
            };
            SolveResult one = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 1, Components = true });
            AssertFieldsExact(ExactBimatrixGame.FromDouble(game), one, $"{m}x{n} game {t}");
            foreach (int threads in new[] { 2, 4, 0 })
            {
                SolveResult other = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = threads, Components = true });
                string what = $"{m}x{n} game {t}, {threads} threads";
                VertexTestGames.AssertSame(one, other, what);
                Assert.Equal(one.Complete, other.Complete);
                Assert.Equal(one.Components!.Count, other.Components!.Count);
                for (int k = 0; k < one.Components.Count; k++)
                {
                    Assert.Equal(one.Components[k].Component, other.Components[k].Component);
                    Assert.Equal(one.Components[k].RowVertices.Count, other.Components[k].RowVertices.Count);
                    Assert.Equal(one.Components[k].ColumnVertices.Count, other.Components[k].ColumnVertices.Count);
                    for (int v = 0; v < one.Components[k].RowVertices.Count; v++)
                    {
                        Assert.True(one.Components[k].RowVertices[v].AsSpan().SequenceEqual(other.Components[k].RowVertices[v]), what);
                    }

                    for (int v = 0; v < one.Components[k].ColumnVertices.Count; v++)
                    {
                        Assert.True(one.Components[k].ColumnVertices[v].AsSpan().SequenceEqual(other.Components[k].ColumnVertices[v]), what);
                    }
                }
            }
        }
    }

    [Fact]
    public void SecondThread_OnlyFromTheThresholdOn()
    {
        Assert.False(VertexEnumeration.SearchWorthASecondThread(1, 63));
        Assert.False(VertexEnumeration.SearchWorthASecondThread(63, 1));
        Assert.False(VertexEnumeration.SearchWorthASecondThread(4, 4));
        Assert.False(VertexEnumeration.SearchWorthASecondThread(VertexEnumeration.MinDimensionForParallelSearch - 1, 40));
        Assert.True(VertexEnumeration.SearchWorthASecondThread(VertexEnumeration.MinDimensionForParallelSearch, VertexEnumeration.MinDimensionForParallelSearch));
        Assert.True(VertexEnumeration.SearchWorthASecondThread(16, 16));
    }

    [Theory]
    [InlineData("uniform", 50)]
    [InlineData("grid", 50)]
    [InlineData("int0to3", 50)]
    [InlineData("huge", 20)]
    [InlineData("tiny", 20)]
    [InlineData("mixed magnitudes", 20)]
    [InlineData("negative", 20)]
    [InlineData("thirds", 20)]
    public void ResultFields_EqualAnIndependentExactComputation(string kind, int games)
    {
        var rng = new System.Random(kind.Length * 7919);
        for (int g = 0; g < games; g++)
        {
            int m = rng.Next(1, 7), n = rng.Next(1, 7);
            ExactBimatrixGame game = Make(kind, rng, m, n);
            SolveResult r = VertexEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 1 + (g % 2) });
            string what = $"{kind} game {g} ({m}x{n})";
            AssertFieldsExact(game, r, what);
            if (m + n <= 9)
            {
                VertexTestGames.AssertSameAsReference(game, r, what);
            }
        }
    }

    [Fact]
    public void Order_DecidedByDoubles_EqualsTheExactOrder_EvenWhenDoublesTie()
    {
        // Probabilities that differ by less than a double's resolution: the doubles tie at the first position and
        // differ the other way at the second, where the order must still follow the exact values.
        BigInteger big = BigInteger.Pow(2, 90);
        Rational third = new(1, 3);
        Rational thirdPlus = new((big / 3) + 1, big); // above 1/3 by less than 2^-80
        Rational[] values = [Rational.Zero, Rational.One, new(1, 2), third, thirdPlus, new(2, 3), new(big - 1, big), new(1, big)];
        Assert.Equal(third.ToDouble(), thirdPlus.ToDouble());

        var rng = new System.Random(5);
        var items = new List<VertexEnumeration.FoundEquilibrium>();
        for (int k = 0; k < 400; k++)
        {
            int len = 1 + rng.Next(3);
            Rational[] row = Pick(rng, values, len), col = Pick(rng, values, 2);
            var exact = new ExactEquilibrium(row, col, Rational.Zero, Rational.Zero);
            items.Add(new VertexEnumeration.FoundEquilibrium(exact, exact.ToDouble(), k, k));
        }

        // Shared arrays, as equilibria through the same vertex have.
        items.Add(items[0] with { X = -1 });
        foreach (VertexEnumeration.FoundEquilibrium a in items)
        {
            foreach (VertexEnumeration.FoundEquilibrium b in items)
            {
                int expected = Math.Sign(EquilibriumOrder.Instance.Compare(a.Exact, b.Exact));
                if (a.Exact.Row.Length == b.Exact.Row.Length)
                {
                    Assert.Equal(expected, Math.Sign(VertexEnumeration.FoundEquilibrium.Compare(a, b)));
                }
            }
        }
    }

    [Theory]
    [InlineData(false, 4)]
    [InlineData(false, 8)]
    [InlineData(true, 6)]
    [InlineData(true, 10)]
    public void Assemble_EqualsTheFormerRationalPath(bool smallIntegers, int size)
    {
        var rng = new System.Random(size + (smallIntegers ? 100 : 0));
        for (int g = 0; g < 8; g++)
        {
            BimatrixGame game = smallIntegers ? VertexTestGames.Random(rng, size, size, smallIntegers: true) : VertexTestGames.RandomFullPrecision(rng, size, size);
            VertexConstraints c = VertexPolytopes.BuildScaled(game);
            VertexSet p = VertexTiers.Enumerate(c.P, size, size, 0, VertexTier.Auto, default)!;
            VertexSet q = VertexTiers.Enumerate(c.Q, size, size, size, VertexTier.Auto, default)!;
            List<(int X, int Y)> pairs = VertexMatching.Match(p, q, 2 * size, 1, default, out _);
            SolveResult actual = VertexEnumeration.Assemble(c, p, q, pairs, SolveOptions.Default, null);
            (ExactEquilibrium[] expected, Equilibrium[] doubles) = FormerAssembly(c, p, q, pairs);
            Assert.Equal(expected.Length, actual.ExactEquilibria!.Count);
            for (int k = 0; k < expected.Length; k++)
            {
                ExactEquilibrium e = expected[k], a = actual.ExactEquilibria[k];
                Assert.True(e.Row.AsSpan().SequenceEqual(a.Row) && e.Column.AsSpan().SequenceEqual(a.Column), $"game {g}, equilibrium {k}");
                Assert.Equal(e.RowPayoff, a.RowPayoff);
                Assert.Equal(e.ColumnPayoff, a.ColumnPayoff);
                Assert.Equal(doubles[k].Row, actual.Equilibria[k].Row);
                Assert.Equal(doubles[k].Column, actual.Equilibria[k].Column);
                Assert.Equal(doubles[k].RowPayoff, actual.Equilibria[k].RowPayoff);
                Assert.Equal(doubles[k].ColumnPayoff, actual.Equilibria[k].ColumnPayoff);
            }
        }
    }

    /// <summary>The result assembly as it was: a reducing constructor per probability, payoff plus offset in rationals, exact sort.</summary>
    private static (ExactEquilibrium[] Exact, Equilibrium[] Doubles) FormerAssembly(VertexConstraints game, VertexSet p, VertexSet q, List<(int X, int Y)> pairs)
    {
        (BigInteger[] N, BigInteger S, Rational[] P) Normalised(VertexSet set, int v)
        {
            BigInteger[] num = set.Coordinates(v);
            BigInteger s = BigInteger.Zero;
            foreach (BigInteger t in num)
            {
                s += t;
            }

            return (num, s, Array.ConvertAll(num, t => new Rational(t, s)));
        }

        Rational Payoff(BigInteger[] constraints, int d, (BigInteger[] N, BigInteger S, Rational[] P) own, (BigInteger[] N, BigInteger S, Rational[] P) other, BigInteger scale, Rational offset)
        {
            int i = Array.FindIndex(own.N, t => !t.IsZero);
            BigInteger dot = BigInteger.Zero;
            for (int j = 0; j < d; j++)
            {
                dot += constraints[(i * d) + j] * other.N[j];
            }

            return new Rational(dot, scale * other.S) + offset;
        }

        var list = new List<ExactEquilibrium>();
        foreach ((int x, int y) in pairs)
        {
            var row = Normalised(p, x);
            var col = Normalised(q, y);
            list.Add(new ExactEquilibrium(row.P, col.P, Payoff(game.Q, game.Columns, row, col, game.ScaleA, game.OffsetA), Payoff(game.P, game.Rows, col, row, game.ScaleB, game.OffsetB)));
        }

        list.Sort(EquilibriumOrder.Instance);
        return (list.ToArray(), list.ConvertAll(e => e.ToDouble()).ToArray());
    }

    private static Rational[] Pick(System.Random rng, Rational[] values, int length)
    {
        var result = new Rational[length];
        for (int i = 0; i < length; i++)
        {
            result[i] = values[rng.Next(values.Length)];
        }

        return result;
    }

    private static ExactBimatrixGame Make(string kind, System.Random rng, int m, int n)
    {
        Rational Entry()
        {
            return kind switch
            {
                "uniform" => Rational.FromDouble(rng.NextDouble()),
                "grid" => new Rational(rng.Next(1, 1 << 10), 1 << 10),
                "int0to3" => new Rational(rng.Next(4)),
                "huge" => Rational.FromDouble(rng.NextDouble() * 1e300),
                "tiny" => Rational.FromDouble(rng.NextDouble() * 1e-300),
                "mixed magnitudes" => Rational.FromDouble(rng.Next(3) switch { 0 => 0.0, 1 => rng.NextDouble() * 1e-200, _ => rng.NextDouble() * 1e200 }),
                "negative" => Rational.FromDouble(-1000 * rng.NextDouble()) - new Rational(1, 3),
                _ => new Rational(rng.Next(-5, 6), 3 * rng.Next(1, 4)), // non-dyadic offsets and scales
            };
        }

        var a = new Rational[m * n];
        var b = new Rational[m * n];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = Entry();
            b[k] = Entry();
        }

        return new ExactBimatrixGame(m, n, a, b);
    }

    /// <summary>Probabilities sum to one, payoffs are xᵀAy and xᵀBy, doubles are the exact values rounded, order strict.</summary>
    private static void AssertFieldsExact(ExactBimatrixGame game, SolveResult r, string what)
    {
        Assert.True(r.Complete, what);
        IReadOnlyList<ExactEquilibrium> exact = r.ExactEquilibria!;
        Assert.Equal(exact.Count, r.Equilibria.Count);
        for (int k = 0; k < exact.Count; k++)
        {
            ExactEquilibrium e = exact[k];
            Assert.Equal(Rational.One, Sum(e.Row));
            Assert.Equal(Rational.One, Sum(e.Column));
            Rational rowPayoff = Rational.Zero, columnPayoff = Rational.Zero;
            for (int i = 0; i < game.Rows; i++)
            {
                for (int j = 0; j < game.Columns; j++)
                {
                    Rational w = e.Row[i] * e.Column[j];
                    rowPayoff += w * game.RowPayoff(i, j);
                    columnPayoff += w * game.ColumnPayoff(i, j);
                }
            }

            Assert.True(rowPayoff == e.RowPayoff, $"{what}: row payoff {e.RowPayoff}, expected {rowPayoff}");
            Assert.True(columnPayoff == e.ColumnPayoff, $"{what}: column payoff {e.ColumnPayoff}, expected {columnPayoff}");
            Equilibrium d = r.Equilibria[k];
            Assert.Equal(Array.ConvertAll(e.Row, x => x.ToDouble()), d.Row);
            Assert.Equal(Array.ConvertAll(e.Column, x => x.ToDouble()), d.Column);
            Assert.Equal(e.RowPayoff.ToDouble(), d.RowPayoff);
            Assert.Equal(e.ColumnPayoff.ToDouble(), d.ColumnPayoff);
            if (k > 0)
            {
                Assert.True(EquilibriumOrder.Instance.Compare(exact[k - 1], e) < 0, $"{what}: equilibria {k - 1} and {k} out of order");
            }
        }
    }

    private static Rational Sum(Rational[] values)
    {
        Rational s = Rational.Zero;
        foreach (Rational v in values)
        {
            s += v;
        }

        return s;
    }
}
