namespace NashFast.Native;

/// <summary>
/// The status codes of the C ABI (<c>NF_OK</c>, <c>NF_E_*</c> in include/nashfast.h). Part of the ABI: a value, once
/// published, never changes meaning; new codes take new numbers.
/// </summary>
internal static class NativeStatus
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A required pointer is NULL.</summary>
    public const int Null = -1;

    /// <summary>A size or length is zero, negative or too large.</summary>
    public const int Size = -2;

    /// <summary>The output buffer is too small (the needed size is reported).</summary>
    public const int Capacity = -3;

    /// <summary>A payoff is NaN or infinite.</summary>
    public const int NaN = -4;

    /// <summary>Unknown method code, or a method that does not apply to the game (2x2 on a 3x3 game).</summary>
    public const int Method = -5;

    /// <summary>A known method that this build of the library does not provide yet.</summary>
    public const int Unsupported = -6;

    /// <summary>Out of memory.</summary>
    public const int NoMemory = -7;

    /// <summary>A parameter value outside its documented range (distribution code, rho, lo/hi, threads, a reserved field).</summary>
    public const int Argument = -8;

    /// <summary>A bug: an unexpected exception inside the library (the message says which).</summary>
    public const int Internal = -99;
}
