namespace NashFast.Cli;

/// <summary>The tool's exit codes (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Everything was solved completely.</summary>
    public const int Success = 0;

    /// <summary>Bad input or usage: a file that cannot be read or parsed, an invalid option.</summary>
    public const int BadInput = 2;

    /// <summary>A result is incomplete: a limit was reached or the run was cancelled.</summary>
    public const int Incomplete = 3;

    /// <summary>The more serious of two outcomes (bad input, then incomplete, then success).</summary>
    public static int Worst(int a, int b) => a == BadInput || b == BadInput ? BadInput : Math.Max(a, b);
}
