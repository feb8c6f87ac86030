namespace NashFast.BenchCompare.Tests;

/// <summary>Bad input exits with 2 and a message naming the folder, file or option at fault.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("benchcompare-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AMissingFolder_IsNamed()
    {
        string missing = Path.Combine(_dir, "no-such-folder");
        var (code, output, error) = Fixture.Run(Fixture.Folder("base"), missing);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"folder not found: {missing}", error);
    }

    [Fact]
    public void AFolderWithoutReports_IsNamed()
    {
        var (code, _, error) = Fixture.Run(_dir, Fixture.Folder("base"));
        Assert.Equal(2, code);
        Assert.Contains($"no *-report-full.json files in {_dir}", error);
    }

    [Theory]
    [InlineData("{ \"Benchmarks\": [ { \"FullName\": ", "not valid JSON")]
    [InlineData("[1, 2, 3]", "no \"Benchmarks\" array")]
    [InlineData("{ \"Title\": \"x\" }", "no \"Benchmarks\" array")]
    [InlineData("{ \"Benchmarks\": [ { \"Method\": \"M\" } ] }", "benchmark #0 has no \"FullName\"")]
    [InlineData("{ \"Benchmarks\": [ { \"FullName\": \"A.B\", \"Measurements\": [ { \"IterationMode\": \"Workload\", \"IterationStage\": \"Result\", \"Operations\": \"many\", \"Nanoseconds\": 5 } ] } ] }", "unexpected JSON shape")]
    [InlineData("{ \"Benchmarks\": [ { \"FullName\": \"A.B\", \"Measurements\": [ { \"IterationMode\": \"Workload\", \"IterationStage\": \"Result\", \"Operations\": 0, \"Nanoseconds\": 5 } ] } ] }", "0 operations")]
    public void AnUnreadableReport_IsNamedWithTheProblem(string json, string problem)
    {
        string file = Path.Combine(_dir, "Broken-report-full.json");
        File.WriteAllText(file, json);
        var (code, _, error) = Fixture.Run(Fixture.Folder("base"), _dir);
        Assert.Equal(2, code);
        Assert.Contains(file, error);
        Assert.Contains(problem, error);
    }

    [Fact]
    public void TheSameBenchmarkTwiceInOneFolder_IsBadInput()
    {
        string src = Directory.GetFiles(Fixture.Folder("base"))[0];
        File.Copy(src, Path.Combine(_dir, "a-report-full.json"));
        File.Copy(src, Path.Combine(_dir, "b-report-full.json"));
        var (code, _, error) = Fixture.Run(_dir, Fixture.Folder("base"));
        Assert.Equal(2, code);
        Assert.Contains("appears twice", error);
    }

    [Theory]
    [InlineData("--threshold", "abc", "--threshold: not a number: abc")]
    [InlineData("--threshold", "-5%", "--threshold must be a positive percentage")]
    [InlineData("--noise", "fast", "--noise: not a number: fast")]
    [InlineData("--alpha", "2", "--alpha must be between 0 and 1")]
    [InlineData("--bogus", "x", "unknown option --bogus")]
    public void ABadOption_IsNamed(string option, string value, string message)
    {
        var (code, _, error) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("noise"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void OneFolder_IsBadInput()
    {
        var (code, _, error) = Fixture.Run(Fixture.Folder("base"));
        Assert.Equal(2, code);
        Assert.Contains("expected two folders", error);
    }

    [Fact]
    public void AMissingOptionValue_IsNamed()
    {
        var (code, _, error) = Fixture.Run(Fixture.Folder("base"), Fixture.Folder("noise"), "--threshold");
        Assert.Equal(2, code);
        Assert.Contains("--threshold needs a value", error);
    }
}
