using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NashFast.Games;

/// <summary>
/// An exact rational number <c>Numerator / Denominator</c> with <see cref="BigInteger"/> parts, always in lowest
/// terms with a positive denominator (so equal values are equal field by field). Slow and exact: the number type of
/// the reference solver and of <c>--exact</c> output.
/// </summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>, IComparable
{
    private readonly BigInteger _denominatorMinusOne; // default(Rational) is 0/1

    /// <summary>The numerator; carries the sign.</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator; always positive.</summary>
    public BigInteger Denominator => _denominatorMinusOne + BigInteger.One;

    /// <summary>Zero.</summary>
    public static Rational Zero => default;

    /// <summary>One.</summary>
    public static Rational One => new(BigInteger.One);

    /// <summary>Creates the integer <paramref name="value"/>.</summary>
    public Rational(BigInteger value)
    {
        Numerator = value;
        _denominatorMinusOne = BigInteger.Zero;
    }

    /// <summary>Creates <paramref name="numerator"/> / <paramref name="denominator"/>, reduced.</summary>
    /// <exception cref="DivideByZeroException">The denominator is zero.</exception>
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A rational number cannot have a zero denominator.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        BigInteger g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero)
        {
            numerator /= g;
            denominator /= g;
        }

        if (numerator.IsZero)
        {
            denominator = BigInteger.One;
        }

        Numerator = numerator;
        _denominatorMinusOne = denominator - BigInteger.One;
    }

    private Rational(BigInteger numerator, BigInteger denominatorMinusOne, bool reduced)
    {
        _ = reduced;
        Numerator = numerator;
        _denominatorMinusOne = denominatorMinusOne;
    }

    /// <summary>
    /// <paramref name="numerator"/> over <paramref name="denominatorMinusOne"/> + 1, which the caller guarantees to be in
    /// lowest terms with a positive denominator (and 0 over 1 for zero), as the reducing constructor would give them; for
    /// callers that share one denominator among many values (a mixed strategy's probabilities) and so subtract the one
    /// once instead of per value.
    /// </summary>
    internal static Rational FromLowestTerms(BigInteger numerator, BigInteger denominatorMinusOne) => new(numerator, denominatorMinusOne, true);

    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="denominator"/> (nonzero) as given, not reduced: for values that
    /// are only compared (<see cref="CompareTo(Rational)"/>) and converted (<see cref="ToDouble"/>), whose answers do
    /// not depend on the representation. <see cref="Equals(Rational)"/>, the hash and the parts are not those of the
    /// reduced value, so such a value must never reach a caller.
    /// </summary>
    internal static Rational Unreduced(BigInteger numerator, BigInteger denominator) =>
        denominator.Sign < 0 ? new(-numerator, -denominator - BigInteger.One, true) : new(numerator, denominator - BigInteger.One, true);

    /// <summary>Sign of the value: -1, 0 or 1.</summary>
    public int Sign => Numerator.Sign;

    /// <summary>True when the value is zero.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>True when the denominator is one.</summary>
    public bool IsInteger => _denominatorMinusOne.IsZero;

    /// <summary>
    /// The exact value of a finite double (every finite double is a dyadic rational).
    /// </summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
    public static Rational FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Cannot convert {value} to a rational number; the value must be finite.", nameof(value));
        }

        if (value == 0)
        {
            return Zero;
        }

        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1; // subnormal
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075; // value = mantissa * 2^exponent
        if (exponent < 0)
        {
            // Lowest terms without a gcd: the denominator is a power of two, so only the mantissa's trailing zeros cancel.
            int shift = Math.Min(BitOperations.TrailingZeroCount(mantissa), -exponent);
            mantissa >>= shift;
            exponent += shift;
        }

        BigInteger num = negative ? -new BigInteger(mantissa) : new BigInteger(mantissa);
        return exponent >= 0
            ? new Rational(num << exponent)
            : FromLowestTerms(num, (BigInteger.One << -exponent) - BigInteger.One);
    }

    /// <summary>
    /// Parses an integer (<c>-3</c>), a decimal with optional exponent (<c>1.25</c>, <c>1e-3</c>) or a fraction
    /// (<c>7/13</c>, <c>-3/2</c>), exactly.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Rational value)
    {
        value = Zero;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        int slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!TryParseDecimal(text[..slash], out Rational n) || !TryParseDecimal(text[(slash + 1)..], out Rational d) || d.IsZero)
            {
                return false;
            }

            value = n / d;
            return true;
        }

        return TryParseDecimal(text, out value);
    }

    /// <summary>Parses like <see cref="TryParse"/> and throws <see cref="FormatException"/> on failure.</summary>
    public static Rational Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out Rational value) ? value : throw new FormatException($"'{text}' is not an integer, decimal or fraction.");
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> s, out Rational value)
    {
        value = Zero;
        if (s.IsEmpty)
        {
            return false;
        }

        int i = 0;
        bool negative = false;
        if (s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            i++;
        }

        BigInteger digits = BigInteger.Zero;
        int fractionDigits = 0;
        bool anyDigit = false;
        bool seenPoint = false;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c is >= '0' and <= '9')
            {
                digits = (digits * 10) + (c - '0');
                anyDigit = true;
                if (seenPoint)
                {
                    fractionDigits++;
                }
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }

        if (!anyDigit)
        {
            return false;
        }

        long exponent = 0;
        if (i < s.Length)
        {
            if (s[i] is not ('e' or 'E'))
            {
                return false;
            }

            if (!long.TryParse(s[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || Math.Abs(exponent) > 100_000)
            {
                return false;
            }
        }

        long scale = exponent - fractionDigits;
        if (negative)
        {
            digits = -digits;
        }

        value = scale >= 0
            ? new Rational(digits * BigInteger.Pow(10, (int)scale))
            : new Rational(digits, BigInteger.Pow(10, (int)-scale));
        return true;
    }

    /// <summary>2^53: every integer of at most this magnitude is exact in a double.</summary>
    private const long ExactInDouble = 1L << 53;

    /// <summary>
    /// The nearest double, correctly rounded (ties to even) for results in the normal range; results in the
    /// subnormal range may be off by one unit in the last place (rounded twice).
    /// </summary>
    public double ToDouble()
    {
        if (IsZero)
        {
            return 0;
        }

        // Both parts exact in a double: IEEE division rounds the exact quotient correctly (to nearest, ties to even),
        // and |n/d| ≥ 2^-53 is far from the subnormal range.
        if (Numerator >= -ExactInDouble && Numerator <= ExactInDouble && _denominatorMinusOne < ExactInDouble)
        {
            return (double)(long)Numerator / (double)(long)Denominator;
        }

        if (TryToDoubleFromLeadingBits(out double fast))
        {
            return fast;
        }

        return ToDoubleExactly();
    }

    /// <summary>
    /// <see cref="ToDouble"/> from the leading 64 bits of each part, without allocating: those bound the quotient
    /// within a relative 2⁻⁶¹, and when both ends of that interval round to the same normal double, so does the value
    /// (rounding is monotone). False, for <see cref="ToDoubleExactly"/>, in the rare case where the interval straddles
    /// a rounding boundary (about one in a few hundred random quotients), or for parts too long for the stack or results
    /// outside the normal range. On the equilibria of random 10×10 games it replaced about 0.4 µs and 800 bytes of
    /// <see cref="BigInteger"/> work per call.
    /// </summary>
    internal bool TryToDoubleFromLeadingBits(out double result)
    {
        result = 0;
        BigInteger n = BigInteger.Abs(Numerator); // shares the magnitude's limbs: no allocation

        // n ∈ [nLow, nHigh]·2^nShift and d ∈ [dLow, dHigh]·2^dShift with the bounds in [2⁶³, 2⁶⁴]. The denominator is
        // stored minus one, so d = dm1 + 1 ≤ (top + 1)·2^dShift when dm1 is cut.
        if (!TryLeadingBits(n, out ulong nTop, out long nShift, out bool nCut)
            || !TryLeadingBits(_denominatorMinusOne, out ulong dm1Top, out long dShift, out bool dm1Cut))
        {
            return false;
        }

        UInt128 nLow = nTop, nHigh = nTop + (nCut ? UInt128.One : UInt128.Zero);
        UInt128 dLow, dHigh;
        if (dShift <= 0 && !dm1Cut && dm1Top < ulong.MaxValue)
        {
            // dm1 < 2⁶⁴ − 1 whole: d itself is a 64-bit integer, renormalised to the top bit.
            ulong d = (dm1Top >> (int)-dShift) + 1;
            int zeros = BitOperations.LeadingZeroCount(d);
            dLow = dHigh = d << zeros;
            dShift = -zeros;
        }
        else
        {
            dLow = dm1Top;
            dHigh = (UInt128)dm1Top + 1;
        }

        // Quotient bounds times 2⁶³: at least 2⁶², at most 2⁶⁴ (numerators at most 2¹²⁷).
        UInt128 low = (nLow << 63) / dHigh;
        (UInt128 quotient, UInt128 remainder) = UInt128.DivRem(nHigh << 63, dLow);
        UInt128 high = remainder == UInt128.Zero ? quotient : quotient + 1;
        if (high > ulong.MaxValue)
        {
            return false;
        }

        // Each bound rounded to 53 bits and scaled (exactly, while at least 2⁻¹⁰²¹: far from the subnormal range).
        long exponent = nShift - dShift - 63;
        if (exponent is < -1200 or > 1200)
        {
            return false;
        }

        double lowValue = RoundToDouble((ulong)low, (int)exponent);
        double highValue = RoundToDouble((ulong)high, (int)exponent);
        if (lowValue != highValue || !double.IsFinite(lowValue) || lowValue < MinUnambiguous)
        {
            return false;
        }

        result = Numerator.Sign < 0 ? -lowValue : lowValue;
        return true;
    }

    /// <summary>2⁻¹⁰²¹: a result at least this large came from scaling that stayed in the normal range.</summary>
    private static readonly double MinUnambiguous = Math.ScaleB(1.0, -1021);

    /// <summary>
    /// <c>v · 2^exponent</c> rounded to 53 bits (to nearest, ties to even), for v ≥ 2⁶²; the scaling is exact while the
    /// result is normal. Done here rather than by the conversion from <see cref="ulong"/>, so that the rounding does
    /// not depend on which instructions the machine has.
    /// </summary>
    private static double RoundToDouble(ulong v, int exponent)
    {
        int zeros = BitOperations.LeadingZeroCount(v);
        ulong normalised = v << zeros; // top bit set
        ulong mantissa = normalised >> 11;
        ulong rest = normalised & 0x7FF;
        if (rest > 0x400 || (rest == 0x400 && (mantissa & 1) != 0))
        {
            mantissa++; // may reach 2⁵³, still exact in a double
        }

        return Math.ScaleB((double)mantissa, exponent + 11 - zeros);
    }

    /// <summary>
    /// The leading 64 bits of a non-negative <paramref name="x"/>: <c>x = top·2^shift</c> exactly when not
    /// <paramref name="cut"/>, else <c>top·2^shift &lt; x &lt; (top + 1)·2^shift</c>; top has its high bit set unless x is zero
    /// (then top = 0, shift = 0). False for more than 8 192 bits (kept off the stack).
    /// </summary>
    private static bool TryLeadingBits(BigInteger x, out ulong top, out long shift, out bool cut)
    {
        long bits = (long)x.GetBitLength();
        top = 0;
        shift = 0;
        cut = false;
        if (bits == 0)
        {
            return true;
        }

        if (bits <= 64)
        {
            shift = bits - 64;
            top = (ulong)x << (int)-shift;
            return true;
        }

        if (bits > 8192)
        {
            return false;
        }

        int words = (int)((bits + 63) / 64);
        Span<ulong> limbs = stackalloc ulong[words];
        limbs.Clear();
        if (!x.TryWriteBytes(MemoryMarshal.AsBytes(limbs), out _, isUnsigned: true, isBigEndian: false))
        {
            return false;
        }

        if (!BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < words; i++)
            {
                limbs[i] = BinaryPrimitives.ReverseEndianness(limbs[i]);
            }
        }

        // Bits [bits − 64, bits): the top word's bits, then the next word's high bits below them.
        int high = (int)(bits - (64L * (words - 1))); // bits in the top word, 1…64
        ulong topWord = limbs[words - 1], next = limbs[words - 2];
        top = high == 64 ? topWord : (topWord << (64 - high)) | (next >> high);
        ulong below = high == 64 ? next : next << (64 - high);
        cut = below != 0 || limbs[..(words - 2)].ContainsAnyExcept(0UL);
        shift = bits - 64;
        return true;
    }

    /// <summary>The general <see cref="ToDouble"/>, by a <see cref="BigInteger"/> division.</summary>
    internal double ToDoubleExactly()
    {
        // q = floor(|n| · 2^s / d) with 64 to 66 significant bits; the remainder is the sticky bit. BigInteger's own
        // conversion to double truncates, so the rounding to 53 bits is done here.
        BigInteger n = BigInteger.Abs(Numerator);
        BigInteger d = Denominator;
        long s = 65 - (long)(n.GetBitLength() - d.GetBitLength());
        BigInteger q = BigInteger.DivRem(s >= 0 ? n << (int)s : n, s >= 0 ? d : d << (int)-s, out BigInteger remainder);
        int drop = (int)q.GetBitLength() - 53;
        BigInteger mantissa = q >> drop;
        BigInteger rest = q - (mantissa << drop);
        BigInteger half = BigInteger.One << (drop - 1);
        int c = rest.CompareTo(half);
        if (c > 0 || (c == 0 && (!remainder.IsZero || !mantissa.IsEven)))
        {
            mantissa += 1;
        }

        double result = Math.ScaleB((double)mantissa, (int)Math.Clamp(drop - s, int.MinValue, int.MaxValue));
        return Numerator.Sign < 0 ? -result : result;
    }

    /// <summary>Prints <c>n</c> or <c>n/d</c>.</summary>
    public override string ToString() =>
        IsInteger ? Numerator.ToString(CultureInfo.InvariantCulture)
                  : Numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public bool Equals(Rational other) => Numerator == other.Numerator && _denominatorMinusOne == other._denominatorMinusOne;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Numerator, _denominatorMinusOne);

    /// <inheritdoc />
    public int CompareTo(Rational other) =>
        IsInteger && other.IsInteger ? Numerator.CompareTo(other.Numerator)
                                     : (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj is Rational r ? CompareTo(r) : throw new ArgumentException("Not a Rational.", nameof(obj));

    /// <summary>Absolute value.</summary>
    public static Rational Abs(Rational x) => x.Sign < 0 ? -x : x;

    /// <summary>The larger of two values.</summary>
    public static Rational Max(Rational x, Rational y) => x.CompareTo(y) >= 0 ? x : y;

    /// <summary>The smaller of two values.</summary>
    public static Rational Min(Rational x, Rational y) => x.CompareTo(y) <= 0 ? x : y;

#pragma warning disable CS1591, CA2225 // operators are self-explanatory; named alternatives would only repeat them
    public static implicit operator Rational(int value) => new(value);
    public static implicit operator Rational(long value) => new(value);
    public static implicit operator Rational(BigInteger value) => new(value);
    public static Rational operator -(Rational x) => new(-x.Numerator, x.Denominator);
    public static Rational operator +(Rational x, Rational y) =>
        x.IsInteger && y.IsInteger ? new Rational(x.Numerator + y.Numerator)
                                   : new Rational((x.Numerator * y.Denominator) + (y.Numerator * x.Denominator), x.Denominator * y.Denominator);
    public static Rational operator -(Rational x, Rational y) => x + (-y);
    public static Rational operator *(Rational x, Rational y) =>
        x.IsInteger && y.IsInteger ? new Rational(x.Numerator * y.Numerator)
                                   : new Rational(x.Numerator * y.Numerator, x.Denominator * y.Denominator);
    public static Rational operator /(Rational x, Rational y) => new(x.Numerator * y.Denominator, x.Denominator * y.Numerator);
    public static bool operator ==(Rational x, Rational y) => x.Equals(y);
    public static bool operator !=(Rational x, Rational y) => !x.Equals(y);
    public static bool operator <(Rational x, Rational y) => x.CompareTo(y) < 0;
    public static bool operator >(Rational x, Rational y) => x.CompareTo(y) > 0;
    public static bool operator <=(Rational x, Rational y) => x.CompareTo(y) <= 0;
    public static bool operator >=(Rational x, Rational y) => x.CompareTo(y) >= 0;
#pragma warning restore CS1591, CA2225
}
