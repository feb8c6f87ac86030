using CommunityToolkit.HighPerformance;
using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Tests.Enumeration;

public class PureEquilibriaTests
{
    /// <summary>Shapes crossing every vector width (1…9 columns covers 256- and 128-bit bodies and tails).</summary>
    public static TheoryData<int, int, int, int> SmallIntegerGames()
    {
        var data = new TheoryData<int, int, int, int>();
        int seed = 1;
        foreach ((int m, int n) in new[] { (1, 1), (1, 5), (5, 1), (2, 3), (3, 2), (3, 3), (2, 7), (4, 4), (3, 9), (5, 5), (6, 2), (2, 9) })
        {
            foreach (int values in new[] { 2, 3, 5 })
            {
                data.Add(m, n, seed++, values);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SmallIntegerGames))]
    public void SmallIntegerGame_PureEquilibriaEqualTheReferencesPureOnes(int m, int n, int seed, int values)
    {
        BimatrixGame game = TestGames.SmallIntegers(m, n, seed, values);
        SolveResult exact = ReferenceSolver.Solve(game);
        var expected = new List<PureCell>();
        foreach (Equilibrium e in exact.Equilibria)
        {
            if (e.RowSupportSize == 1 && e.ColumnSupportSize == 1)
            {
                expected.Add(new PureCell(Array.IndexOf(e.Row, 1.0), Array.IndexOf(e.Column, 1.0)));
            }
        }

        Span<PureCell> cells = new PureCell[m * n];
        int count = PureEquilibria.Find(game, cells);
        Assert.Equal(expected, cells[..count].ToArray());

        SolveResult result = PureEquilibria.Solve(game);
        Assert.True(result.Complete);
        Assert.Equal(SolverMethod.Pure, result.Method);
        Assert.Equal(count, result.Equilibria.Count);
        if (result.Degenerate)
        {
            Assert.True(exact.Degenerate, "a pure best-response tie is a certain sign of degeneracy");
        }
    }

    [Fact]
    public void ConstantGame_EveryCellIsAnEquilibrium_AndShortDestinationGetsTheFirstOnes()
    {
        BimatrixGame game = BimatrixGame.FromRowMajor(3, 5, new double[15], new double[15]);
        Span<PureCell> few = new PureCell[4];
        Assert.Equal(15, PureEquilibria.Find(game, few));
        Assert.Equal([new PureCell(0, 0), new PureCell(0, 1), new PureCell(0, 2), new PureCell(0, 3)], few.ToArray());
        Assert.True(PureEquilibria.Solve(game).Degenerate);
    }

    [Fact]
    public void NegativeZeroAndZero_AreEqualPayoffs()
    {
        BimatrixGame game = BimatrixGame.FromRowMajor(2, 1, [-0.0, 0.0], [-1.0, -1.0]);
        Assert.Equal([new PureCell(0, 0), new PureCell(1, 0)], PureEquilibria.FindAll(game));
    }

    [Fact]
    public void SpanOverload_WithPitch_MatchesTheGame()
    {
        BimatrixGame game = TestGames.SmallIntegers(4, 7, 42, 3);
        double[] wideA = new double[4 * 10], wideB = new double[4 * 10];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 7; j++)
            {
                wideA[(i * 10) + j] = game.RowPayoff(i, j);
                wideB[(i * 10) + j] = game.ColumnPayoff(i, j);
            }
        }

        var a = new ReadOnlySpan2D<double>(wideA, 0, 4, 7, 3);
        var b = new ReadOnlySpan2D<double>(wideB, 0, 4, 7, 3);
        var viaSpans = new PureCell[28];
        int count = PureEquilibria.Find(a, b, viaSpans);
        Assert.Equal(PureEquilibria.FindAll(game), viaSpans[..count]);
    }

    [Fact]
    public void SpanOverload_RejectsBadInput()
    {
        var dest = new PureCell[4];
        var ex = Assert.Throws<ArgumentException>(() => PureEquilibria.Find(new ReadOnlySpan2D<double>(new double[4], 2, 2), new ReadOnlySpan2D<double>(new double[6], 2, 3), dest));
        Assert.Equal("b", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => PureEquilibria.Find(new ReadOnlySpan2D<double>([1, double.NaN, 0, 0], 2, 2), new ReadOnlySpan2D<double>(new double[4], 2, 2), dest));
        Assert.Contains("A[0, 1]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => PureEquilibria.Find(null!, dest));
    }

    [Fact]
    public void Find_DoesNotAllocate()
    {
        BimatrixGame game = TestGames.SmallIntegers(12, 13, 7, 3);
        var cells = new PureCell[12 * 13];
        PureEquilibria.Find(game, cells);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 100; t++)
        {
            PureEquilibria.Find(game, cells);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
