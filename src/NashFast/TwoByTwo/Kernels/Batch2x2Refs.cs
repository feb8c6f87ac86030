using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NashFast.TwoByTwo.Kernels;

/// <summary>
/// The first element of each of the eight payoff spans of a batch; element <c>i</c> of game <c>i</c> is at offset
/// <c>i</c> from each. Lengths are checked by the caller (<see cref="Games2x2{T}"/>).
/// </summary>
internal readonly ref struct Batch2x2In<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly ref T A00;
    public readonly ref T A01;
    public readonly ref T A10;
    public readonly ref T A11;
    public readonly ref T B00;
    public readonly ref T B01;
    public readonly ref T B10;
    public readonly ref T B11;

    public Batch2x2In(Games2x2<T> g)
    {
        A00 = ref MemoryMarshal.GetReference(g.A00);
        A01 = ref MemoryMarshal.GetReference(g.A01);
        A10 = ref MemoryMarshal.GetReference(g.A10);
        A11 = ref MemoryMarshal.GetReference(g.A11);
        B00 = ref MemoryMarshal.GetReference(g.B00);
        B01 = ref MemoryMarshal.GetReference(g.B01);
        B10 = ref MemoryMarshal.GetReference(g.B10);
        B11 = ref MemoryMarshal.GetReference(g.B11);
    }
}

/// <summary>The first slot of each output span of a batch (payoff refs are null when not wanted).</summary>
internal readonly ref struct Batch2x2Out<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly ref byte Mask;
    public readonly ref byte Count;
    public readonly ref byte Flags;
    public readonly ref T P;
    public readonly ref T Q;
    public readonly ref T RowPayoff;
    public readonly ref T ColumnPayoff;
    public readonly bool Payoffs;

    public Batch2x2Out(Solutions2x2<T> r)
    {
        Mask = ref MemoryMarshal.GetReference(r.PureMask);
        Count = ref MemoryMarshal.GetReference(r.Count);
        Flags = ref Unsafe.As<Solution2x2Flags, byte>(ref MemoryMarshal.GetReference(r.Flags));
        P = ref MemoryMarshal.GetReference(r.P);
        Q = ref MemoryMarshal.GetReference(r.Q);
        Payoffs = r.WantsPayoffs;
        RowPayoff = ref MemoryMarshal.GetReference(r.RowPayoff);
        ColumnPayoff = ref MemoryMarshal.GetReference(r.ColumnPayoff);
    }
}
