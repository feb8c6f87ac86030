using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;
using Xunit;

namespace NashFast.Tests.Enumeration;

/// <summary>Game builders and the exact comparison with the reference shared by the vertex-enumeration tests.</summary>
internal static class VertexTestGames
{
    /// <summary>
    /// Payoffs 0..3 (highly degenerate), or "continuous" ones: uniform multiples of 2^-10 in (0, 1), nondegenerate
    /// with overwhelming probability and cheap enough for the reference at m + n = 12 (53-bit payoffs make both
    /// exact solvers work in BigInteger; <see cref="RandomFullPrecision"/> covers those on smaller games).
    /// </summary>
    public static BimatrixGame Random(System.Random rng, int m, int n, bool smallIntegers)
    {
        var a = new double[m * n];
        var b = new double[m * n];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = smallIntegers ? rng.Next(4) : rng.Next(1, 1 << 10) * (1.0 / 1024);
            b[k] = smallIntegers ? rng.Next(4) : rng.Next(1, 1 << 10) * (1.0 / 1024);
        }

        return BimatrixGame.FromRowMajor(m, n, a, b);
    }

    /// <summary>Uniform doubles in [0, 1) with all 53 bits.</summary>
    public static BimatrixGame RandomFullPrecision(System.Random rng, int m, int n)
    {
        var a = new double[m * n];
        var b = new double[m * n];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = rng.NextDouble();
            b[k] = rng.NextDouble();
        }

        return BimatrixGame.FromRowMajor(m, n, a, b);
    }

    public static ExactBimatrixGame Exact(int m, int n, Func<int, int, Rational> a, Func<int, int, Rational> b)
    {
        var aa = new Rational[m * n];
        var bb = new Rational[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                aa[(i * n) + j] = a(i, j);
                bb[(i * n) + j] = b(i, j);
            }
        }

        return new ExactBimatrixGame(m, n, aa, bb);
    }

    /// <summary>Asserts two searches found the same vertices in the same order: labels, origin flags, coordinates, degenerate flag.</summary>
    public static void AssertSameVertices(VertexSet expected, VertexSet actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {expected.Count} vs {actual.Count} vertices");
        Assert.True(expected.Degenerate == actual.Degenerate, $"{what}: degenerate flag");
        for (int v = 0; v < expected.Count; v++)
        {
            Assert.True(expected.Labels(v) == actual.Labels(v), $"{what}: labels of vertex {v}");
            Assert.True(expected.IsZero(v) == actual.IsZero(v), $"{what}: origin flag of vertex {v}");
            Assert.Equal(expected.Coordinates(v), actual.Coordinates(v));
        }
    }

    /// <summary>Asserts exact equality of the equilibrium lists (same order, same rationals) and of the degenerate flag.</summary>
    public static void AssertSame(SolveResult expected, SolveResult actual, string what)
    {
        Assert.True(actual.Complete, what + ": result incomplete");
        Assert.Equal(SolverMethod.VertexEnumeration, actual.Method);
        Assert.True(expected.Degenerate == actual.Degenerate, $"{what}: degenerate reference {expected.Degenerate}, vertex {actual.Degenerate}");
        IReadOnlyList<ExactEquilibrium> e = expected.ExactEquilibria!, a = actual.ExactEquilibria!;
        Assert.True(e.Count == a.Count, $"{what}: reference has {e.Count} equilibria, vertex enumeration {a.Count}");
        Assert.Equal(a.Count, actual.Equilibria.Count);
        for (int k = 0; k < e.Count; k++)
        {
            Assert.True(e[k].Row.AsSpan().SequenceEqual(a[k].Row), $"{what}: equilibrium {k} row differs");
            Assert.True(e[k].Column.AsSpan().SequenceEqual(a[k].Column), $"{what}: equilibrium {k} column differs");
            Assert.Equal(e[k].RowPayoff, a[k].RowPayoff);
            Assert.Equal(e[k].ColumnPayoff, a[k].ColumnPayoff);
            Assert.Equal(expected.Equilibria[k], actual.Equilibria[k], EquilibriumComparer.Instance);
        }
    }

    public static void AssertSameAsReference(ExactBimatrixGame game, SolveResult actual, string what) =>
        AssertSame(ReferenceSolver.Solve(game), actual, what);

    private sealed class EquilibriumComparer : IEqualityComparer<Equilibrium>
    {
        public static EquilibriumComparer Instance { get; } = new();

        // Both sides are the correctly rounded doubles of the same rationals, so they are bitwise equal.
        public bool Equals(Equilibrium? x, Equilibrium? y) =>
            x is not null && y is not null && x.Row.AsSpan().SequenceEqual(y.Row) && x.Column.AsSpan().SequenceEqual(y.Column)
            && x.RowPayoff.Equals(y.RowPayoff) && x.ColumnPayoff.Equals(y.ColumnPayoff);

        public int GetHashCode(Equilibrium obj) => obj.Row.Length;
    }
}
