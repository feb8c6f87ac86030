using System.Globalization;
using NashFast;
using NashFast.Games;
using NashFast.MonteCarlo;
using NashFast.Native;
using NashFast.Random;
using NashFast.TwoByTwo;

// Usage: NashFast.NativeCheck FILE. Lines of FILE (written by examples/c/nashfast_example.c --dump):
//   B2 a00 a01 a10 a11 b00 b01 b10 b11 mask count flags p q rowPayoff columnPayoff
//   G m n method a[m*n] b[m*n] returned infoCount infoMethod degenerate complete equilibria[returned*(m+n+2)]
//   MC kind lo hi rho seed games threads counts[57] meanEquilibria meanPure meanRowPayoff meanColumnPayoff
// Prints one line per check and "N passed, N failed"; exits 1 on a mismatch.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: NashFast.NativeCheck FILE");
    return 2;
}

var batch = new List<double[]>();
var games = new List<double[]>();
var montecarlo = new List<string[]>();
foreach (string line in File.ReadLines(args[0]))
{
    string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (parts.Length == 0)
    {
        continue;
    }

    if (parts[0] == "MC")
    {
        montecarlo.Add(parts[1..]);
        continue;
    }

    double[] values = Array.ConvertAll(parts[1..], s => double.Parse(s, CultureInfo.InvariantCulture));
    (parts[0] == "B2" ? batch : games).Add(values);
}

int passed = 0, failed = 0;
Report(CrossCheck.Batch(batch), $"2x2 batch: {batch.Count} games, managed TwoByTwoSolver equals libnashfast.so");
Report(CrossCheck.Games(games), $"m x n games: {games.Count} solves, managed NashSolver equals libnashfast.so");
Report(CrossCheck.MonteCarlo(montecarlo), $"Monte Carlo: {montecarlo.Count} nf_montecarlo2x2 summaries equal MonteCarloRunner.Run");
Report(batch.Count >= 1000 && games.Count >= 50 && montecarlo.Count >= 4 ? [] : ["too few games in the file"], "the file holds the whole fixed game list");
Console.WriteLine($"{passed} passed, {failed} failed");
return failed == 0 ? 0 : 1;

void Report(List<string> mismatches, string what)
{
    if (mismatches.Count == 0)
    {
        passed++;
        Console.WriteLine($"PASS {what}");
        return;
    }

    failed++;
    Console.WriteLine($"FAIL {what}: {mismatches.Count} mismatches");
    foreach (string m in mismatches.Take(10))
    {
        Console.WriteLine($"     {m}");
    }
}

/// <summary>The comparisons, one per kind of line.</summary>
internal static unsafe class CrossCheck
{
    // Same code compiled by the JIT and by Native AOT: identical up to instruction choice (vector width, FMA
    // where a kernel asks for it), so a few ulps relative; 1e-12 is thousands of ulps and far below any real bug.
    private const double RelativeTolerance = 1e-12;

    public static List<string> Batch(List<double[]> lines)
    {
        int n = lines.Count;
        var inputs = new double[8][];
        for (int e = 0; e < 8; e++)
        {
            inputs[e] = new double[n];
            for (int k = 0; k < n; k++)
            {
                inputs[e][k] = lines[k][e];
            }
        }

        var mask = new byte[n];
        var count = new byte[n];
        var flags = new Solution2x2Flags[n];
        double[] p = new double[n], q = new double[n], u = new double[n], v = new double[n];
        TwoByTwoSolver.Solve(
            new Games2x2<double>(inputs[0], inputs[1], inputs[2], inputs[3], inputs[4], inputs[5], inputs[6], inputs[7]),
            new Solutions2x2<double>(mask, count, flags, p, q, u, v));

        var mismatches = new List<string>();
        for (int k = 0; k < n; k++)
        {
            double[] l = lines[k];
            bool same = mask[k] == l[8] && count[k] == l[9] && (byte)flags[k] == l[10] &&
                        Close(p[k], l[11]) && Close(q[k], l[12]) && Close(u[k], l[13]) && Close(v[k], l[14]);
            if (!same)
            {
                mismatches.Add(FormattableString.Invariant(
                    $"game {k}: native mask {l[8]} count {l[9]} flags {l[10]} p {l[11]:R} q {l[12]:R}; managed {mask[k]} {count[k]} {(byte)flags[k]} {p[k]:R} {q[k]:R}"));
            }
        }

        return mismatches;
    }

