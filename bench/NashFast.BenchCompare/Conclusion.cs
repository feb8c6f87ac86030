namespace NashFast.BenchCompare;

/// <summary>The verdict on one benchmark present in both runs.</summary>
public enum Conclusion
{
    /// <summary>No difference beyond the threshold and the noise floor (or none the test can tell).</summary>
    Same,

    /// <summary>The change is slower: a regression.</summary>
    Slower,

    /// <summary>The change is faster.</summary>
    Faster,

    /// <summary>One of the two runs has no measurements (the benchmark failed there).</summary>
    NoResult,
}
