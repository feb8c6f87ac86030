using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using NashFast.Games;
using NashFast.Native;
using NashFast.TwoByTwo;

namespace NashFast.Tests.Native;

/// <summary>include/nashfast.h and the exports must agree on every number of the ABI.</summary>
public partial class HeaderTests
{
    private static readonly Dictionary<string, int> _header = ReadHeader();

    [Theory]
    [InlineData("NF_OK", NativeStatus.Ok)]
    [InlineData("NF_E_NULL", NativeStatus.Null)]
    [InlineData("NF_E_SIZE", NativeStatus.Size)]
    [InlineData("NF_E_CAPACITY", NativeStatus.Capacity)]
    [InlineData("NF_E_NAN", NativeStatus.NaN)]
    [InlineData("NF_E_METHOD", NativeStatus.Method)]
    [InlineData("NF_E_UNSUPPORTED", NativeStatus.Unsupported)]
    [InlineData("NF_E_NOMEM", NativeStatus.NoMemory)]
    [InlineData("NF_E_ARGUMENT", NativeStatus.Argument)]
    [InlineData("NF_E_INTERNAL", NativeStatus.Internal)]
    [InlineData("NF_ABI_VERSION", Exports.AbiVersion)]
    public void StatusCodesAndAbiVersion_MatchTheHeader(string name, int value) => Assert.Equal(value, _header[name]);

    [Theory]
    [InlineData("NF_FLAG_DEGENERATE", Solution2x2Flags.Degenerate)]
    [InlineData("NF_FLAG_COMPLETELY_MIXED", Solution2x2Flags.CompletelyMixed)]
    [InlineData("NF_FLAG_INVALID", Solution2x2Flags.Invalid)]
    public void FlagBits_MatchTheManagedFlags(string name, Solution2x2Flags flag) => Assert.Equal((int)flag, _header[name]);

    [Theory]
    [InlineData("NF_METHOD_AUTO", SolverMethod.Auto)]
    [InlineData("NF_METHOD_2X2", SolverMethod.TwoByTwo)]
    [InlineData("NF_METHOD_PURE", SolverMethod.Pure)]
    [InlineData("NF_METHOD_SUPPORT", SolverMethod.SupportEnumeration)]
    [InlineData("NF_METHOD_VERTEX", SolverMethod.VertexEnumeration)]
    [InlineData("NF_METHOD_LEMKE_HOWSON", SolverMethod.LemkeHowson)]
    [InlineData("NF_METHOD_REFERENCE", SolverMethod.Reference)]
    public void MethodCodes_MatchTheHeaderBothWays(string name, SolverMethod method)
    {
        Assert.Equal(_header[name], MethodCodes.ToCode(method));
        Assert.True(MethodCodes.TryFromCode(_header[name], out SolverMethod back));
        Assert.Equal(method, back);
    }

    [Fact]
    public void EveryManagedMethod_HasACode_AndUnknownCodesAreRefused()
    {
        foreach (SolverMethod m in Enum.GetValues<SolverMethod>())
        {
            Assert.True(MethodCodes.ToCode(m) >= 0, $"{m} has no NF_METHOD_* code");
        }

        Assert.False(MethodCodes.TryFromCode(-1, out _));
        Assert.False(MethodCodes.TryFromCode(7, out _));
        Assert.False(MethodCodes.TryFromCode(int.MinValue, out _));
    }

    [Fact]
    public unsafe void GameInfo_IsFourInt32_AsTheHeaderSays() => Assert.Equal(16, sizeof(GameInfo));

    [Theory]
    [InlineData("NF_DIST_UNIFORM", McDistribution.KindUniform)]
    [InlineData("NF_DIST_NORMAL", McDistribution.KindNormal)]
    [InlineData("NF_DIST_INTEGER", McDistribution.KindInteger)]
    [InlineData("NF_DIST_COVARIANT", McDistribution.KindCovariant)]
    [InlineData("NF_MC_EQUILIBRIA_BINS", McSummary.EquilibriaBins)]
    [InlineData("NF_MC_PURE_BINS", McSummary.PureBins)]
    [InlineData("NF_MC_PROBABILITY_BINS", McSummary.ProbabilityBins)]
    [InlineData("NF_MC_DISTRIBUTION_SIZE", 24)]
    [InlineData("NF_MC_SUMMARY_SIZE", 504)]
    public void MonteCarloNumbers_MatchTheHeader(string name, int value) => Assert.Equal(value, _header[name]);

    [Fact]
    public unsafe void MonteCarloStructs_HaveTheHeaderSizes_AndFieldOffsets()
    {
        Assert.Equal(_header["NF_MC_DISTRIBUTION_SIZE"], sizeof(McDistribution));
        Assert.Equal(_header["NF_MC_SUMMARY_SIZE"], sizeof(McSummary));
        Assert.Equal(16, (int)Marshal.OffsetOf<McDistribution>(nameof(McDistribution.Rho)));

        // int64 games .. pure_equilibria (6), the histograms (6 + 5 + 20 + 20), then the doubles.
        McSummary s = default;
        byte* at = (byte*)&s;
        Assert.Equal(6 * 8, (int)((byte*)s.EquilibriaHistogram - at));
        Assert.Equal((6 + 6) * 8, (int)((byte*)s.PureHistogram - at));
        Assert.Equal((6 + 6 + 5) * 8, (int)((byte*)s.PHistogram - at));
        Assert.Equal((6 + 6 + 5 + 20) * 8, (int)((byte*)s.QHistogram - at));
        Assert.Equal(57 * 8, (int)((byte*)&s.MeanEquilibria - at));
        Assert.Equal((57 + 5) * 8, (int)((byte*)&s.GamesPerSecond - at));
    }

    [Fact]
    public void MonteCarloSummary_FieldsAreDeclaredInTheHeaderInTheSameOrder()
    {
        string text = File.ReadAllText(HeaderPath());
        string body = text[text.IndexOf("typedef struct nf_mc_summary {", StringComparison.Ordinal)..];
        body = body[..body.IndexOf("} nf_mc_summary;", StringComparison.Ordinal)];
        string[] expected =
        [
            "games", "invalid_games", "degenerate_games", "completely_mixed_games", "equilibria", "pure_equilibria",
            "equilibria_hist", "pure_hist", "p_hist", "q_hist", "mean_equilibria", "mean_pure_equilibria",
            "mean_row_payoff", "mean_col_payoff", "elapsed_seconds", "games_per_second",
        ];
        var found = new List<string>();
        foreach (Match m in Field().Matches(body))
        {
            found.Add(m.Groups[1].Value);
        }

        Assert.Equal(expected, found);
    }

    [GeneratedRegex(@"^\s*(?:int64_t|double)\s+([a-z_]+)", RegexOptions.Multiline)]
    private static partial Regex Field();

    // `NAME = value` inside enums and `#define NAME value` lines of the header.
    private static Dictionary<string, int> ReadHeader()
    {
        string text = File.ReadAllText(HeaderPath());
        var values = new Dictionary<string, int>();
        foreach (Match m in Definition().Matches(text))
        {
            values[m.Groups[1].Value] = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        return values;
    }

    private static string HeaderPath()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "include", "nashfast.h")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new FileNotFoundException("include/nashfast.h not found above the test directory");
        }

        return Path.Combine(dir, "include", "nashfast.h");
    }

    [GeneratedRegex(@"(?:#define\s+|^\s*)(NF_[A-Z0-9_]+)\s*=?\s*(-?\d+)\b", RegexOptions.Multiline)]
    private static partial Regex Definition();
}
