using BenchmarkDotNet.Attributes;
using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Benchmarks;

/// <summary>
/// Pure-equilibrium enumeration (vectorised, O(mn)) against a naive scalar scan as the baseline. The exact
/// reference is far too slow to be a useful baseline here; GlobalSetup uses it to cross-check the small shapes, and
/// the naive scan to cross-check every game.
/// </summary>
[MemoryDiagnoser]
public class PureEquilibriaBenchmarks
{
    private BimatrixGame[] _games = [];
    private PureCell[] _cells = [];

    /// <summary>Game shape, m×n (an odd size included).</summary>
    [Params("4x4", "6x6", "8x8", "10x10", "12x12", "5x10", "10x5", "33x33")]
    public string Shape { get; set; } = "4x4";

    /// <summary>Games solved per invocation (the throughput column divides by the time).</summary>
    [Params(1000)]
    public int Games { get; set; } = 1000;

    /// <summary>Builds the games and throws unless the fast scan equals the naive one (and the reference, small shapes).</summary>
    [GlobalSetup]
    public void Setup()
    {
        (int m, int n) = BenchmarkGames.ParseShape(Shape);
        _games = new BimatrixGame[Games];
        _cells = new PureCell[m * n];
        var naive = new PureCell[m * n];
        for (int g = 0; g < Games; g++)
        {
            _games[g] = BenchmarkGames.Uniform(m, n, g);
            int fast = PureEquilibria.Find(_games[g], _cells);
            int slow = NaiveFind(_games[g], naive);
            if (fast != slow || !_cells.AsSpan(0, fast).SequenceEqual(naive.AsSpan(0, slow)))
            {
                throw new InvalidOperationException($"{Shape} game {g}: pure equilibria differ from the naive scan.");
            }

            if (g < 3 && m + n <= 12)
            {
                int exactPure = 0;
                foreach (Equilibrium e in ReferenceSolver.Solve(_games[g]).Equilibria)
                {
                    exactPure += e.RowSupportSize == 1 && e.ColumnSupportSize == 1 ? 1 : 0;
                }

                if (exactPure != fast)
                {
                    throw new InvalidOperationException($"{Shape} game {g}: {fast} pure equilibria, the reference has {exactPure}.");
                }
            }
        }
    }

    /// <summary>The naive scan: for every cell, compare with its whole column of A and row of B.</summary>
    [Benchmark(Baseline = true)]
    public int Naive()
    {
        int total = 0;
        foreach (BimatrixGame game in _games)
        {
            total += NaiveFind(game, _cells);
        }

        return total;
    }

    /// <summary>Column maxima of A and row maxima of B (TensorPrimitives), then a vectorised mark pass.</summary>
    [Benchmark]
    public int Vectorized()
    {
        int total = 0;
        foreach (BimatrixGame game in _games)
        {
            total += PureEquilibria.Find(game, _cells);
        }

        return total;
    }

    private static int NaiveFind(BimatrixGame game, PureCell[] cells)
    {
        int count = 0;
        for (int i = 0; i < game.Rows; i++)
        {
            for (int j = 0; j < game.Columns; j++)
            {
                bool best = true;
                for (int r = 0; r < game.Rows && best; r++)
                {
                    best = game.RowPayoff(r, j) <= game.RowPayoff(i, j);
                }

                for (int c = 0; c < game.Columns && best; c++)
                {
                    best = game.ColumnPayoff(i, c) <= game.ColumnPayoff(i, j);
                }

                if (best)
                {
                    cells[count++] = new PureCell(i, j);
                }
            }
        }

        return count;
    }
}
