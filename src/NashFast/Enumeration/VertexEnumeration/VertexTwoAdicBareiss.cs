using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NashFast.Enumeration;

/// <summary>
/// The fraction-free solve of <see cref="VertexExactCoordinates"/> (Bareiss elimination, then fraction-free back
/// substitution) in the ring of integers modulo 2^(64·W), W machine words, with no division instruction and no
/// allocation per operation: about ten times faster than <see cref="BigInteger"/> on the systems of 3 to 10 unknowns
/// with 63-bit entries that full-precision double games give.
/// </summary>
/// <remarks>
/// <para>Every value the elimination keeps is a minor of <c>[C[R, B] | 1]</c> (q × (q + 1)), and every value the back
/// substitution keeps is one too (a Cramer numerator det · z_i); Hadamard's inequality bounds all of them by
/// <c>2^H</c>, <c>H = q·(b + ½·log₂ q)</c> for entries below <c>2^b</c>. Each new value is an exact quotient
/// <c>X / D</c> of an expression X (a difference of products, possibly twice as wide) by an earlier value D. Reduction
/// modulo 2^k is a ring homomorphism, so X is computed modulo 2^k (its own size does not matter), and with
/// <c>D = 2^t · o</c>, o odd: the low t bits of X are zero, shifting them out leaves X / 2^t modulo 2^(k − t), and
/// multiplying by o's inverse modulo 2^k (Newton's iteration) gives the quotient modulo 2^(k − t). When
/// <c>k − t ≥ H + 2</c> that residue, read as a signed (k − t)-bit number, is the quotient itself. A zero test is exact
/// for the same reason (a nonzero minor is below 2^H in magnitude).</para>
/// <para>The width follows the values: the quotient of elimination step c is a minor of order c + 2, so step c
/// works modulo 2^(64·W_c) with W_c words for order-(c + 2) minors, not the final W. When some divisor has more
/// factors of two than the width leaves room for (t &gt; 64 here; integer games with power-of-two structure can do
/// that), the solve reports failure and the caller uses <see cref="BigInteger"/>.</para>
/// </remarks>
internal static class VertexTwoAdicBareiss
{
    /// <summary>Extra bits each width allows for a divisor's factors of two.</summary>
    private const int TwoPowerRoom = 64;

    /// <summary>Largest number of words held on the stack (q·(q + 1)·W of them).</summary>
    private const int StackWords = 4096;

