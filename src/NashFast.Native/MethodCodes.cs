using NashFast.Games;

namespace NashFast.Native;

/// <summary>
/// The <c>NF_METHOD_*</c> codes of the C ABI. Spelled out rather than cast from <see cref="SolverMethod"/>, so that
/// reordering the managed enum can never change the ABI.
/// </summary>
internal static class MethodCodes
{
    /// <summary>Maps a C method code to the managed method; false for an unknown code.</summary>
    public static bool TryFromCode(int code, out SolverMethod method)
    {
        (bool known, method) = code switch
        {
            0 => (true, SolverMethod.Auto),
            1 => (true, SolverMethod.TwoByTwo),
            2 => (true, SolverMethod.Pure),
            3 => (true, SolverMethod.SupportEnumeration),
            4 => (true, SolverMethod.VertexEnumeration),
            5 => (true, SolverMethod.LemkeHowson),
            6 => (true, SolverMethod.Reference),
            _ => (false, SolverMethod.Auto),
        };
        return known;
    }

    /// <summary>The C code of a managed method.</summary>
    public static int ToCode(SolverMethod method) => method switch
    {
        SolverMethod.Auto => 0,
        SolverMethod.TwoByTwo => 1,
        SolverMethod.Pure => 2,
        SolverMethod.SupportEnumeration => 3,
        SolverMethod.VertexEnumeration => 4,
        SolverMethod.LemkeHowson => 5,
        SolverMethod.Reference => 6,
        _ => -1,
    };
}
