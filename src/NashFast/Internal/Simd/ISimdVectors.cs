using System.Diagnostics.CodeAnalysis;

namespace NashFast.Internal.Simd;

/// <summary>
/// A vector of doubles of one fixed width, for code written once over Vector128, Vector256 and Vector512 (.NET's own
/// <c>ISimdVector</c> is not public). Implemented by <see cref="Doubles128"/>, <see cref="Doubles256"/> and
/// <see cref="Doubles512"/>, thin readonly wrappers whose members are aggressively inlined to the Vector* operation they
/// name, so a generic method instantiated over one of them compiles to the instructions of the hand-written width.
/// </summary>
/// <typeparam name="TD">The implementing type.</typeparam>
/// <typeparam name="TL">The vector of 64-bit integers of the same width (the lanes' bit patterns).</typeparam>
internal interface ISimdDoubles<TD, TL>
    where TD : struct, ISimdDoubles<TD, TL>
    where TL : struct, ISimdLongs<TL>
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane 0.</summary>
    static abstract TD Zero { get; }

    /// <summary>Every lane 1.</summary>
    static abstract TD One { get; }

    /// <summary>The lanes' bit patterns as 64-bit integers.</summary>
    TL Bits { get; }

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TD Create(double value);

    /// <summary>The lanes whose bit patterns are <paramref name="bits"/>.</summary>
    static abstract TD FromBits(TL bits);

    /// <summary>
    /// <paramref name="value"/> (non-negative and at most 2^53 in every lane) as doubles, exactly: AVX-512DQ
    /// <c>vcvtuqq2pd</c> where available, else the two 32-bit halves converted by the 2^52 trick and recombined.
    /// </summary>
    static abstract TD FromExact53(TL value);

    /// <summary>Count doubles from <paramref name="source"/> at <paramref name="index"/>.</summary>
    static abstract TD Load(ref double source, nuint index);

    /// <summary>Stores the lanes to <paramref name="destination"/> at <paramref name="index"/>.</summary>
    void Store(ref double destination, nuint index);

    static abstract TD operator +(TD left, TD right);

    static abstract TD operator -(TD left, TD right);

    static abstract TD operator *(TD left, TD right);

    static abstract TD operator *(TD left, double right);

    static abstract TD operator /(TD left, TD right);

    /// <summary>
    /// (<paramref name="x"/>·<paramref name="y"/>) + <paramref name="addend"/>, rounded twice like the scalar expression (not
    /// fused): one member for a polynomial's Horner step, so a long polynomial costs the JIT few inlinees and temporaries.
    /// </summary>
    static abstract TD MultiplyAdd(TD x, TD y, double addend);

    /// <summary>|x| lane by lane.</summary>
    static abstract TD Abs(TD x);

    /// <summary>√x lane by lane (correctly rounded).</summary>
    static abstract TD Sqrt(TD x);

    /// <summary>x rounded toward zero lane by lane.</summary>
    static abstract TD Truncate(TD x);

    /// <summary>All bits set in the lanes where <paramref name="left"/> &gt; <paramref name="right"/>, else zero.</summary>
    static abstract TD GreaterThan(TD left, TD right);

    /// <summary>All bits set in the lanes where <paramref name="left"/> &lt; <paramref name="right"/>, else zero.</summary>
    static abstract TD LessThan(TD left, TD right);

    /// <summary>Bitwise <paramref name="mask"/> ? <paramref name="whenTrue"/> : <paramref name="whenFalse"/>.</summary>
    static abstract TD ConditionalSelect(TD mask, TD whenTrue, TD whenFalse);

    /// <summary>All bits set in the lanes where <paramref name="left"/> = <paramref name="right"/>, else zero.</summary>
    static abstract TD EqualsMask(TD left, TD right);

    /// <summary>Bitwise and (of masks).</summary>
    static abstract TD operator &(TD left, TD right);

    /// <summary>Bitwise or (of masks).</summary>
    static abstract TD operator |(TD left, TD right);

    /// <summary>Bitwise <paramref name="left"/> and not <paramref name="right"/> (of masks).</summary>
    static abstract TD AndNot(TD left, TD right);

    /// <summary>
    /// The larger of each pair of lanes by the native instruction (<c>maxpd</c>): equal to the IEEE maximum except
    /// for NaN and signed zeros, so only for lanes known to hold neither.
    /// </summary>
    static abstract TD MaxNative(TD left, TD right);

    /// <summary>
    /// The largest lane, by the native instruction on halves (as <see cref="MaxNative"/>: only for lanes that hold
    /// neither NaN nor signed zeros of both signs); no round trip of the vector through memory.
    /// </summary>
    static abstract double MaxAcross(TD value);

    /// <summary>Bit l set when lane l's sign bit is (lane l of a mask is all ones).</summary>
    ulong ExtractMostSignificantBits();

    /// <summary>Lane <paramref name="index"/>.</summary>
    double GetElement(int index);
}

