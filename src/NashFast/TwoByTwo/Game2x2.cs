using System.Numerics;
using System.Runtime.InteropServices;

namespace NashFast.TwoByTwo;

/// <summary>
/// One 2×2 game as a value (the array-of-structs input of the batch solver).
/// </summary>
/// <remarks>
/// <code>
///                col 0        col 1
///   row 0   (A00, B00)   (A01, B01)
///   row 1   (A10, B10)   (A11, B11)
/// </code>
/// The row player gets <c>Aij</c>, the column player <c>Bij</c>. Field order is the memory order.
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
[StructLayout(LayoutKind.Sequential)]
public struct Game2x2<T>(T a00, T a01, T a10, T a11, T b00, T b01, T b10, T b11) : IEquatable<Game2x2<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Row player's payoff at (row 0, column 0).</summary>
    public T A00 = a00;
    /// <summary>Row player's payoff at (row 0, column 1).</summary>
    public T A01 = a01;
    /// <summary>Row player's payoff at (row 1, column 0).</summary>
    public T A10 = a10;
    /// <summary>Row player's payoff at (row 1, column 1).</summary>
    public T A11 = a11;
    /// <summary>Column player's payoff at (row 0, column 0).</summary>
    public T B00 = b00;
    /// <summary>Column player's payoff at (row 0, column 1).</summary>
    public T B01 = b01;
    /// <summary>Column player's payoff at (row 1, column 0).</summary>
    public T B10 = b10;
    /// <summary>Column player's payoff at (row 1, column 1).</summary>
    public T B11 = b11;

    /// <inheritdoc />
    public readonly bool Equals(Game2x2<T> other) =>
        A00 == other.A00 && A01 == other.A01 && A10 == other.A10 && A11 == other.A11 &&
        B00 == other.B00 && B01 == other.B01 && B10 == other.B10 && B11 == other.B11;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is Game2x2<T> g && Equals(g);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(HashCode.Combine(A00, A01, A10, A11), HashCode.Combine(B00, B01, B10, B11));

#pragma warning disable CS1591
    public static bool operator ==(Game2x2<T> left, Game2x2<T> right) => left.Equals(right);
    public static bool operator !=(Game2x2<T> left, Game2x2<T> right) => !left.Equals(right);
#pragma warning restore CS1591
}
