namespace NashFast.BenchCompare.Tests;

/// <summary>Paths of the fixture folders (see Fixtures/make_fixtures.py for what each holds) and a runner.</summary>
internal static class Fixture
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The markdown table row of a benchmark (by method name) within the section titled <paramref name="section"/>.</summary>
    public static string? RowIn(string report, string section, string method)
    {
        int start = report.IndexOf("## " + section, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        int end = report.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        string body = end < 0 ? report[start..] : report[start..end];
        foreach (string line in body.Split('\n'))
        {
            if (line.Contains("." + method + "(", StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }
}
