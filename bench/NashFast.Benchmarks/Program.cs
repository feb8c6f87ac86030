using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NashFast.Benchmarks;

/// <summary>
/// Runs the suites selected on the command line under the house config (<see cref="HouseConfig"/>).
/// Our switches: <c>--dry</c> (CI smoke run), <c>--isa-jobs</c>, <c>--kernel-jobs</c>, <c>--selftest</c>; everything
/// else is BenchmarkDotNet's (<c>--filter</c>, <c>--artifacts</c>, <c>--list flat</c>, ...).
/// </summary>
public static class Program
{
    /// <summary>Entry point: 0 when every selected benchmark ran, 1 when any failed (or none ran), 2 on bad switches.</summary>
    public static int Main(string[] args) => Run(args, Console.Out);

    /// <summary>Runs as <see cref="Main"/> does and writes the final "N passed, N failed" line to <paramref name="output"/>.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            output.WriteLine($"error: {e.Message}");
            return 2;
        }

        if (options.Jobs == JobSet.Dry)
        {
            // Before BenchmarkDotNet evaluates [ParamsSource], so BenchParams hands out the small sizes.
            Environment.SetEnvironmentVariable(BenchParams.DryVariable, "1");
        }

        Type[] suites = SuiteTypes(options.SelfTest);
        var config = new HouseConfig(options.Jobs);
        IEnumerable<Summary> summaries = BenchmarkSwitcher.FromTypes(suites).Run([.. options.BenchmarkDotNetArgs], config);
        if (IsInformational(options.BenchmarkDotNetArgs))
        {
            return 0;
        }

        RunOutcome outcome = RunOutcome.From(summaries);
        output.WriteLine(outcome.ToString());
        return outcome.Success ? 0 : 1;
    }

    /// <summary>The benchmark classes of this assembly: the self-test ones with <c>--selftest</c>, the others without.</summary>
    public static Type[] SuiteTypes(bool selfTest)
    {
        var types = new List<Type>();
        foreach (Type t in typeof(Program).Assembly.GetExportedTypes())
        {
            if (t.IsClass && !t.IsAbstract && HasBenchmarks(t) && (t.GetCustomAttribute<SelfTestAttribute>() is not null) == selfTest)
            {
                types.Add(t);
            }
        }

        return [.. types];
    }

    private static bool HasBenchmarks(Type t)
    {
        foreach (MethodInfo m in t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (m.GetCustomAttribute<BenchmarkAttribute>() is not null)
            {
                return true;
            }
        }

        return false;
    }

    // --list, --help and --version run nothing; they are not failures.
    private static bool IsInformational(IReadOnlyList<string> args)
    {
        foreach (string a in args)
        {
            if (a is "--list" or "--help" or "-h" or "--version" or "--info")
            {
                return true;
            }
        }

        return false;
    }
}
