using NashFast.Games;
using NashFast.Random;
using NashFast.TwoByTwo;
using Parquet;
using Parquet.Schema;

namespace NashFast.Cli.Commands;

/// <summary>
/// <c>montecarlo --per-game FILE.parquet</c>: one row per game of the shard (columns game, equilibria, pure, degenerate,
/// completelyMixed, p, q; p and q NaN without a completely mixed equilibrium), for pandas/polars. A second pass that
/// regenerates the same games (they are a pure function of seed and index) in row groups of 1M, so the statistics run
/// stays fused; Parquet.Net loads only when asked. 2×2 games through the batch solver, m×n through NashSolver.
/// </summary>
internal static class PerGameParquet
{
    private const int RowGroup = 1 << 20;

    public static async Task WriteAsync(string path, IGameDistribution d, ulong seed, long start, long end, int rows, int columns, SolverMethod method, CancellationToken ct)
    {
        var schema = new ParquetSchema(
            new DataField<long>("game"), new DataField<int>("equilibria"), new DataField<int>("pure"),
            new DataField<bool>("degenerate"), new DataField<bool>("completelyMixed"), new DataField<double>("p"), new DataField<double>("q"));
        await using FileStream fs = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, fs, cancellationToken: ct).ConfigureAwait(false);
        var game = new long[RowGroup];
        var eq = new int[RowGroup];
        var pure = new int[RowGroup];
        var degenerate = new bool[RowGroup];
        var mixed = new bool[RowGroup];
        var p = new double[RowGroup];
        var q = new double[RowGroup];
        for (long s = start; s < end; s += RowGroup)
        {
            ct.ThrowIfCancellationRequested();
            int n = (int)Math.Min(RowGroup, end - s);
            if (rows == 2 && columns == 2 && method is SolverMethod.Auto or SolverMethod.TwoByTwo or SolverMethod.Pure)
            {
                Solve2x2(d, seed, s, n, eq, pure, degenerate, mixed, p, q);
            }
            else
            {
                SolveMxN(d, seed, s, n, rows, columns, method, eq, pure, degenerate, mixed, p, q);
            }

            for (int k = 0; k < n; k++)
            {
                game[k] = s + k;
            }

            using ParquetRowGroupWriter rg = writer.CreateRowGroup();
            await rg.WriteAsync<long>((DataField)schema[0], game.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await rg.WriteAsync<int>((DataField)schema[1], eq.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await rg.WriteAsync<int>((DataField)schema[2], pure.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await rg.WriteAsync<bool>((DataField)schema[3], degenerate.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await rg.WriteAsync<bool>((DataField)schema[4], mixed.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await rg.WriteAsync<double>((DataField)schema[5], p.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await rg.WriteAsync<double>((DataField)schema[6], q.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
        }
    }

    private static void Solve2x2(IGameDistribution d, ulong seed, long first, int n, int[] eq, int[] pure, bool[] degenerate, bool[] mixed, double[] p, double[] q)
    {
        var c = new double[8][];
        for (int k = 0; k < 8; k++)
        {
            c[k] = new double[n];
        }

        d.Fill2x2(seed, first, new Payoffs2x2(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
        var mask = new byte[n];
        var count = new byte[n];
        var flags = new Solution2x2Flags[n];
        TwoByTwoSolver.Solve(new Games2x2<double>(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]), new Solutions2x2<double>(mask, count, flags, p.AsSpan(0, n), q.AsSpan(0, n)));
        for (int k = 0; k < n; k++)
        {
            eq[k] = count[k];
            pure[k] = System.Numerics.BitOperations.PopCount(mask[k]);
            degenerate[k] = (flags[k] & Solution2x2Flags.Degenerate) != 0;
            mixed[k] = (flags[k] & Solution2x2Flags.CompletelyMixed) != 0;
        }
    }

    private static void SolveMxN(IGameDistribution d, ulong seed, long first, int n, int rows, int columns, SolverMethod method,
                                 int[] eq, int[] pure, bool[] degenerate, bool[] mixed, double[] p, double[] q)
    {
        var options = new SolveOptions { Method = method, ExactResults = false }; // the columns are doubles
        for (int k = 0; k < n; k++)
        {
            SolveResult r = NashSolver.Solve(d.CreateGame(seed, first + k, rows, columns), options);
            eq[k] = r.Equilibria.Count;
            pure[k] = r.Equilibria.Count(e => e.RowSupportSize == 1 && e.ColumnSupportSize == 1);
            degenerate[k] = r.Degenerate;
            Equilibrium? full = r.Equilibria.FirstOrDefault(e => e.RowSupportSize == rows && e.ColumnSupportSize == columns);
            mixed[k] = full is not null && (rows > 1 || columns > 1);
            p[k] = mixed[k] ? full!.Row[0] : double.NaN;
            q[k] = mixed[k] ? full!.Column[0] : double.NaN;
        }
    }
}
