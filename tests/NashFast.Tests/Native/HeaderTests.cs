using System.Globalization;
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

    // `NAME = value` inside enums and `#define NAME value` lines of the header.
    private static Dictionary<string, int> ReadHeader()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "include", "nashfast.h")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new FileNotFoundException("include/nashfast.h not found above the test directory");
        }

        string text = File.ReadAllText(Path.Combine(dir, "include", "nashfast.h"));
        var values = new Dictionary<string, int>();
        foreach (Match m in Definition().Matches(text))
        {
            values[m.Groups[1].Value] = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        return values;
    }

    [GeneratedRegex(@"(?:#define\s+|^\s*)(NF_[A-Z0-9_]+)\s*=?\s*(-?\d+)\b", RegexOptions.Multiline)]
    private static partial Regex Definition();
}
