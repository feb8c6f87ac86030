using System.Numerics;
using NashFast.TwoByTwo;

namespace NashFast.Tests.TwoByTwo;

/// <summary>
/// Inputs and outputs of one SoA batch in plain arrays, each one slot longer than the batch: the extra slot is the
/// "slot after the end", filled with a sentinel that no kernel may overwrite.
/// </summary>
internal sealed class BatchArrays<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const byte ByteSentinel = 0xA5;
    public static readonly T Sentinel = T.CreateTruncating(-12345.5);

    public BatchArrays(int length)
    {
        Length = length;
        for (int e = 0; e < 8; e++)
        {
            In[e] = new T[length + 1];
            In[e][length] = T.NaN; // a non-finite value just past the end: reading it would flag a lane invalid
        }

        Mask = new byte[length + 1];
        Count = new byte[length + 1];
        Flags = new Solution2x2Flags[length + 1];
        P = new T[length + 1];
        Q = new T[length + 1];
        U = new T[length + 1];
        V = new T[length + 1];
        Poison();
    }

    public int Length { get; }
    public T[][] In { get; } = new T[8][];
    public byte[] Mask { get; }
    public byte[] Count { get; }
    public Solution2x2Flags[] Flags { get; }
    public T[] P { get; }
    public T[] Q { get; }
    public T[] U { get; }
    public T[] V { get; }

    /// <summary>Game k from a flat game-major array of 8 payoffs per game.</summary>
    public static BatchArrays<T> FromFlat(ReadOnlySpan<T> flat)
    {
        var b = new BatchArrays<T>(flat.Length / 8);
        for (int k = 0; k < b.Length; k++)
        {
            for (int e = 0; e < 8; e++)
            {
                b.In[e][k] = flat[(8 * k) + e];
            }
        }

        return b;
    }

    public Game2x2<T> Game(int k) => new(In[0][k], In[1][k], In[2][k], In[3][k], In[4][k], In[5][k], In[6][k], In[7][k]);

    public Games2x2<T> Games => new(In[0].AsSpan(0, Length), In[1].AsSpan(0, Length), In[2].AsSpan(0, Length), In[3].AsSpan(0, Length),
                                    In[4].AsSpan(0, Length), In[5].AsSpan(0, Length), In[6].AsSpan(0, Length), In[7].AsSpan(0, Length));

    public Solutions2x2<T> Results(bool payoffs) => payoffs
        ? new(Mask.AsSpan(0, Length), Count.AsSpan(0, Length), Flags.AsSpan(0, Length), P.AsSpan(0, Length), Q.AsSpan(0, Length), U.AsSpan(0, Length), V.AsSpan(0, Length))
        : new(Mask.AsSpan(0, Length), Count.AsSpan(0, Length), Flags.AsSpan(0, Length), P.AsSpan(0, Length), Q.AsSpan(0, Length));

    /// <summary>Fills every output slot (including the one past the end) with sentinels.</summary>
    public void Poison()
    {
        Array.Fill(Mask, ByteSentinel);
        Array.Fill(Count, ByteSentinel);
        Array.Fill(Flags, (Solution2x2Flags)ByteSentinel);
        Array.Fill(P, Sentinel);
        Array.Fill(Q, Sentinel);
        Array.Fill(U, Sentinel);
        Array.Fill(V, Sentinel);
    }

    public Solution2x2<T> Result(int k) => new()
    {
        PureMask = Mask[k], Count = Count[k], Flags = Flags[k], P = P[k], Q = Q[k], RowPayoff = U[k], ColumnPayoff = V[k],
    };

    /// <summary>Solves with <paramref name="kernel"/> after poisoning, and checks the slot after the end is untouched.</summary>
    public void Solve(TwoByTwoKernel kernel, bool payoffs = true)
    {
        Poison();
        TwoByTwoSolver.Solve(Games, Results(payoffs), kernel);
        AssertTailUntouched(payoffs);
    }

    public void AssertTailUntouched(bool payoffs)
    {
        int n = Length;
        Assert.True(Mask[n] == ByteSentinel && Count[n] == ByteSentinel && (byte)Flags[n] == ByteSentinel, $"byte slot {n} past the end was written");
        Assert.True(Bits(P[n]) == Bits(Sentinel) && Bits(Q[n]) == Bits(Sentinel) && Bits(U[n]) == Bits(Sentinel) && Bits(V[n]) == Bits(Sentinel),
                    $"value slot {n} past the end was written");
        if (!payoffs)
        {
            for (int k = 0; k < n; k++)
            {
                Assert.True(Bits(U[k]) == Bits(Sentinel) && Bits(V[k]) == Bits(Sentinel), $"payoffs written at {k} although not requested");
            }
        }
    }

    /// <summary>Bit pattern of a value (NaN payloads included): the kernels must agree bit for bit.</summary>
    public static long Bits(T x) => typeof(T) == typeof(double) ? BitConverter.DoubleToInt64Bits(double.CreateTruncating(x)) : BitConverter.SingleToInt32Bits(float.CreateTruncating(x));

    /// <summary>Asserts every output slot of <paramref name="other"/> equals this one bit for bit.</summary>
    public void AssertBitwiseEqual(BatchArrays<T> other, string what, bool payoffs = true)
    {
        for (int k = 0; k < Length; k++)
        {
            bool same = Mask[k] == other.Mask[k] && Count[k] == other.Count[k] && Flags[k] == other.Flags[k]
                     && Bits(P[k]) == Bits(other.P[k]) && Bits(Q[k]) == Bits(other.Q[k])
                     && (!payoffs || (Bits(U[k]) == Bits(other.U[k]) && Bits(V[k]) == Bits(other.V[k])));
            if (!same)
            {
                Assert.Fail($"{what}: game {k} {DescribeGame(k)} differs: expected {Describe(Result(k))} got {Describe(other.Result(k))}");
            }
        }
    }

    public string DescribeGame(int k) =>
        $"A=[[{In[0][k]:R},{In[1][k]:R}],[{In[2][k]:R},{In[3][k]:R}]] B=[[{In[4][k]:R},{In[5][k]:R}],[{In[6][k]:R},{In[7][k]:R}]]";

    public static string Describe(Solution2x2<T> s) =>
        $"(mask {s.PureMask}, count {s.Count}, flags {s.Flags}, P {s.P:R}, Q {s.Q:R}, u {s.RowPayoff:R}, v {s.ColumnPayoff:R})";

    public void CopyInputsFrom(BatchArrays<T> other)
    {
        for (int e = 0; e < 8; e++)
        {
            other.In[e].AsSpan(0, Length).CopyTo(In[e]);
        }
    }
}
