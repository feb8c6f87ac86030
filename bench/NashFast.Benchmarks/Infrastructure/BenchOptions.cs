namespace NashFast.Benchmarks;

/// <summary>
/// The command-line switches of our own, taken out before the rest goes to BenchmarkDotNet:
/// <c>--isa-jobs</c>, <c>--kernel-jobs</c>, <c>--dry</c>, <c>--selftest</c>.
/// </summary>
public sealed class BenchOptions
{
    private static readonly string[] s_jobSwitches = ["--job", "-j", "--inProcess", "-i", "--runtimes", "-r", "--corerun"];

    private BenchOptions(JobSet jobs, bool selfTest, string[] rest)
    {
        Jobs = jobs;
        SelfTest = selfTest;
        BenchmarkDotNetArgs = rest;
    }

    /// <summary>The job set to run under.</summary>
    public JobSet Jobs { get; }

    /// <summary>True with <c>--selftest</c>: run only the infrastructure's own sample benchmarks (one of which must fail).</summary>
    public bool SelfTest { get; }

    /// <summary>The arguments left for BenchmarkDotNet (filters, artifacts path, job tweaks, ...).</summary>
    public IReadOnlyList<string> BenchmarkDotNetArgs { get; }

    /// <summary>Separates our switches from BenchmarkDotNet's.</summary>
    /// <exception cref="ArgumentException">Two job sets were asked for, or a job set together with a command-line job.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = new List<string>(args.Count);
        var sets = new List<(string Switch, JobSet Set)>();
        bool selfTest = false;
        bool commandLineJob = false;
        foreach (string a in args)
        {
            switch (a)
            {
                case "--isa-jobs":
                    sets.Add((a, JobSet.InstructionSets));
                    break;
                case "--kernel-jobs":
                    sets.Add((a, JobSet.Kernels));
                    break;
                case "--dry":
                    sets.Add((a, JobSet.Dry));
                    break;
                case "--selftest":
                    selfTest = true;
                    break;
                default:
                    commandLineJob |= Array.Exists(s_jobSwitches, s => string.Equals(s, a, StringComparison.OrdinalIgnoreCase));
                    rest.Add(a);
                    break;
            }
        }

        if (sets.Count > 1)
        {
            throw new ArgumentException($"Choose one of {sets[0].Switch} and {sets[1].Switch}.", nameof(args));
        }

        if (sets.Count == 1 && commandLineJob)
        {
            throw new ArgumentException(
                $"{sets[0].Switch} defines the jobs itself; drop --job/--inProcess/--runtimes or drop {sets[0].Switch}.", nameof(args));
        }

        JobSet jobs = sets.Count == 1 ? sets[0].Set : commandLineJob ? JobSet.CommandLine : JobSet.House;
        return new BenchOptions(jobs, selfTest, [.. rest]);
    }
}
