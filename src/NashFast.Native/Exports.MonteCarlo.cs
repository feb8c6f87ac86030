using System.Globalization;
using System.Runtime.InteropServices;
using NashFast.MonteCarlo;
using NashFast.Random;

namespace NashFast.Native;

public static unsafe partial class Exports
{
    /// <summary>Largest thread count <c>nf_montecarlo2x2</c> accepts: a guard against a garbage value starting thousands of threads.</summary>
    public const int MaxMonteCarloThreads = 1024;

    /// <summary>
    /// Largest number of games <c>nf_montecarlo2x2</c> accepts (2^62): far beyond any run that could finish, and small
    /// enough that the runner's block arithmetic cannot overflow.
    /// </summary>
    public const long MaxMonteCarloGames = 1L << 62;

    /// <summary>
    /// <c>nf_montecarlo2x2</c>: a fused Monte Carlo run over <paramref name="games"/> random 2×2 games — game <c>g</c> drawn
    /// from (<paramref name="seed"/>, g) by <paramref name="distribution"/> and solved by the closed form — summarised in
    /// <paramref name="summary"/>. The statistics equal <see cref="MonteCarloRunner.Run"/>'s with the same options, for
    /// any thread count.
    /// </summary>
    /// <returns>
    /// <c>NF_OK</c>; <c>NF_E_NULL</c> (distribution or summary NULL), <c>NF_E_SIZE</c> (games &lt; 0 or &gt; 2^62) or
    /// <c>NF_E_ARGUMENT</c> (bad distribution code or parameters, threads out of range); nothing written on failure.
    /// </returns>
    [UnmanagedCallersOnly(EntryPoint = "nf_montecarlo2x2")]
    public static int MonteCarlo2x2(long games, ulong seed, McDistribution* distribution, int threads, McSummary* summary)
    {
        const string function = "nf_montecarlo2x2";
#pragma warning disable CA1031 // The C boundary: every exception must become a status code, whatever its type.
        try
        {
            int status = ValidateMonteCarlo(games, distribution, threads, summary, out IGameDistribution? dist);
            if (status != NativeStatus.Ok)
            {
                return status;
            }

            MonteCarloSummary s = MonteCarloRunner.Run(new MonteCarloOptions
            {
                Rows = 2,
                Columns = 2,
                Distribution = dist!,
                Seed = seed,
                Games = games,
                Threads = threads,
                Bins = McSummary.ProbabilityBins,
            });

            // Filled in a local first, so the caller's struct is written whole or (on an exception) not at all.
            McSummary result = ToNative(s);
            *summary = result;
            LastError.Clear();
            return NativeStatus.Ok;
        }
        catch (Exception e)
        {
            return FromException(function, e);
        }
#pragma warning restore CA1031
    }

    /// <summary>The C summary of a managed 2×2 run (histogram keys of 5 or more fall into the last bin).</summary>
    internal static McSummary ToNative(MonteCarloSummary s)
    {
        var r = new McSummary
        {
            Games = s.Games,
            InvalidGames = s.InvalidGames,
            DegenerateGames = s.DegenerateGames ?? 0,
            CompletelyMixedGames = s.CompletelyMixedGames ?? 0,
            Equilibria = s.Equilibria ?? 0,
            PureEquilibria = s.PureEquilibria,
            MeanEquilibria = s.MeanEquilibria,
            MeanPureEquilibria = s.MeanPureEquilibria,
            MeanRowPayoff = s.MeanRowPayoff,
            MeanColumnPayoff = s.MeanColumnPayoff,
            ElapsedSeconds = s.ElapsedSeconds,
            GamesPerSecond = s.GamesPerSecond,
        };
        foreach (KeyValuePair<int, long> kv in s.EquilibriaHistogram)
        {
            r.EquilibriaHistogram[Math.Min(kv.Key, McSummary.EquilibriaBins - 1)] += kv.Value;
        }

        foreach (KeyValuePair<int, long> kv in s.PureHistogram)
        {
            // A 2x2 game has four pure profiles: a key above 4 would be a bug of the runner.
            if (kv.Key >= McSummary.PureBins)
            {
                throw new InvalidOperationException($"the runner reported a 2x2 game with {kv.Key} pure equilibria.");
            }

            r.PureHistogram[kv.Key] += kv.Value;
        }

        for (int k = 0; k < McSummary.ProbabilityBins; k++)
        {
            r.PHistogram[k] = s.PHistogram[k];
            r.QHistogram[k] = s.QHistogram[k];
        }

        return r;
    }

    private static int ValidateMonteCarlo(long games, McDistribution* distribution, int threads, McSummary* summary, out IGameDistribution? dist)
    {
        const string function = "nf_montecarlo2x2";
        dist = null;
        if (summary == null)
        {
            return Fail(NativeStatus.Null, $"{function}: 'summary' is NULL; it must point to an nf_mc_summary to fill.");
        }

        if (distribution == null)
        {
            return Fail(NativeStatus.Null, $"{function}: 'dist' is NULL; it must point to an nf_mc_distribution (kind NF_DIST_*).");
        }

        if (games < 0 || games > MaxMonteCarloGames)
        {
            return Fail(NativeStatus.Size, $"{function}: games is {games}; the number of games must be >= 0 and <= 2^62.");
        }

        if (threads < 0 || threads > MaxMonteCarloThreads)
        {
            return Fail(NativeStatus.Argument, $"{function}: threads is {threads}; pass 0 (one per core) or 1 to {MaxMonteCarloThreads}.");
        }

        McDistribution d = *distribution;
        if (d.Reserved != 0)
        {
            return Fail(NativeStatus.Argument, $"{function}: dist->reserved is {d.Reserved}; it must be 0.");
        }

        switch (d.Kind)
        {
            case McDistribution.KindUniform:
                dist = UniformDistribution.Instance;
                break;
            case McDistribution.KindNormal:
                dist = NormalDistribution.Instance;
                break;
            case McDistribution.KindInteger:
                if (d.High < d.Low)
                {
                    return Fail(NativeStatus.Argument, $"{function}: dist->lo is {d.Low} and dist->hi is {d.High}; the integer range is empty (need lo <= hi).");
                }

                dist = new IntegerDistribution(d.Low, d.High);
                break;
            case McDistribution.KindCovariant:
                if (!(d.Rho >= -1 && d.Rho <= 1))
                {
                    return Fail(NativeStatus.Argument,
                        $"{function}: dist->rho is {d.Rho.ToString("R", CultureInfo.InvariantCulture)}; the correlation must lie in [-1, 1].");
                }

                dist = new CovariantDistribution(d.Rho);
                break;
            default:
                return Fail(NativeStatus.Argument, $"{function}: unknown distribution kind {d.Kind}; use one of NF_DIST_* (0 to 3).");
        }

        return NativeStatus.Ok;
    }
}
