using System.Globalization;

namespace NashFast.BenchCompare;

/// <summary>Command-line options of the comparer.</summary>
/// <param name="BaseFolder">Folder of the base run's <c>*-report-full.json</c> files.</param>
/// <param name="DiffFolder">Folder of the changed run's files.</param>
/// <param name="ThresholdPercent">Relative change below which a difference is not reported (percent).</param>
/// <param name="NoiseNanoseconds">Absolute change of the median below which a difference is noise (ns).</param>
/// <param name="Alpha">Significance level of the Mann–Whitney test.</param>
/// <param name="OutputFile">Also write the markdown report to this file, when given.</param>
public sealed record CompareOptions(string BaseFolder, string DiffFolder, double ThresholdPercent, double NoiseNanoseconds, double Alpha, string? OutputFile)
{
    /// <summary>Default relative threshold: 5%.</summary>
    public const double DefaultThresholdPercent = 5;

    /// <summary>Default noise floor: 0.5 ns (1.0 ns vs 1.1 ns is 10%, and still noise).</summary>
    public const double DefaultNoiseNanoseconds = 0.5;

    /// <summary>Default significance level.</summary>
    public const double DefaultAlpha = 0.001;

    /// <summary>The usage text.</summary>
    public const string Usage =
        """
        usage: NashFast.BenchCompare BASE_DIR DIFF_DIR [--threshold 5%] [--noise 0.5ns] [--alpha 0.001] [--out FILE.md]
          BASE_DIR, DIFF_DIR  folders holding BenchmarkDotNet *-report-full.json files (searched recursively)
          --threshold T       relative change to report, e.g. 5% (default 5%)
          --noise N           absolute change of the median that is always noise, e.g. 0.5ns, 2us (default 0.5ns)
          --alpha A           significance level of the Mann-Whitney test (default 0.001)
          --out FILE          also write the markdown report to FILE
        exit codes: 0 no regression, 1 at least one benchmark slower beyond the threshold, 2 bad input
        """;

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="BadInputException">Missing folders, an unknown option, or a value that does not parse.</exception>
    public static CompareOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var folders = new List<string>();
        double threshold = DefaultThresholdPercent;
        double noise = DefaultNoiseNanoseconds;
        double alpha = DefaultAlpha;
        string? output = null;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            switch (a)
            {
                case "--threshold":
                    threshold = ParsePercent(Value(args, ref i));
                    break;
                case "--noise":
                    noise = ParseTime(Value(args, ref i));
                    break;
                case "--alpha":
                    alpha = ParseNumber("--alpha", Value(args, ref i));
                    if (!(alpha > 0 && alpha < 1))
                    {
                        throw new BadInputException($"--alpha must be between 0 and 1, got {alpha.ToString(CultureInfo.InvariantCulture)}");
                    }

                    break;
                case "--out":
                    output = Value(args, ref i);
                    break;
                default:
                    if (a.StartsWith('-'))
                    {
                        throw new BadInputException($"unknown option {a}");
                    }

                    folders.Add(a);
                    break;
            }
        }

        if (folders.Count != 2)
        {
            throw new BadInputException($"expected two folders (base and diff), got {folders.Count}");
        }

        return new CompareOptions(folders[0], folders[1], threshold, noise, alpha, output);
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new BadInputException($"{args[i]} needs a value");
        }

        return args[++i];
    }

    private static double ParsePercent(string text)
    {
        double v = ParseNumber("--threshold", text.EndsWith('%') ? text[..^1] : text);
        if (!(v > 0 && v < 1000))
        {
            throw new BadInputException($"--threshold must be a positive percentage, got {text}");
        }

        return v;
    }

    private static double ParseTime(string text)
    {
        (string number, double scale) = text switch
        {
            _ when text.EndsWith("ns", StringComparison.Ordinal) => (text[..^2], 1.0),
            _ when text.EndsWith("us", StringComparison.Ordinal) => (text[..^2], 1e3),
            _ when text.EndsWith("μs", StringComparison.Ordinal) => (text[..^2], 1e3),
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 1e6),
            _ when text.EndsWith('s') => (text[..^1], 1e9),
            _ => (text, 1.0),
        };
        double v = ParseNumber("--noise", number) * scale;
        if (!(v >= 0) || double.IsInfinity(v))
        {
            throw new BadInputException($"--noise must be a non-negative time, got {text}");
        }

        return v;
    }

    private static double ParseNumber(string option, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
        {
            throw new BadInputException($"{option}: not a number: {text}");
        }

        return v;
    }
}
