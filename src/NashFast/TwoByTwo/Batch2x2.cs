using System.Numerics;
using NashFast.Internal;

namespace NashFast.TwoByTwo;

/// <summary>
/// A batch of 2×2 games in structure-of-arrays form: one span per payoff entry, game <c>k</c> being
/// <c>(A00[k], A01[k], …, B11[k])</c>. All eight spans must have the same length.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public readonly ref struct Games2x2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the batch view.</summary>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="a00"/>'s (the message names it).</exception>
    public Games2x2(ReadOnlySpan<T> a00, ReadOnlySpan<T> a01, ReadOnlySpan<T> a10, ReadOnlySpan<T> a11,
                    ReadOnlySpan<T> b00, ReadOnlySpan<T> b01, ReadOnlySpan<T> b10, ReadOnlySpan<T> b11)
    {
        int n = a00.Length;
        Check(a01.Length, n, nameof(a01));
        Check(a10.Length, n, nameof(a10));
        Check(a11.Length, n, nameof(a11));
        Check(b00.Length, n, nameof(b00));
        Check(b01.Length, n, nameof(b01));
        Check(b10.Length, n, nameof(b10));
        Check(b11.Length, n, nameof(b11));
        A00 = a00; A01 = a01; A10 = a10; A11 = a11;
        B00 = b00; B01 = b01; B10 = b10; B11 = b11;
    }

    /// <summary>Number of games.</summary>
    public int Length => A00.Length;

#pragma warning disable CS1591
    public ReadOnlySpan<T> A00 { get; }
    public ReadOnlySpan<T> A01 { get; }
    public ReadOnlySpan<T> A10 { get; }
    public ReadOnlySpan<T> A11 { get; }
    public ReadOnlySpan<T> B00 { get; }
    public ReadOnlySpan<T> B01 { get; }
    public ReadOnlySpan<T> B10 { get; }
    public ReadOnlySpan<T> B11 { get; }
#pragma warning restore CS1591

    /// <summary>The games <c>[start, start + length)</c>.</summary>
    public Games2x2<T> Slice(int start, int length) =>
        new(A00.Slice(start, length), A01.Slice(start, length), A10.Slice(start, length), A11.Slice(start, length),
            B00.Slice(start, length), B01.Slice(start, length), B10.Slice(start, length), B11.Slice(start, length));

    private static void Check(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            ThrowHelper.ThrowSpanLength(name, actual, expected);
        }
    }
}

/// <summary>
/// Where the batch solver writes its answers, structure-of-arrays: one slot per game in each span.
/// <see cref="PureMask"/>, <see cref="Count"/>, <see cref="Flags"/>, <see cref="P"/> and <see cref="Q"/> are required
/// and must be at least as long as the batch; <see cref="RowPayoff"/> and <see cref="ColumnPayoff"/> (payoffs of the
/// completely mixed equilibrium) are optional: pass empty spans to skip them. Slots past the batch length are never
/// touched. See <see cref="Solution2x2{T}"/> for the meaning of each field.
/// </summary>
public readonly ref struct Solutions2x2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the output view (payoffs not requested).</summary>
    public Solutions2x2(Span<byte> pureMask, Span<byte> count, Span<Solution2x2Flags> flags, Span<T> p, Span<T> q)
        : this(pureMask, count, flags, p, q, default, default)
    {
    }

    /// <summary>Creates the output view with the payoffs of the completely mixed equilibrium.</summary>
    public Solutions2x2(Span<byte> pureMask, Span<byte> count, Span<Solution2x2Flags> flags, Span<T> p, Span<T> q,
                        Span<T> rowPayoff, Span<T> columnPayoff)
    {
        PureMask = pureMask; Count = count; Flags = flags; P = p; Q = q;
        RowPayoff = rowPayoff; ColumnPayoff = columnPayoff;
    }

#pragma warning disable CS1591
    public Span<byte> PureMask { get; }
    public Span<byte> Count { get; }
    public Span<Solution2x2Flags> Flags { get; }
    public Span<T> P { get; }
    public Span<T> Q { get; }
    public Span<T> RowPayoff { get; }
    public Span<T> ColumnPayoff { get; }
#pragma warning restore CS1591

    /// <summary>True when the payoff spans are given.</summary>
    public bool WantsPayoffs => !RowPayoff.IsEmpty || !ColumnPayoff.IsEmpty;

    /// <summary>The slots <c>[start, start + length)</c>.</summary>
    public Solutions2x2<T> Slice(int start, int length) =>
        new(PureMask.Slice(start, length), Count.Slice(start, length), Flags.Slice(start, length), P.Slice(start, length), Q.Slice(start, length),
            WantsPayoffs ? RowPayoff.Slice(start, length) : default, WantsPayoffs ? ColumnPayoff.Slice(start, length) : default);

    /// <summary>Throws unless every required span (and both payoff spans when either is given) holds <paramref name="length"/> slots.</summary>
    public void Validate(int length)
    {
        Check(PureMask.Length, length, nameof(PureMask));
        Check(Count.Length, length, nameof(Count));
        Check(Flags.Length, length, nameof(Flags));
        Check(P.Length, length, nameof(P));
        Check(Q.Length, length, nameof(Q));
        if (WantsPayoffs)
        {
            Check(RowPayoff.Length, length, nameof(RowPayoff));
            Check(ColumnPayoff.Length, length, nameof(ColumnPayoff));
        }
    }

    private static void Check(int actual, int needed, string name)
    {
        if (actual < needed)
        {
            ThrowHelper.ThrowDestinationTooShort(name, actual, needed);
        }
    }
}
