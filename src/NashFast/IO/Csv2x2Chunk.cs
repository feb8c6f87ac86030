using NashFast.TwoByTwo;

namespace NashFast.IO;

/// <summary>
/// A fixed-capacity chunk of 2×2 games read from CSV, in the structure-of-arrays layout the batch solver takes
/// (<see cref="Games"/>), with each game's input line and, for a bad row, its error. Reused chunk after chunk, so a
/// stream of any length is solved in bounded memory.
/// </summary>
public sealed class Csv2x2Chunk
{
    private readonly double[][] _payoffs;
    private readonly long[] _lines;
    private readonly string?[] _errors;

    /// <summary>Creates an empty chunk holding up to <paramref name="capacity"/> games.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive.</exception>
    public Csv2x2Chunk(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _payoffs = new double[8][];
        for (int k = 0; k < 8; k++)
        {
            _payoffs[k] = new double[capacity];
        }

        _lines = new long[capacity];
        _errors = new string?[capacity];
    }

    /// <summary>The most games the chunk holds.</summary>
    public int Capacity { get; }

    /// <summary>The number of games in the chunk (bad rows included).</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The games as the batch solver's input. A bad row's payoffs are NaN, so the solver flags it invalid in its own
    /// slot; <see cref="Error"/> says what was wrong.
    /// </summary>
    public Games2x2<double> Games =>
        new(Slot(0), Slot(1), Slot(2), Slot(3), Slot(4), Slot(5), Slot(6), Slot(7));

    /// <summary>The 1-based input line of game <paramref name="index"/>.</summary>
    public long Line(int index) => _lines[CheckIndex(index)];

    /// <summary>
    /// Why game <paramref name="index"/>'s row could not be read (<c>line L, column C: problem</c>), or null for a good row.
    /// </summary>
    public string? Error(int index) => _errors[CheckIndex(index)];

    /// <summary>Payoff <paramref name="entry"/> (0…7 for a00, a01, a10, a11, b00, b01, b10, b11) of game <paramref name="index"/>.</summary>
    public double Payoff(int index, int entry) => _payoffs[entry][CheckIndex(index)];

    /// <summary>Empties the chunk.</summary>
    public void Clear() => Count = 0;

    internal Span<double> Entry(int entry) => _payoffs[entry];

    internal void Add(long line, string? error)
    {
        _lines[Count] = line;
        _errors[Count] = error;
        Count++;
    }

    private ReadOnlySpan<double> Slot(int entry) => _payoffs[entry].AsSpan(0, Count);

    private int CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return index;
    }
}