    /// <summary>
    /// The numerators <c>|det| · z_B</c> of <c>C[R, B] z_B = 1</c>, written to <paramref name="z"/> at
    /// <paramref name="free"/> (the rest untouched), where entry (i, j) is
    /// <paramref name="narrowEntries"/>[rows[i]·d + free[j]] when that array is given, else
    /// <paramref name="bigEntry"/>(rows[i], free[j]), and every entry is below 2^<paramref name="entryBits"/> in
    /// magnitude; false when a divisor's power of two
    /// exceeds the room (the caller then solves in <see cref="BigInteger"/>). The system must be nonsingular.
    /// </summary>
    public static bool TrySolve(Func<int, int, BigInteger>? bigEntry, long[]? narrowEntries, int d, ReadOnlySpan<int> rows, ReadOnlySpan<int> free, long entryBits, BigInteger[] z)
    {
        int q = free.Length;
        if (q == 0)
        {
            return true;
        }

        int w1 = q + 1;
        int h = HadamardBits(q, entryBits);
        int words = Words(h);
        int needed = q * w1 * words;
        Span<ulong> a = needed <= StackWords ? stackalloc ulong[needed] : new ulong[needed];
        a.Clear();
        for (int i = 0; i < q; i++)
        {
            for (int j = 0; j < q; j++)
            {
                Span<ulong> cell = a.Slice(((i * w1) + j) * words, words);
                if (narrowEntries is not null)
                {
                    Load(narrowEntries[(rows[i] * d) + free[j]], cell);
                }
                else
                {
                    Load(bigEntry!(rows[i], free[j]), cell);
                }
            }

            a[((i * w1) + q) * words] = 1;
        }

        Span<ulong> x = stackalloc ulong[words];
        Span<ulong> y = stackalloc ulong[words];
        Span<ulong> scratch = stackalloc ulong[words];

        // Each pivot's factors of two and the inverse of its odd part (full width): step c + 1 divides by pivot c,
        // and back substitution divides row i by pivot i.
        Span<int> twos = q <= 256 ? stackalloc int[q] : new int[q];
        Span<ulong> inverses = q * words <= StackWords ? stackalloc ulong[q * words] : new ulong[q * words];
        for (int c = 0; c < q; c++)
        {
            int pivot = c;
            while (IsZero(Cell(a, pivot, c, w1, words)))
            {
                pivot++; // nonsingular: some row below has a nonzero entry
            }

            if (pivot != c)
            {
                for (int j = c; j <= q; j++)
                {
                    Cell(a, c, j, w1, words).CopyTo(scratch);
                    Cell(a, pivot, j, w1, words).CopyTo(Cell(a, c, j, w1, words));
                    scratch.CopyTo(Cell(a, pivot, j, w1, words));
                }
            }

            // Step c's quotients are minors of order c + 2: their bits, the sign and the divisor's twos decide the width.
            bool divide = c > 0;
            int divisorTwos = divide ? twos[c - 1] : 0;
            int stepWords = (Math.Min(h, HadamardBits(Math.Min(c + 2, q), entryBits)) + 2 + divisorTwos + 63) / 64;
            if (stepWords > words)
            {
                return false; // more factors of two than the room
            }

            ReadOnlySpan<ulong> p = Cell(a, c, c, w1, words);
            ReadOnlySpan<ulong> divisorInverse = divide ? inverses.Slice((c - 1) * words, stepWords) : default;
            for (int i = c + 1; i < q; i++)
            {
                ReadOnlySpan<ulong> b = Cell(a, i, c, w1, words);
                for (int j = c + 1; j <= q; j++)
                {
                    Span<ulong> target = Cell(a, i, j, w1, words);
                    MultiplyLow(target[..stepWords], p[..stepWords], x[..stepWords]);
                    MultiplyLow(b[..stepWords], Cell(a, c, j, w1, words)[..stepWords], y[..stepWords]);
                    VertexLimbSpans.Subtract(x[..stepWords], y[..stepWords]);
                    if (divide)
                    {
                        DivideExact(x[..stepWords], divisorTwos, divisorInverse, y[..stepWords]);
                        SignExtend(y[..stepWords], target);
                    }
                    else
                    {
                        SignExtend(x[..stepWords], target);
                    }
                }
            }

            twos[c] = TrailingZeros(p);
            if (twos[c] > TwoPowerRoom)
            {
                return false;
            }

            OddInverse(p, twos[c], inverses.Slice(c * words, words), scratch, x);
        }

        // Back substitution: n_i = (det · rhs_i − Σ_{j>i} U_ij n_j) / U_ii modulo 2^(64·backWords), n_i a minor of
        // order q; U_ii is pivot i.
        ReadOnlySpan<ulong> det = Cell(a, q - 1, q - 1, w1, words);
        Span<ulong> numerators = q * words <= StackWords ? stackalloc ulong[q * words] : new ulong[q * words];
        for (int i = q - 1; i >= 0; i--)
        {
            int backWords = (h + 2 + twos[i] + 63) / 64;
            Span<ulong> xb = x[..backWords], yb = y[..backWords];
            MultiplyLow(det[..backWords], Cell(a, i, q, w1, words)[..backWords], xb);
            for (int j = i + 1; j < q; j++)
            {
                MultiplyLow(Cell(a, i, j, w1, words)[..backWords], numerators.Slice(j * words, backWords), yb);
                VertexLimbSpans.Subtract(xb, yb);
            }

            DivideExact(xb, twos[i], inverses.Slice(i * words, backWords), yb);
            SignExtend(yb, numerators.Slice(i * words, words));
        }

        bool negate = IsNegative(det);
        for (int i = 0; i < q; i++)
        {
            BigInteger value = ToBigInteger(numerators.Slice(i * words, words));
            z[free[i]] = negate ? -value : value;
        }

        return true;
    }

    /// <summary>Hadamard's bound, in bits, on a minor of order s of a matrix with entries below 2^b (and ones).</summary>
    private static int HadamardBits(int s, long b) => s == 0 ? 1 : (int)Math.Ceiling(s * (Math.Max(b, 1) + (0.5 * Math.Log2(s)))) + 1;

    /// <summary>Words for values of <paramref name="bits"/> bits, their sign and the room for a divisor's twos.</summary>
    private static int Words(int bits) => (bits + 2 + TwoPowerRoom + 63) / 64;

    private static Span<ulong> Cell(Span<ulong> a, int i, int j, int w1, int words) => a.Slice(((i * w1) + j) * words, words);

    /// <summary>x·y modulo 2^(64·r.Length), into r (which may not alias x or y).</summary>
    private static void MultiplyLow(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y, Span<ulong> r)
    {
        int n = r.Length;
        if (x.Length < n || y.Length < n)
        {
            throw new ArgumentException("Operands shorter than the result.");
        }

        r.Clear();
        ref ulong rx = ref MemoryMarshal.GetReference(x);
        ref ulong ry = ref MemoryMarshal.GetReference(y);
        ref ulong rr = ref MemoryMarshal.GetReference(r);
        for (int i = 0; i < n; i++)
        {
            ulong xi = Unsafe.Add(ref rx, i);
            if (xi == 0)
            {
                continue;
            }

            ulong carry = 0;
            ref ulong ri = ref Unsafe.Add(ref rr, i);
            for (int j = 0; j < n - i; j++)
            {
                ulong high = Math.BigMul(xi, Unsafe.Add(ref ry, j), out ulong low);
                low += carry;
                high += low < carry ? 1UL : 0UL;
                ref ulong slot = ref Unsafe.Add(ref ri, j);
                ulong sum = slot + low;
                high += sum < low ? 1UL : 0UL;
                slot = sum;
                carry = high;
            }
        }
    }


