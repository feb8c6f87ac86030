using System.Runtime.InteropServices;

namespace NashFast.Native;

/// <summary>
/// <c>nf_game_info</c> of include/nashfast.h: what <c>nf_solve_game</c> reports besides the equilibria. Four
/// <c>int32_t</c>, 16 bytes, no padding.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct GameInfo
{
    /// <summary>Number of equilibria the method found (also when the buffer was too small).</summary>
    public int Count;

    /// <summary>The method code actually used (<c>auto</c> resolved).</summary>
    public int Method;

    /// <summary>1 when the game is degenerate, else 0.</summary>
    public int Degenerate;

    /// <summary>1 when the equilibria are the complete set the method promises, else 0.</summary>
    public int Complete;
}
