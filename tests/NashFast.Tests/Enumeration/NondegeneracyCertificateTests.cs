using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The certificate never proves a degenerate game nondegenerate (against the exact reference), and proves almost every
/// continuous game it may examine.
/// </summary>
public class NondegeneracyCertificateTests
{
    public static TheoryData<int> Seeds() => [0, 1, 2, 3, 4, 5];

    // Games of every kind that makes a game degenerate: ties (small integers), copied, averaged and constant
    // strategies, zero payoffs, huge and tiny scales; shapes 1×n to 4×5.
    [Theory]
    [MemberData(nameof(Seeds))]
    public void NeverProvesADegenerateGame(int seed)
    {
        var rng = new System.Random(31_000 + seed);
        int proven = 0;
        for (int t = 0; t < 60; t++)
        {
            int m = rng.Next(1, 5), n = rng.Next(1, 6);
            BimatrixGame game = Draw(rng, m, n, kind: t % 6);
            if (!NondegeneracyCertificate.Proves(game))
            {
                continue;
            }

            proven++;
            SolveResult exact = ReferenceSolver.Solve(game);
            Assert.False(exact.Degenerate, $"seed {seed} game {t} ({m}x{n}, kind {t % 6}) proven nondegenerate but it is degenerate");
        }

        Assert.True(proven >= 10, $"only {proven} games proven");
    }

    // The same draws: the degenerate ones exist (so the test above is not vacuous) and none of them is proven.
    [Fact]
    public void TheDrawsIncludeDegenerateGames_NoneProven()
    {
        var rng = new System.Random(77);
        int degenerate = 0;
        for (int t = 0; t < 120; t++)
        {
            int m = rng.Next(1, 5), n = rng.Next(1, 6);
            BimatrixGame game = Draw(rng, m, n, kind: t % 6);
            if (ReferenceSolver.Solve(game).Degenerate)
            {
                degenerate++;
                Assert.False(NondegeneracyCertificate.Proves(game), $"game {t} ({m}x{n}, kind {t % 6})");
            }
        }

        Assert.True(degenerate >= 25, $"only {degenerate} degenerate games drawn");
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(4, 5)]
    [InlineData(2, 12)]
    [InlineData(1, 30)]
    [InlineData(7, 3)]
    public void ProvesAlmostEveryContinuousGame(int m, int n)
    {
        var rng = new System.Random((100 * m) + n);
        int proven = 0;
        for (int t = 0; t < 100; t++)
        {
            proven += NondegeneracyCertificate.Proves(VertexTestGames.RandomFullPrecision(rng, m, n)) ? 1 : 0;
        }

        Assert.True(proven >= 99, $"{proven} of 100");
    }

    [Fact]
    public void SmallCases()
    {
        // A pure best-response tie: column 0 of A has its maximum twice.
        Assert.False(NondegeneracyCertificate.Proves(BimatrixGame.FromRowMajor(2, 3, [1, 0.3, 0.7, 1, 0.2, 0.1], [0.5, 0.25, 0.125, 0.3, 0.6, 0.9])));
        // Row 2 of A is the average of rows 0 and 1: against the y that makes rows 0 and 1 tie, all three tie.
        Assert.False(NondegeneracyCertificate.Proves(BimatrixGame.FromRowMajor(3, 2, [1, 0, 0, 1, 0.5, 0.5], [0.1, 0.7, 0.3, 0.2, 0.9, 0.4])));
        // Matching pennies with generic payoffs: nondegenerate.
        Assert.True(NondegeneracyCertificate.Proves(BimatrixGame.FromRowMajor(2, 2, [1, -1, -1, 1], [-1, 1, 1, -1])));
        // 1×1: nothing to examine.
        Assert.True(NondegeneracyCertificate.Proves(BimatrixGame.FromRowMajor(1, 1, [3], [4])));
        // Beyond its support limit it proves nothing.
        Assert.False(NondegeneracyCertificate.Proves(VertexTestGames.RandomFullPrecision(new System.Random(1), 6, 6)));
        // Products that overflow never certify.
        Assert.False(NondegeneracyCertificate.Proves(BimatrixGame.FromRowMajor(3, 3, [1e300, 2e300, 3e299, 4e300, 5e299, 6e300, 7e300, 8e299, 9e300], [1, 2, 3, 4, 5, 6, 7, 8, 9.5])));
    }

