using System.Diagnostics.CodeAnalysis;

namespace NashFast.Internal;

/// <summary>Throws out of line so that hot methods stay small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName, string message) => throw new ArgumentOutOfRangeException(paramName, message);

    [DoesNotReturn]
    public static void ThrowSpanLength(string spanName, int actual, int expected) =>
        throw new ArgumentException($"Span '{spanName}' has length {actual}; expected {expected} (the length of the first input span).", spanName);

    [DoesNotReturn]
    public static void ThrowDestinationTooShort(string spanName, int actual, int needed) =>
        throw new ArgumentException($"Destination span '{spanName}' has length {actual}; at least {needed} are needed.", spanName);

    [DoesNotReturn]
    public static void ThrowNonFinitePayoff(string matrix, int row, int column, double value) =>
        throw new ArgumentException($"Payoff {matrix}[{row}, {column}] is {value}; payoffs must be finite.", matrix);
}
