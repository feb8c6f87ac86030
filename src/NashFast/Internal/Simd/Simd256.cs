using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using D = System.Runtime.Intrinsics.Vector256<double>;
using L = System.Runtime.Intrinsics.Vector256<long>;
using Vec = System.Runtime.Intrinsics.Vector256;

namespace NashFast.Internal.Simd;

// The Vector256 members of the width abstraction (ISimdVectors.cs); the width files differ only in the aliases above
// and the ISA-specific members (FromExact53, RotateLeft, WidenBytes).

/// <summary>Vector256&lt;double&gt; as an <see cref="ISimdDoubles{TD, TL}"/>.</summary>
internal readonly struct Doubles256(D value) : ISimdDoubles<Doubles256, Longs256>
{
    /// <summary>The wrapped vector.</summary>
    public readonly D Value = value;

    public static int Count => D.Count;

    public static Doubles256 Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(D.Zero); }

    public static Doubles256 One { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(D.One); }

    public Longs256 Bits { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(Value.AsInt64()); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 Create(double value) => new(Vec.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 FromBits(Longs256 bits) => new(bits.Value.AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Doubles256 FromExact53(Longs256 value) =>
        Avx512DQ.VL.IsSupported ? new(Avx512DQ.VL.ConvertToVector256Double(value.Value.AsUInt64())) : Exact53.BySplitting<Doubles256, Longs256>(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 Load(ref double source, nuint index) => new(Vec.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Store(ref double destination, nuint index) => Value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 operator +(Doubles256 left, Doubles256 right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 operator -(Doubles256 left, Doubles256 right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 operator *(Doubles256 left, Doubles256 right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 operator *(Doubles256 left, double right) => new(left.Value * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 operator /(Doubles256 left, Doubles256 right) => new(left.Value / right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 MultiplyAdd(Doubles256 x, Doubles256 y, double addend) => new((x.Value * y.Value) + Vec.Create(addend));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 Abs(Doubles256 x) => new(Vec.Abs(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 Sqrt(Doubles256 x) => new(Vec.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 Truncate(Doubles256 x) => new(Vec.Truncate(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 GreaterThan(Doubles256 left, Doubles256 right) => new(Vec.GreaterThan(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 LessThan(Doubles256 left, Doubles256 right) => new(Vec.LessThan(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Doubles256 ConditionalSelect(Doubles256 mask, Doubles256 whenTrue, Doubles256 whenFalse) => new(Vec.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 EqualsMask(Doubles256 left, Doubles256 right) => new(Vec.Equals(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 operator &(Doubles256 left, Doubles256 right) => new(left.Value & right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 operator |(Doubles256 left, Doubles256 right) => new(left.Value | right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 AndNot(Doubles256 left, Doubles256 right) => new(Vec.AndNot(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles256 MaxNative(Doubles256 left, Doubles256 right) => new(Vec.MaxNative(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxAcross(Doubles256 value) => Doubles128.MaxAcross(new(System.Runtime.Intrinsics.Vector128.MaxNative(value.Value.GetLower(), value.Value.GetUpper())));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public ulong ExtractMostSignificantBits() => Value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double GetElement(int index) => Value.GetElement(index);
}

/// <summary>Vector256&lt;long&gt; as an <see cref="ISimdLongs{TL}"/>.</summary>
internal readonly struct Longs256(L value) : ISimdLongs<Longs256>
{
    /// <summary>The wrapped vector.</summary>
    public readonly L Value = value;

    public static int Count => L.Count;

    public static Longs256 Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(L.Zero); }

    public static Longs256 One { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(L.One); }

    public static Longs256 AllBitsSet { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(L.AllBitsSet); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 Create(long value) => new(Vec.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 Create(ReadOnlySpan<ulong> values) => new(Vec.Create(values).AsInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Longs256 WidenBytes(ref byte source) =>
        new(Avx2.ConvertToVector256Int64(Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref source)).AsByte()).AsInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 operator +(Longs256 left, Longs256 right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 operator -(Longs256 left, Longs256 right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 operator -(Longs256 value) => new(-value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 operator &(Longs256 left, Longs256 right) => new(left.Value & right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 operator |(Longs256 left, Longs256 right) => new(left.Value | right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 operator ^(Longs256 left, Longs256 right) => new(left.Value ^ right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 operator <<(Longs256 value, int count) => new(value.Value << count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 operator >>>(Longs256 value, int count) => new(value.Value >>> count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Longs256 RotateLeft(Longs256 value, [ConstantExpected] byte count) =>
        Avx512F.VL.IsSupported ? new(Avx512F.VL.RotateLeft(value.Value.AsUInt64(), count).AsInt64()) : (value << count) | (value >>> (64 - count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 CompareEqual(Longs256 left, Longs256 right) => new(Vec.Equals(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 CompareLessThanOrEqual(Longs256 left, Longs256 right) => new(Vec.LessThanOrEqual(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Longs256 ConditionalSelect(Longs256 mask, Longs256 whenTrue, Longs256 whenFalse) => new(Vec.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool EqualsAll(Longs256 left, Longs256 right) => Vec.EqualsAll(left.Value, right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong ExtractMostSignificantBits(Longs256 value) => Vec.ExtractMostSignificantBits(value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static long Sum(Longs256 value) => Vec.Sum(value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 Load(ref long source, nuint index) => new(Vec.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Store(ref long destination, nuint index) => Value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 operator *(Longs256 left, Longs256 right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs256 ShiftRightArithmetic(Longs256 value, int count) => new(Vec.ShiftRightArithmetic(value.Value, count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static long OrAcross(Longs256 value) => OrHalves(value.Value.GetLower() | value.Value.GetUpper());

    private static long OrHalves(System.Runtime.Intrinsics.Vector128<long> half) => half.GetElement(0) | half.GetElement(1);
}
