using CsCheck;
using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Tests.Enumeration;

public class SupportEnumerationPropertyTests
{
    [Fact]
    public void RandomContinuousGames_EqualTheReference_WithZeroRegretAndAnOddCount()
    {
        // Shapes up to 5×5 keep the exact reference quick; CsCheck shrinks a failure to the smallest game.
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 5], Gen.Int)
            .Sample(
                (m, n, seed) =>
                {
                    BimatrixGame game = TestGames.Continuous(m, n, seed, scale: 100, offset: -50);
                    SolveResult fast = SupportEnumeration.Solve(game, new SolveOptions { MaxDegreeOfParallelism = 2 });
                    SolveResult exact = ReferenceSolver.Solve(game);
                    if (exact.Degenerate)
                    {
                        return fast.Degenerate; // a tie on the 2^-24 grid: rare, and must then be flagged
                    }

                    TestGames.AssertSameSet(exact.Equilibria, fast.Equilibria, 1e-9, $"{m}x{n} seed {seed}");
                    foreach (Equilibrium e in fast.Equilibria)
                    {
                        if (TestGames.Regret(game, e) > 1e-9 * game.PayoffScale)
                        {
                            return false;
                        }
                    }

                    return fast.Complete && fast.Equilibria.Count % 2 == 1;
                },
                iter: 80);
    }
}