    // The written-out determinants of order 2 to 4 against the exact determinant (Leibniz's formula in rationals) of
    // random matrices with entries of mixed signs and magnitudes, zeros included: within the rounding bound the
    // certificate relies on, and the magnitude at least the sum of the exact terms' absolute values, less rounding.
    [Fact]
    public void Determinants_AreWithinTheRoundingBound_OfTheExactOnes()
    {
        var rng = new System.Random(17);
        for (int trial = 0; trial < 3000; trial++)
        {
            int k = 2 + (trial % 3);
            var a = new double[k * k];
            for (int e = 0; e < a.Length; e++)
            {
                a[e] = rng.Next(8) == 0 ? 0 : (rng.NextDouble() - 0.5) * Math.Pow(2, rng.Next(-30, 30));
            }

            double value = NondegeneracyCertificate.Determinant(a, k, out double magnitude);
            (Rational exact, Rational terms) = ExactDeterminant(a, k);
            double error = Math.Abs(value - exact.ToDouble());
            Assert.True(error <= 2e-15 * magnitude, $"order {k}, trial {trial}: {value} against {exact.ToDouble()} (magnitude {magnitude})");
            Assert.True(magnitude >= terms.ToDouble() * (1 - 1e-14), $"order {k}, trial {trial}: magnitude {magnitude} below the terms' {terms.ToDouble()}");
        }
    }

    /// <summary>Leibniz: the sum over permutations of signed products, and the sum of their absolute values.</summary>
    private static (Rational Value, Rational Terms) ExactDeterminant(double[] a, int k)
    {
        Rational value = Rational.Zero, terms = Rational.Zero;
        foreach ((int[] permutation, int sign) in Permutations(k))
        {
            Rational product = Rational.One;
            for (int i = 0; i < k; i++)
            {
                product *= Rational.FromDouble(a[(i * k) + permutation[i]]);
            }

            value += sign > 0 ? product : -product;
            terms += Rational.Abs(product);
        }

        return (value, terms);
    }

    private static IEnumerable<(int[] Permutation, int Sign)> Permutations(int k)
    {
        int[] p = Enumerable.Range(0, k).ToArray();
        foreach (int[] q in Permute(p, 0))
        {
            int inversions = 0;
            for (int i = 0; i < k; i++)
            {
                for (int j = i + 1; j < k; j++)
                {
                    inversions += q[i] > q[j] ? 1 : 0;
                }
            }

            yield return (q, inversions % 2 == 0 ? 1 : -1);
        }
    }

    private static IEnumerable<int[]> Permute(int[] p, int from)
    {
        if (from == p.Length)
        {
            yield return (int[])p.Clone();
            yield break;
        }

        for (int i = from; i < p.Length; i++)
        {
            (p[from], p[i]) = (p[i], p[from]);
            foreach (int[] q in Permute(p, from + 1))
            {
                yield return q;
            }

            (p[from], p[i]) = (p[i], p[from]);
        }
    }

    private static BimatrixGame Draw(System.Random rng, int m, int n, int kind)
    {
        var a = new double[m * n];
        var b = new double[m * n];
        double scale = Math.Pow(2, rng.Next(-600, 600));
        for (int k = 0; k < a.Length; k++)
        {
            (a[k], b[k]) = kind switch
            {
                0 => (rng.Next(3), rng.Next(3)),
                1 => (rng.NextDouble() * scale, rng.NextDouble() * scale),
                2 => (rng.Next(3) == 0 ? 0.0 : rng.NextDouble(), rng.Next(3) == 0 ? 0.0 : rng.NextDouble()),
                _ => (rng.Next(-1_000_000, 1_000_000) * 2.0, rng.Next(-1_000_000, 1_000_000) * 2.0),
            };
        }

        int r = rng.Next(m), c = rng.Next(n);
        if (kind == 3 && m > 1)
        {
            for (int j = 0; j < n; j++)
            {
                a[(r * n) + j] = a[(((r + 1) % m) * n) + j]; // a copied row of A
            }
        }

        if (kind == 4 && m > 2)
        {
            for (int j = 0; j < n; j++)
            {
                a[(r * n) + j] = (a[(((r + 1) % m) * n) + j] + a[(((r + 2) % m) * n) + j]) / 2; // an averaged row of A
            }
        }

        if (kind == 5 && n > 2)
        {
            for (int i = 0; i < m; i++)
            {
                b[(i * n) + c] = (b[(i * n) + ((c + 1) % n)] + b[(i * n) + ((c + 2) % n)]) / 2; // an averaged column of B
            }
        }

        return BimatrixGame.FromRowMajor(m, n, a, b);
    }
}
