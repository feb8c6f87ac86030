namespace NashFast.Cli.Commands;

/// <summary>Exit codes of montecarlo, merge and random (the tool's convention: 0 ok, 2 bad input, 3 incomplete).</summary>
internal static class MonteCarloExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Bad input: an invalid option value, an unreadable, malformed or foreign summary, an unwritable output.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted (Ctrl+C): the partial summary is still printed, marked cancelled.</summary>
    public const int Cancelled = 3;
}
