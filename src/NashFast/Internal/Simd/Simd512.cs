using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using D = System.Runtime.Intrinsics.Vector512<double>;
using L = System.Runtime.Intrinsics.Vector512<long>;
using Vec = System.Runtime.Intrinsics.Vector512;

namespace NashFast.Internal.Simd;

// The Vector512 members of the width abstraction (ISimdVectors.cs); the width files differ only in the aliases above
// and the ISA-specific members (FromExact53, RotateLeft, WidenBytes).

/// <summary>Vector512&lt;double&gt; as an <see cref="ISimdDoubles{TD, TL}"/>.</summary>
internal readonly struct Doubles512(D value) : ISimdDoubles<Doubles512, Longs512>
{
    /// <summary>The wrapped vector.</summary>
    public readonly D Value = value;

    public static int Count => D.Count;

    public static Doubles512 Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(D.Zero); }

    public static Doubles512 One { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(D.One); }

    public Longs512 Bits { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(Value.AsInt64()); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 Create(double value) => new(Vec.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 FromBits(Longs512 bits) => new(bits.Value.AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Doubles512 FromExact53(Longs512 value) =>
        Avx512DQ.IsSupported ? new(Avx512DQ.ConvertToVector512Double(value.Value.AsUInt64())) : Exact53.BySplitting<Doubles512, Longs512>(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 Load(ref double source, nuint index) => new(Vec.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Store(ref double destination, nuint index) => Value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 operator +(Doubles512 left, Doubles512 right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 operator -(Doubles512 left, Doubles512 right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 operator *(Doubles512 left, Doubles512 right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 operator *(Doubles512 left, double right) => new(left.Value * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 operator /(Doubles512 left, Doubles512 right) => new(left.Value / right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 MultiplyAdd(Doubles512 x, Doubles512 y, double addend) => new((x.Value * y.Value) + Vec.Create(addend));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 Abs(Doubles512 x) => new(Vec.Abs(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 Sqrt(Doubles512 x) => new(Vec.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 Truncate(Doubles512 x) => new(Vec.Truncate(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 GreaterThan(Doubles512 left, Doubles512 right) => new(Vec.GreaterThan(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 LessThan(Doubles512 left, Doubles512 right) => new(Vec.LessThan(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Doubles512 ConditionalSelect(Doubles512 mask, Doubles512 whenTrue, Doubles512 whenFalse) => new(Vec.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 EqualsMask(Doubles512 left, Doubles512 right) => new(Vec.Equals(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 operator &(Doubles512 left, Doubles512 right) => new(left.Value & right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 operator |(Doubles512 left, Doubles512 right) => new(left.Value | right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 AndNot(Doubles512 left, Doubles512 right) => new(Vec.AndNot(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles512 MaxNative(Doubles512 left, Doubles512 right) => new(Vec.MaxNative(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxAcross(Doubles512 value) => Doubles256.MaxAcross(new(System.Runtime.Intrinsics.Vector256.MaxNative(value.Value.GetLower(), value.Value.GetUpper())));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public ulong ExtractMostSignificantBits() => Value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double GetElement(int index) => Value.GetElement(index);
}

/// <summary>Vector512&lt;long&gt; as an <see cref="ISimdLongs{TL}"/>.</summary>
internal readonly struct Longs512(L value) : ISimdLongs<Longs512>
{
    /// <summary>The wrapped vector.</summary>
    public readonly L Value = value;

    public static int Count => L.Count;

    public static Longs512 Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(L.Zero); }

    public static Longs512 One { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(L.One); }

    public static Longs512 AllBitsSet { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(L.AllBitsSet); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 Create(long value) => new(Vec.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 Create(ReadOnlySpan<ulong> values) => new(Vec.Create(values).AsInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Longs512 WidenBytes(ref byte source) =>
        new(Avx512F.ConvertToVector512Int64(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref source)).AsByte()).AsInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 operator +(Longs512 left, Longs512 right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 operator -(Longs512 left, Longs512 right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 operator -(Longs512 value) => new(-value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 operator &(Longs512 left, Longs512 right) => new(left.Value & right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 operator |(Longs512 left, Longs512 right) => new(left.Value | right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 operator ^(Longs512 left, Longs512 right) => new(left.Value ^ right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 operator <<(Longs512 value, int count) => new(value.Value << count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 operator >>>(Longs512 value, int count) => new(value.Value >>> count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Longs512 RotateLeft(Longs512 value, [ConstantExpected] byte count) =>
        Avx512F.IsSupported ? new(Avx512F.RotateLeft(value.Value.AsUInt64(), count).AsInt64()) : (value << count) | (value >>> (64 - count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 CompareEqual(Longs512 left, Longs512 right) => new(Vec.Equals(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 CompareLessThanOrEqual(Longs512 left, Longs512 right) => new(Vec.LessThanOrEqual(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Longs512 ConditionalSelect(Longs512 mask, Longs512 whenTrue, Longs512 whenFalse) => new(Vec.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool EqualsAll(Longs512 left, Longs512 right) => Vec.EqualsAll(left.Value, right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong ExtractMostSignificantBits(Longs512 value) => Vec.ExtractMostSignificantBits(value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static long Sum(Longs512 value) => Vec.Sum(value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 Load(ref long source, nuint index) => new(Vec.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Store(ref long destination, nuint index) => Value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 operator *(Longs512 left, Longs512 right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs512 ShiftRightArithmetic(Longs512 value, int count) => new(Vec.ShiftRightArithmetic(value.Value, count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static long OrAcross(Longs512 value) => OrHalves(value.Value.GetLower() | value.Value.GetUpper());

    private static long OrHalves(System.Runtime.Intrinsics.Vector256<long> half)
    {
        System.Runtime.Intrinsics.Vector128<long> quarter = half.GetLower() | half.GetUpper();
        return quarter.GetElement(0) | quarter.GetElement(1);
    }
}
