using NashFast.Games;
using NashFast.Reference;
using NashFast.TwoByTwo;

namespace NashFast.Tests.TwoByTwo;

public class ScalarAgainstReferenceTests
{
    // Every 2x2 game with payoffs in {0, 1, 2}: 3^8 = 6561 games, most of them degenerate, all ties covered.
    [Fact]
    public void EveryGameWithPayoffsZeroToTwo_ListsTheReferenceExtremeEquilibria()
    {
        Span<Equilibrium2x2<double>> eqs = stackalloc Equilibrium2x2<double>[TwoByTwoSolver.MaxEquilibria];
        int max = 0;
        for (int code = 0; code < 6561; code++)
        {
            var v = new double[8];
            int c = code;
            for (int t = 0; t < 8; t++)
            {
                v[t] = c % 3;
                c /= 3;
            }

            var game = new Game2x2<double>(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
            int count = TwoByTwoSolver.Solve(game, eqs);
            max = Math.Max(max, count);
            SolveResult exact = ReferenceSolver.Solve(BimatrixGame.FromRowMajor(2, 2, v.AsSpan(0, 4), v.AsSpan(4, 4)));
            Assert.True(exact.Equilibria.Count == count, $"game {string.Join(",", v)}: reference {exact.Equilibria.Count}, fast {count}");
            for (int k = 0; k < count; k++)
            {
                Equilibrium e = exact.Equilibria[k];
                Assert.Equal(e.Row[0], eqs[k].P, 12);
                Assert.Equal(e.Column[0], eqs[k].Q, 12);
                Assert.Equal(e.RowPayoff, eqs[k].RowPayoff, 12);
                Assert.Equal(e.ColumnPayoff, eqs[k].ColumnPayoff, 12);
            }

            var results = new Solution2x2<double>[1];
            TwoByTwoSolver.Solve([game], results);
            Assert.Equal(count, results[0].Count);
            Assert.Equal(exact.Degenerate, (results[0].Flags & Solution2x2Flags.Degenerate) != 0);
        }

        Assert.Equal(TwoByTwoSolver.MaxEquilibria, max);
    }
}
