using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using D = System.Runtime.Intrinsics.Vector128<double>;
using L = System.Runtime.Intrinsics.Vector128<long>;
using Vec = System.Runtime.Intrinsics.Vector128;

namespace NashFast.Internal.Simd;

// The Vector128 members of the width abstraction (ISimdVectors.cs); the width files differ only in the aliases above
// and the ISA-specific members (FromExact53, RotateLeft, WidenBytes).

/// <summary>Vector128&lt;double&gt; as an <see cref="ISimdDoubles{TD, TL}"/>.</summary>
internal readonly struct Doubles128(D value) : ISimdDoubles<Doubles128, Longs128>
{
    /// <summary>The wrapped vector.</summary>
    public readonly D Value = value;

    public static int Count => D.Count;

    public static Doubles128 Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(D.Zero); }

    public static Doubles128 One { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(D.One); }

    public Longs128 Bits { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(Value.AsInt64()); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 Create(double value) => new(Vec.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 FromBits(Longs128 bits) => new(bits.Value.AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Doubles128 FromExact53(Longs128 value) =>
        Avx512DQ.VL.IsSupported ? new(Avx512DQ.VL.ConvertToVector128Double(value.Value.AsUInt64())) : Exact53.BySplitting<Doubles128, Longs128>(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 Load(ref double source, nuint index) => new(Vec.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Store(ref double destination, nuint index) => Value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 operator +(Doubles128 left, Doubles128 right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 operator -(Doubles128 left, Doubles128 right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 operator *(Doubles128 left, Doubles128 right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 operator *(Doubles128 left, double right) => new(left.Value * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 operator /(Doubles128 left, Doubles128 right) => new(left.Value / right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 MultiplyAdd(Doubles128 x, Doubles128 y, double addend) => new((x.Value * y.Value) + Vec.Create(addend));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 Abs(Doubles128 x) => new(Vec.Abs(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 Sqrt(Doubles128 x) => new(Vec.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 Truncate(Doubles128 x) => new(Vec.Truncate(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 GreaterThan(Doubles128 left, Doubles128 right) => new(Vec.GreaterThan(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 LessThan(Doubles128 left, Doubles128 right) => new(Vec.LessThan(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Doubles128 ConditionalSelect(Doubles128 mask, Doubles128 whenTrue, Doubles128 whenFalse) => new(Vec.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 EqualsMask(Doubles128 left, Doubles128 right) => new(Vec.Equals(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 operator &(Doubles128 left, Doubles128 right) => new(left.Value & right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 operator |(Doubles128 left, Doubles128 right) => new(left.Value | right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 AndNot(Doubles128 left, Doubles128 right) => new(Vec.AndNot(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Doubles128 MaxNative(Doubles128 left, Doubles128 right) => new(Vec.MaxNative(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxAcross(Doubles128 value) => Math.Max(value.Value.GetElement(0), value.Value.GetElement(1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public ulong ExtractMostSignificantBits() => Value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double GetElement(int index) => Value.GetElement(index);
}

/// <summary>Vector128&lt;long&gt; as an <see cref="ISimdLongs{TL}"/>.</summary>
internal readonly struct Longs128(L value) : ISimdLongs<Longs128>
{
    /// <summary>The wrapped vector.</summary>
    public readonly L Value = value;

    public static int Count => L.Count;

    public static Longs128 Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(L.Zero); }

    public static Longs128 One { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(L.One); }

    public static Longs128 AllBitsSet { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(L.AllBitsSet); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 Create(long value) => new(Vec.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 Create(ReadOnlySpan<ulong> values) => new(Vec.Create(values).AsInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Longs128 WidenBytes(ref byte source) =>
        new(Sse41.ConvertToVector128Int64(Vector128.CreateScalar(Unsafe.ReadUnaligned<ushort>(ref source)).AsByte()).AsInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 operator +(Longs128 left, Longs128 right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 operator -(Longs128 left, Longs128 right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 operator -(Longs128 value) => new(-value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 operator &(Longs128 left, Longs128 right) => new(left.Value & right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 operator |(Longs128 left, Longs128 right) => new(left.Value | right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 operator ^(Longs128 left, Longs128 right) => new(left.Value ^ right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 operator <<(Longs128 value, int count) => new(value.Value << count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 operator >>>(Longs128 value, int count) => new(value.Value >>> count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Longs128 RotateLeft(Longs128 value, [ConstantExpected] byte count) =>
        Avx512F.VL.IsSupported ? new(Avx512F.VL.RotateLeft(value.Value.AsUInt64(), count).AsInt64()) : (value << count) | (value >>> (64 - count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 CompareEqual(Longs128 left, Longs128 right) => new(Vec.Equals(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 CompareLessThanOrEqual(Longs128 left, Longs128 right) => new(Vec.LessThanOrEqual(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Longs128 ConditionalSelect(Longs128 mask, Longs128 whenTrue, Longs128 whenFalse) => new(Vec.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool EqualsAll(Longs128 left, Longs128 right) => Vec.EqualsAll(left.Value, right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong ExtractMostSignificantBits(Longs128 value) => Vec.ExtractMostSignificantBits(value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static long Sum(Longs128 value) => Vec.Sum(value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 Load(ref long source, nuint index) => new(Vec.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Store(ref long destination, nuint index) => Value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 operator *(Longs128 left, Longs128 right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Longs128 ShiftRightArithmetic(Longs128 value, int count) => new(Vec.ShiftRightArithmetic(value.Value, count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static long OrAcross(Longs128 value) => value.Value.GetElement(0) | value.Value.GetElement(1);
}
