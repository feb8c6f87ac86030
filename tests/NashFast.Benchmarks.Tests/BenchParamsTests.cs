using NashFast.Benchmarks;

namespace NashFast.Benchmarks.Tests;

public sealed class BenchParamsTests : IDisposable
{
    public void Dispose() => Environment.SetEnvironmentVariable(BenchParams.DryVariable, null);

    [Theory]
    [InlineData(null, false)]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", false)]
    public void IsDry_ReadsTheEnvironmentSwitch(string? value, bool dry)
    {
        Environment.SetEnvironmentVariable(BenchParams.DryVariable, value);
        Assert.Equal(dry, BenchParams.IsDry);
        Assert.Equal(dry ? [5] : new[] { 5, 1_000_001 }, BenchParams.Pick(full: [5, 1_000_001], dry: [5]));
    }

    [Fact]
    public void UpTo_KeepsSmallValuesInDryMode_OrTheSmallestWhenNoneIsSmall()
    {
        Environment.SetEnvironmentVariable(BenchParams.DryVariable, "1");
        Assert.Equal([3, 101], BenchParams.UpTo([3, 101, 1_000_001], dryMax: 1000));
        Assert.Equal([5_001], BenchParams.UpTo([1_000_001, 5_001], dryMax: 1000));
        Environment.SetEnvironmentVariable(BenchParams.DryVariable, null);
        Assert.Equal([3, 101, 1_000_001], BenchParams.UpTo([3, 101, 1_000_001], dryMax: 1000));
    }

    [Fact]
    public void EmptyLists_AreRejectedByName()
    {
        Environment.SetEnvironmentVariable(BenchParams.DryVariable, "1");
        Assert.Equal("dry", Assert.Throws<ArgumentException>(() => BenchParams.Pick<int>([1], [])).ParamName);
        Assert.Equal("full", Assert.Throws<ArgumentException>(() => BenchParams.UpTo([], 5)).ParamName);
    }
}