    /// <summary>
    /// The exact quotient of x by 2^<paramref name="twos"/>·o, given o's inverse modulo 2^(64·x.Length), as a value
    /// modulo 2^(64·x.Length − twos), sign-extended to the full width into r.
    /// </summary>
    private static void DivideExact(Span<ulong> x, int twos, ReadOnlySpan<ulong> oddInverse, Span<ulong> r)
    {
        ShiftRight(x, twos);
        MultiplyLow(x, oddInverse, r);
        SignExtendFromBit(r, (64 * r.Length) - twos - 1);
    }

    /// <summary>The inverse of <paramref name="value"/> / 2^twos (odd) modulo 2^(64·inverse.Length), by Newton's iteration.</summary>
    private static void OddInverse(ReadOnlySpan<ulong> value, int twos, Span<ulong> inverse, Span<ulong> odd, Span<ulong> t)
    {
        int n = inverse.Length;
        value[..n].CopyTo(odd);
        ShiftRight(odd, twos);
        ulong o = odd[0];
        ulong x0 = o; // correct to 3 bits (o·o ≡ 1 mod 8); each step doubles that
        for (int k = 0; k < 5; k++)
        {
            x0 *= 2 - (o * x0);
        }

        inverse.Clear();
        inverse[0] = x0;
        Span<ulong> u = n <= 64 ? stackalloc ulong[n] : new ulong[n];
        for (int correct = 1; correct < n;)
        {
            // x ← x·(2 − o·x), which doubles the correct words: only that many are computed.
            correct = Math.Min(n, 2 * correct);
            Span<ulong> tc = t[..correct], uc = u[..correct];
            MultiplyLow(odd, inverse, tc);
            Negate(tc);
            tc[0] += 2;
            if (tc[0] < 2)
            {
                for (int i = 1; i < correct && ++tc[i] == 0; i++)
                {
                }
            }

            MultiplyLow(inverse, tc, uc);
            uc.CopyTo(inverse);
        }
    }

    private static void Negate(Span<ulong> x)
    {
        ulong carry = 1;
        for (int i = 0; i < x.Length; i++)
        {
            ulong v = ~x[i] + carry;
            carry = v == 0 && carry == 1 ? 1UL : 0UL;
            x[i] = v;
        }
    }

    /// <summary>Logical right shift by <paramref name="bits"/> (less than the width).</summary>
    private static void ShiftRight(Span<ulong> x, int bits)
    {
        if (bits == 0)
        {
            return;
        }

        int words = bits >> 6, rest = bits & 63;
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            int source = i + words;
            ulong low = source < n ? x[source] : 0;
            ulong high = source + 1 < n ? x[source + 1] : 0;
            x[i] = rest == 0 ? low : (low >> rest) | (high << (64 - rest));
        }
    }

    /// <summary>Reads bits 0…<paramref name="signBit"/> of x as a two's complement number and extends its sign.</summary>
    private static void SignExtendFromBit(Span<ulong> x, int signBit)
    {
        int word = signBit >> 6, bit = signBit & 63;
        bool negative = ((x[word] >> bit) & 1) != 0;
        ulong keep = bit == 63 ? ulong.MaxValue : (1UL << (bit + 1)) - 1;
        x[word] = negative ? x[word] | ~keep : x[word] & keep;
        for (int i = word + 1; i < x.Length; i++)
        {
            x[i] = negative ? ulong.MaxValue : 0;
        }
    }

    /// <summary>Copies a value held in fewer words into the full width of <paramref name="target"/>, extending its sign.</summary>
    private static void SignExtend(ReadOnlySpan<ulong> value, Span<ulong> target)
    {
        value.CopyTo(target);
        ulong fill = (long)value[^1] < 0 ? ulong.MaxValue : 0;
        target[value.Length..].Fill(fill);
    }

    private static bool IsZero(ReadOnlySpan<ulong> x) => x.IndexOfAnyExcept(0UL) < 0;

    private static bool IsNegative(ReadOnlySpan<ulong> x) => (long)x[^1] < 0;

    private static int TrailingZeros(ReadOnlySpan<ulong> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] != 0)
            {
                return (64 * i) + BitOperations.TrailingZeroCount(x[i]);
            }
        }

        return 64 * x.Length;
    }

    private static void Load(long value, Span<ulong> cell)
    {
        cell[0] = (ulong)value;
        cell[1..].Fill(value < 0 ? ulong.MaxValue : 0);
    }

    private static void Load(BigInteger value, Span<ulong> cell)
    {
        Span<byte> bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(cell);
        bytes.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        if (!value.TryWriteBytes(bytes, out _, isUnsigned: false, isBigEndian: false))
        {
            throw new InvalidOperationException("A constraint is wider than its bound.");
        }
    }

    private static BigInteger ToBigInteger(ReadOnlySpan<ulong> x) =>
        new(System.Runtime.InteropServices.MemoryMarshal.AsBytes(x), isUnsigned: false, isBigEndian: false);
}
