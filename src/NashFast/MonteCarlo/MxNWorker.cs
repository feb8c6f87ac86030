using CommunityToolkit.HighPerformance;
using NashFast.Enumeration;
using NashFast.Games;
using NashFast.Random;

namespace NashFast.MonteCarlo;

/// <summary>
/// One worker of the m×n runner: draws each game of its blocks and solves it with <see cref="NashSolver"/> (or, for
/// <see cref="SolverMethod.Pure"/>, counts its pure equilibria without allocating).
/// </summary>
internal sealed class MxNWorker
{
    private readonly int _rows, _columns;
    private readonly double[] _a, _b;
    private readonly PureCell[] _cells;
    private readonly SolveOptions _options;

    public MxNWorker(int rows, int columns, SolverMethod method, int bins, CancellationToken cancellationToken)
    {
        _rows = rows;
        _columns = columns;
        _a = new double[rows * columns];
        _b = new double[rows * columns];
        _cells = new PureCell[rows * columns];
        _options = new SolveOptions { Method = method, CancellationToken = cancellationToken, ExactResults = false }; // statistics of the doubles
        Statistics = new Accumulator(bins);
    }

    public Accumulator Statistics { get; }

    public void Run(IGameDistribution distribution, ulong seed, long start, long end, bool pureOnly)
    {
        Accumulator acc = Statistics;
        var streamed = distribution as IStreamedDistribution;
        int words = 2 * _a.Length, perBlock = GameStream.GamesPerBlock(words);
        GameStream stream = default;
        for (long g = start; g < end; g++)
        {
            if (streamed is null)
            {
                distribution.Fill(seed, g, _a, _b);
            }
            else
            {
                // A built-in distribution: the next game's words follow this one's within a block.
                if (g == start || g % perBlock == 0)
                {
                    stream = GameStream.Open(seed, g, words);
                }

                streamed.FillFrom(ref stream, _a, _b);
            }

            acc.Games++;
            if (!AllFinite(_a) || !AllFinite(_b))
            {
                acc.InvalidGames++;
                continue;
            }

            if (pureOnly)
            {
                // The library's allocation-free pure-equilibrium kernel, on this worker's buffers.
                int pure = PureEquilibria.Find(new ReadOnlySpan2D<double>(_a, _rows, _columns), new ReadOnlySpan2D<double>(_b, _rows, _columns), _cells);
                double rs = 0, cs = 0;
                for (int k = 0; k < pure; k++)
                {
                    int cell = (_cells[k].Row * _columns) + _cells[k].Column;
                    rs += _a[cell];
                    cs += _b[cell];
                }

                acc.AddPureCount(pure);
                acc.RowPayoffSum += FixedPoint.ToFixed(rs);
                acc.ColumnPayoffSum += FixedPoint.ToFixed(cs);
                continue;
            }

            SolveResult r = NashSolver.Solve(BimatrixGame.FromRowMajor(_rows, _columns, _a, _b), _options);
            int pureCount = 0;
            bool mixed = false;
            double row = 0, column = 0;
            foreach (Equilibrium e in r.Equilibria)
            {
                int rs = e.RowSupportSize, cs = e.ColumnSupportSize;
                pureCount += rs == 1 && cs == 1 ? 1 : 0;
                acc.Supports[(rs, cs)] = acc.Supports.GetValueOrDefault((rs, cs)) + 1;
                row += e.RowPayoff;
                column += e.ColumnPayoff;
                if (rs == _rows && cs == _columns && !mixed && (_rows > 1 || _columns > 1))
                {
                    mixed = true;
                    acc.AddMixed(e.Row[0], e.Column[0]);
                }
            }

            acc.AddEquilibriaCount(r.Equilibria.Count);
            acc.AddPureCount(pureCount);
            acc.DegenerateGames += r.Degenerate ? 1 : 0;
            acc.IncompleteGames += r.Complete ? 0 : 1;
            acc.CompletelyMixedGames += mixed ? 1 : 0;
            acc.RowPayoffSum += FixedPoint.ToFixed(row);
            acc.ColumnPayoffSum += FixedPoint.ToFixed(column);
        }
    }

    private static bool AllFinite(double[] x)
    {
        foreach (double v in x)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
