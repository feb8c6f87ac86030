using System.Globalization;
using System.Numerics;

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
        BigInteger num = negative ? -new BigInteger(mantissa) : new BigInteger(mantissa);
        return exponent >= 0
            ? new Rational(num << exponent)
            : new Rational(num, BigInteger.One << -exponent);
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
