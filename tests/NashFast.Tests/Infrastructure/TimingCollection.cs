namespace NashFast.Tests.Infrastructure;

/// <summary>
/// Tests that assert a latency (cancellation within 100 ms) run alone, after the parallel tests: on a 2-core CI machine
/// the other test classes would otherwise starve their worker threads of CPU and measure the scheduler, not the code.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Timing (runs alone)";
}