    public static List<string> Games(List<double[]> lines)
    {
        var mismatches = new List<string>();
        for (int g = 0; g < lines.Count; g++)
        {
            double[] l = lines[g];
            int m = (int)l[0], n = (int)l[1], method = (int)l[2], entries = m * n;
            ReadOnlySpan<double> a = l.AsSpan(3, entries), b = l.AsSpan(3 + entries, entries);
            int at = 3 + (2 * entries);
            int returned = (int)l[at], infoCount = (int)l[at + 1], infoMethod = (int)l[at + 2];
            bool degenerate = l[at + 3] == 1, complete = l[at + 4] == 1;
            ReadOnlySpan<double> native = l.AsSpan(at + 5);

            MethodCodes.TryFromCode(method, out SolverMethod solverMethod);
            SolveResult r = NashSolver.Solve(BimatrixGame.FromRowMajor(m, n, a, b), new SolveOptions { Method = solverMethod });
            string where = $"game {g} ({m}x{n}, method {method})";
            if (returned != r.Equilibria.Count || infoCount != r.Equilibria.Count || infoMethod != MethodCodes.ToCode(r.Method) ||
                degenerate != r.Degenerate || complete != r.Complete || native.Length != returned * (m + n + 2))
            {
                mismatches.Add($"{where}: native returned {returned} (info {infoCount}, method {infoMethod}, degenerate {degenerate}, complete {complete}); " +
                               $"managed {r.Equilibria.Count} ({MethodCodes.ToCode(r.Method)}, {r.Degenerate}, {r.Complete})");
                continue;
            }

            for (int k = 0; k < returned; k++)
            {
                Equilibrium e = r.Equilibria[k];
                ReadOnlySpan<double> x = native.Slice(k * (m + n + 2), m + n + 2);
                bool same = Close(e.RowPayoff, x[m + n]) && Close(e.ColumnPayoff, x[m + n + 1]);
                for (int i = 0; i < m; i++)
                {
                    same &= Close(e.Row[i], x[i]);
                }

                for (int j = 0; j < n; j++)
                {
                    same &= Close(e.Column[j], x[m + j]);
                }

                if (!same)
                {
                    mismatches.Add($"{where}: equilibrium {k} differs");
                }
            }
        }

        return mismatches;
    }

    // The 57 int64 fields of nf_mc_summary in header order, from a managed summary (the export's own conversion).
    private static long[] Counts(McSummary s)
    {
        var c = new long[57];
        new ReadOnlySpan<long>(&s, 57).CopyTo(c);
        return c;
    }

    public static List<string> MonteCarlo(List<string[]> lines)
    {
        var mismatches = new List<string>();
        foreach (string[] l in lines)
        {
            int kind = int.Parse(l[0], CultureInfo.InvariantCulture), lo = int.Parse(l[1], CultureInfo.InvariantCulture);
            int hi = int.Parse(l[2], CultureInfo.InvariantCulture);
            double rho = double.Parse(l[3], CultureInfo.InvariantCulture);
            ulong seed = ulong.Parse(l[4], CultureInfo.InvariantCulture);
            long n = long.Parse(l[5], CultureInfo.InvariantCulture);
            IGameDistribution distribution = kind switch
            {
                McDistribution.KindUniform => UniformDistribution.Instance,
                McDistribution.KindNormal => NormalDistribution.Instance,
                McDistribution.KindInteger => new IntegerDistribution(lo, hi),
                _ => new CovariantDistribution(rho),
            };
            MonteCarloSummary managed = MonteCarloRunner.Run(new MonteCarloOptions
            {
                Distribution = distribution, Seed = seed, Games = n, Bins = McSummary.ProbabilityBins,
            });
            McSummary expected = Exports.ToNative(managed);
            long[] want = Counts(expected);
            string where = $"Monte Carlo {distribution.Name} seed {seed} games {n}";

            // Every count is an integer decided by comparisons and bins: the JIT and the AOT build must agree exactly.
            for (int k = 0; k < 57; k++)
            {
                long got = long.Parse(l[7 + k], CultureInfo.InvariantCulture);
                if (got != want[k])
                {
                    mismatches.Add($"{where}: int64 field {k} is {got} native, {want[k]} managed");
                }
            }

            double[] means = [expected.MeanEquilibria, expected.MeanPureEquilibria, expected.MeanRowPayoff, expected.MeanColumnPayoff];
            for (int k = 0; k < 4; k++)
            {
                double got = double.Parse(l[64 + k], CultureInfo.InvariantCulture);
                if (!Close(means[k], got))
                {
                    mismatches.Add(FormattableString.Invariant($"{where}: mean {k} is {got:R} native, {means[k]:R} managed"));
                }
            }
        }

        return mismatches;
    }

    private static bool Close(double managed, double native) =>
        managed.Equals(native) || Math.Abs(managed - native) <= RelativeTolerance * Math.Max(Math.Abs(managed), Math.Abs(native));
}