/// <summary>
/// A vector of 64-bit integers of one fixed width (see <see cref="ISimdDoubles{TD, TL}"/>), implemented by
/// <see cref="Longs128"/>, <see cref="Longs256"/> and <see cref="Longs512"/>. Arithmetic wraps, so the lanes serve as
/// unsigned words too (xoshiro256++); comparisons other than equality are signed.
/// </summary>
/// <typeparam name="TL">The implementing type.</typeparam>
internal interface ISimdLongs<TL>
    where TL : struct, ISimdLongs<TL>
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane 0.</summary>
    static abstract TL Zero { get; }

    /// <summary>Every lane 1.</summary>
    static abstract TL One { get; }

    /// <summary>Every lane −1 (all bits set).</summary>
    static abstract TL AllBitsSet { get; }

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TL Create(long value);

    /// <summary>The first Count values of <paramref name="values"/>.</summary>
    static abstract TL Create(ReadOnlySpan<ulong> values);

    /// <summary>Count bytes from <paramref name="source"/>, zero-extended to one lane each (SSE4.1/AVX2/AVX-512F <c>vpmovzxbq</c>).</summary>
    static abstract TL WidenBytes(ref byte source);

    static abstract TL operator +(TL left, TL right);

    static abstract TL operator -(TL left, TL right);

    static abstract TL operator -(TL value);

    static abstract TL operator &(TL left, TL right);

    static abstract TL operator |(TL left, TL right);

    static abstract TL operator ^(TL left, TL right);

    static abstract TL operator <<(TL value, int count);

    static abstract TL operator >>>(TL value, int count);

    /// <summary>Rotate left by a constant: AVX-512F(VL) <c>vprolq</c> where available, else two shifts.</summary>
    static abstract TL RotateLeft(TL value, [ConstantExpected] byte count);

    /// <summary>All bits set in the lanes where <paramref name="left"/> = <paramref name="right"/>, else zero.</summary>
    static abstract TL CompareEqual(TL left, TL right);

    /// <summary>All bits set in the lanes where <paramref name="left"/> ≤ <paramref name="right"/> (signed), else zero.</summary>
    static abstract TL CompareLessThanOrEqual(TL left, TL right);

    /// <summary>Bitwise <paramref name="mask"/> ? <paramref name="whenTrue"/> : <paramref name="whenFalse"/>.</summary>
    static abstract TL ConditionalSelect(TL mask, TL whenTrue, TL whenFalse);

    /// <summary>Whether every lane of <paramref name="left"/> equals that of <paramref name="right"/>.</summary>
    static abstract bool EqualsAll(TL left, TL right);

    /// <summary>The lanes' sign bits, lane k in bit k.</summary>
    static abstract ulong ExtractMostSignificantBits(TL value);

    /// <summary>The sum of the lanes (wrapping).</summary>
    static abstract long Sum(TL value);

    /// <summary>Count longs from <paramref name="source"/> at <paramref name="index"/>.</summary>
    static abstract TL Load(ref long source, nuint index);

    /// <summary>Stores the lanes to <paramref name="destination"/> at <paramref name="index"/>.</summary>
    void Store(ref long destination, nuint index);

    /// <summary>The low 64 bits of each product (wrapping): AVX-512DQ <c>vpmullq</c> where available.</summary>
    static abstract TL operator *(TL left, TL right);

    /// <summary>Arithmetic (sign-filling) shift right of every lane.</summary>
    static abstract TL ShiftRightArithmetic(TL value, int count);

    /// <summary>The bitwise or of the lanes.</summary>
    static abstract long OrAcross(TL value);
}
