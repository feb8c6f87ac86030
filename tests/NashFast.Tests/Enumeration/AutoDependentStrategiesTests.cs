using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// <c>auto</c> against the exact reference on games where one strategy depends on others (a copy, or the average of
/// two: a mixed strategy listed as a pure one) and the payoffs have many bits: the games on which support
/// enumeration's degeneracy signs can stay silent (found by differential fuzzing), so <c>auto</c>'s flag and set
/// must come from an exact method.
/// </summary>
public class AutoDependentStrategiesTests
{
    public static TheoryData<int> Seeds() => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Auto_EqualsTheReference_OnGamesWithADependentStrategy(int seed)
    {
        var rng = new System.Random(7_000 + seed);
        int degenerate = 0;
        for (int t = 0; t < 10; t++)
        {
            int m = rng.Next(3, 6), n = rng.Next(3, 6);
            BimatrixGame game = Draw(rng, m, n, kind: t % 4);
            SolveResult exact = ReferenceSolver.Solve(game);
            SolveResult auto = NashSolver.Solve(game);
            string what = $"seed {seed} game {t} ({m}x{n}, kind {t % 4})";
            Assert.True(auto.Complete, what);
            Assert.True(exact.Degenerate == auto.Degenerate, $"{what}: degenerate reference {exact.Degenerate}, auto {auto.Degenerate}");
            TestGames.AssertSameSet(exact.Equilibria, auto.Equilibria, 0, what);
            degenerate += exact.Degenerate ? 1 : 0;
        }

        // The draws must exercise what the test is about.
        Assert.True(degenerate >= 3, $"only {degenerate} degenerate games drawn");
    }

    /// <summary>
    /// Payoffs of 31 bits (even, so averages stay integral), a row of A copied (kind 0) or averaged (kind 1), a column
    /// of B copied (kind 2) or averaged (kind 3).
    /// </summary>
    private static BimatrixGame Draw(System.Random rng, int m, int n, int kind)
    {
        var a = new double[m * n];
        var b = new double[m * n];
        for (int k = 0; k < a.Length; k++)
        {
            a[k] = rng.Next(-1_000_000_000, 1_000_000_000) * 2.0;
            b[k] = rng.Next(-1_000_000_000, 1_000_000_000) * 2.0;
        }

        int r = rng.Next(m), c = rng.Next(n);
        for (int j = 0; j < n && kind < 2; j++)
        {
            int s = (r + 1) % m, u = (r + 2) % m;
            a[(r * n) + j] = kind == 0 ? a[(s * n) + j] : (a[(s * n) + j] + a[(u * n) + j]) / 2;
        }

        for (int i = 0; i < m && kind >= 2; i++)
        {
            int s = (c + 1) % n, u = (c + 2) % n;
            b[(i * n) + c] = kind == 2 ? b[(i * n) + s] : (b[(i * n) + s] + b[(i * n) + u]) / 2;
        }

        return BimatrixGame.FromRowMajor(m, n, a, b);
    }
}
