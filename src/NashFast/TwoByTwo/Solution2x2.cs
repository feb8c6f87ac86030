using System.Numerics;
using System.Runtime.InteropServices;

namespace NashFast.TwoByTwo;

/// <summary>Per-game flags of the 2×2 batch solver.</summary>
[Flags]
#pragma warning disable CA1028 // byte-sized on purpose: one byte per game in the batch output
public enum Solution2x2Flags : byte
#pragma warning restore CA1028
{
    /// <summary>Nondegenerate game without a completely mixed equilibrium.</summary>
    None = 0,

    /// <summary>A tie <c>A0j == A1j</c> or <c>Bi0 == Bi1</c>: the game is degenerate (equilibria may form continua; the
    /// count is of extreme equilibria).</summary>
    Degenerate = 1,

    /// <summary>The game has a completely mixed equilibrium <c>(P, Q)</c> with <c>0 &lt; P, Q &lt; 1</c>.</summary>
    CompletelyMixed = 2,

    /// <summary>A payoff is NaN or infinite: nothing else in this slot is meaningful (mask 0, count 0, P = Q = NaN).</summary>
    Invalid = 4,
}

/// <summary>
/// The answer for one 2×2 game (the array-of-structs output of the batch solver).
/// </summary>
/// <remarks>
/// <see cref="PureMask"/> has bit <c>2·i + j</c> set when the pure profile (row i, column j) is an equilibrium:
/// bit 0 = (0,0), bit 1 = (0,1), bit 2 = (1,0), bit 3 = (1,1). <see cref="P"/> is the probability of row 0 and
/// <see cref="Q"/> the probability of column 0 in the completely mixed equilibrium, NaN when there is none.
/// <see cref="Count"/> is the number of extreme equilibria (pure ones, the completely mixed one, and, in degenerate
/// games, the partially mixed extreme equilibria); <see cref="TwoByTwoSolver.Solve{T}(in Game2x2{T}, Span{Equilibrium2x2{T}})"/>
/// lists them.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct Solution2x2<T> : IEquatable<Solution2x2<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>P(row 0) in the completely mixed equilibrium, or NaN.</summary>
    public T P;
    /// <summary>P(column 0) in the completely mixed equilibrium, or NaN.</summary>
    public T Q;
    /// <summary>Row player's payoff in the completely mixed equilibrium, or NaN.</summary>
    public T RowPayoff;
    /// <summary>Column player's payoff in the completely mixed equilibrium, or NaN.</summary>
    public T ColumnPayoff;
    /// <summary>Pure-equilibrium cells, bit <c>2·i + j</c>.</summary>
    public byte PureMask;
    /// <summary>Number of extreme equilibria.</summary>
    public byte Count;
    /// <summary>Degenerate / completely mixed / invalid.</summary>
    public Solution2x2Flags Flags;

    /// <inheritdoc />
    public readonly bool Equals(Solution2x2<T> other) =>
        PureMask == other.PureMask && Count == other.Count && Flags == other.Flags &&
        P.Equals(other.P) && Q.Equals(other.Q) && RowPayoff.Equals(other.RowPayoff) && ColumnPayoff.Equals(other.ColumnPayoff);

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is Solution2x2<T> s && Equals(s);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(P, Q, RowPayoff, ColumnPayoff, PureMask, Count, Flags);

#pragma warning disable CS1591
    public static bool operator ==(Solution2x2<T> left, Solution2x2<T> right) => left.Equals(right);
    public static bool operator !=(Solution2x2<T> left, Solution2x2<T> right) => !left.Equals(right);
#pragma warning restore CS1591
}

/// <summary>
/// One extreme equilibrium of a 2×2 game: <c>P</c> = P(row 0), <c>Q</c> = P(column 0), and both expected payoffs.
/// </summary>
/// <param name="P">Probability of row 0.</param>
/// <param name="Q">Probability of column 0.</param>
/// <param name="RowPayoff">The row player's expected payoff.</param>
/// <param name="ColumnPayoff">The column player's expected payoff.</param>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct Equilibrium2x2<T>(T P, T Q, T RowPayoff, T ColumnPayoff)
    where T : unmanaged, IFloatingPointIeee754<T>;
