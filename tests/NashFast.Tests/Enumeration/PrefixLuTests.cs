using NashFast.Enumeration;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The incremental (prefix-reusing) factorisation of support enumeration against a fresh factorisation of every
/// system, and the lexicographic subset walk it relies on.
/// </summary>
public class PrefixLuTests
{
    public static TheoryData<int, int, int, int> Shapes() => new()
    {
        { 1, 1, 1, 1 }, { 3, 5, 2, 2 }, { 6, 6, 3, 3 }, { 7, 9, 4, 4 }, { 8, 8, 5, 5 }, { 12, 10, 6, 6 }, { 9, 12, 8, 7 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryColumnSet_MatchesAFreshFactorisation(int m, int n, int k, int seed)
    {
        var random = new System.Random(seed);
        double[] p = RandomPayoffs(random, m, n);
        int[] rows = RandomSubset(random, m, k);
        using var lu = new PrefixLu(k, n);
        lu.Load(p, n, rows);
        int[] columns = new int[k];
        Combinations.First(columns);
        double[] z = new double[k], fresh = new double[k], matrix = new double[k * k];
        int unchanged = 0, visited = 0;
        do
        {
            double condition = lu.SolveOnes(columns, unchanged, z);
            double freshCondition = Fresh(p, n, rows, columns, matrix, fresh);
            Assert.True(double.IsFinite(condition));
            AssertClose(freshCondition, condition, 1e-9);
            for (int c = 0; c < k; c++)
            {
                // Both are backward stable; on these well-scaled systems they agree far inside the decision band.
                AssertClose(fresh[c], z[c], 1e-9 * condition);
            }

            visited++;
        }
        while ((unchanged = Combinations.Advance(columns, n)) >= 0);
        Assert.Equal(Combinations.Binomial(n, k), visited);
    }

    [Fact]
    public void DuplicatedColumns_AreSingularForBoth()
    {
        var random = new System.Random(11);
        const int m = 6, n = 7, k = 4;
        double[] p = RandomPayoffs(random, m, n);
        for (int i = 0; i < m; i++)
        {
            p[(i * n) + 5] = p[(i * n) + 2]; // column 5 duplicates column 2
        }

        int[] rows = [0, 2, 3, 5];
        using var lu = new PrefixLu(k, n);
        lu.Load(p, n, rows);
        int[] columns = new int[k];
        Combinations.First(columns);
        double[] z = new double[k], fresh = new double[k], matrix = new double[k * k];
        int unchanged = 0, singular = 0;
        do
        {
            double condition = lu.SolveOnes(columns, unchanged, z);
            double freshCondition = Fresh(p, n, rows, columns, matrix, fresh);
            bool both = Array.IndexOf(columns, 2) >= 0 && Array.IndexOf(columns, 5) >= 0;
            Assert.Equal(both, condition > SupportEnumerationTolerances.SingularCondition);
            Assert.Equal(both, freshCondition > SupportEnumerationTolerances.SingularCondition);
            singular += both ? 1 : 0;
        }
        while ((unchanged = Combinations.Advance(columns, n)) >= 0);
        Assert.Equal(Combinations.Binomial(n - 2, k - 2), singular);
    }

    [Theory]
    [InlineData(5, 5, 21)]
    [InlineData(8, 8, 22)]
    [InlineData(10, 7, 23)]
    public void EarlyRejection_OnlyWhereTheFullCheckRejects(int m, int n, int seed)
    {
        var random = new System.Random(seed);
        double[] p = RandomPayoffs(random, m, n);
        int stoppedEarly = 0;
        for (int k = 1; k <= Math.Min(m, n); k++)
        {
            int[] rows = RandomSubset(random, m, k);
            using var lu = new PrefixLu(k, n);
            lu.Load(p, n, rows);
            int[] columns = new int[k];
            Combinations.First(columns);
            double[] z = new double[k], full = new double[k], matrix = new double[k * k];
            int unchanged = 0;
            do
            {
                lu.SolveOnes(columns, unchanged, z, earlyReject: true, out bool rejected);
                if (rejected)
                {
                    stoppedEarly++;

                    // The full computation must reject too: sum not positive, or some weight below −band.
                    double condition = Fresh(p, n, rows, columns, matrix, full);
                    double sum = full.Sum();
                    double band = SupportEnumerationTolerances.Band(k, condition);
                    Assert.True(!(sum > 0) || full.Min() / sum < -band, $"k={k}: early rejection of weights the full check keeps");
                }
            }
            while ((unchanged = Combinations.Advance(columns, n)) >= 0);
        }

        Assert.True(stoppedEarly > 0, "the shortcut never fired, so this test proves nothing");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 1)]
    [InlineData(5, 5)]
    [InlineData(9, 4)]
    [InlineData(12, 6)]
    public void Advance_VisitsEverySubsetOnce_AndReportsTheFirstChange(int n, int k)
    {
        int[] subset = new int[k];
        Combinations.First(subset);
        var seen = new HashSet<long>();
        int[] previous = (int[])subset.Clone();
        int changed;
        do
        {
            long mask = 0;
            for (int t = 0; t < k; t++)
            {
                Assert.InRange(subset[t], 0, n - 1);
                Assert.True(t == 0 || subset[t] > subset[t - 1], "subset not strictly ascending");
                mask |= 1L << subset[t];
            }

            Assert.True(seen.Add(mask), "subset visited twice");
            previous = (int[])subset.Clone();
            changed = Combinations.Advance(subset, n);
            if (changed >= 0)
            {
                Assert.Equal(previous.AsSpan(0, changed).ToArray(), subset.AsSpan(0, changed).ToArray());
                Assert.NotEqual(previous[changed], subset[changed]);
            }
        }
        while (changed >= 0);

        Assert.Equal(previous, subset); // the last subset is left in place
        Assert.Equal(Combinations.Binomial(n, k), seen.Count);
    }

    private static double Fresh(double[] p, int n, int[] rows, int[] columns, double[] matrix, double[] z)
    {
        int k = rows.Length;
        for (int r = 0; r < k; r++)
        {
            for (int c = 0; c < k; c++)
            {
                matrix[(r * k) + c] = p[(rows[r] * n) + columns[c]];
            }
        }

        return DenseLu.SolveOnes(matrix, k, z);
    }

    private static void AssertClose(double expected, double actual, double relative)
    {
        double scale = Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= relative * scale, $"expected {expected:R}, got {actual:R}");
    }

    private static double[] RandomPayoffs(System.Random random, int m, int n)
    {
        var p = new double[m * n];
        for (int t = 0; t < p.Length; t++)
        {
            p[t] = 1 + random.NextDouble(); // the normalised range of support enumeration
        }

        return p;
    }

    private static int[] RandomSubset(System.Random random, int n, int k)
    {
        int[] all = Enumerable.Range(0, n).ToArray();
        random.Shuffle(all);
        int[] subset = all[..k];
        Array.Sort(subset);
        return subset;
    }
}
