namespace NashFast.Benchmarks;

/// <summary>Which jobs <see cref="HouseConfig"/> runs every selected benchmark under.</summary>
public enum JobSet
{
    /// <summary>One job, <see cref="HouseJobs.House"/>: the settings for results of record.</summary>
    House,

    /// <summary>
    /// The house job once per instruction-set limit: all instruction sets, <c>DOTNET_EnableAVX512=0</c>,
    /// <c>DOTNET_EnableAVX2=0</c>, <c>DOTNET_EnableHWIntrinsic=0</c> (meant for the 2×2 kernel suite).
    /// </summary>
    InstructionSets,

    /// <summary>The house job once per forced kernel: <c>NASHFAST_KERNEL=Scalar|Vector128|Vector256|Vector512</c>.</summary>
    Kernels,

    /// <summary>Every benchmark once, in-process, no warm-up (<see cref="HouseJobs.Dry"/>): the CI smoke run.</summary>
    Dry,

    /// <summary>No job of ours: the command line chose one (<c>--job</c>, <c>--inProcess</c>, <c>--runtimes</c>).</summary>
    CommandLine,
}
