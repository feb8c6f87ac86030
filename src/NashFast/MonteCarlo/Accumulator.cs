using System.Numerics;
using System.Runtime.CompilerServices;

namespace NashFast.MonteCarlo;

/// <summary>
/// The mutable statistics of one worker: integer counts and fixed-point sums only, so that merging is exact and the
/// result does not depend on which worker saw which games. Arrays grow only when a new largest count appears.
/// </summary>
internal sealed class Accumulator
{
    public Accumulator(int bins)
    {
        P = new long[bins];
        Q = new long[bins];
    }

    public long Games;
    public long InvalidGames;
    public long DegenerateGames;
    public long CompletelyMixedGames;
    public long IncompleteGames;
    public long Equilibria;
    public long PureEquilibria;
    public Int128 RowPayoffSum;
    public Int128 ColumnPayoffSum;
    public long[] EquilibriaHistogram = new long[8];
    public long[] PureHistogram = new long[8];
    public readonly long[] P;
    public readonly long[] Q;
    public readonly Dictionary<(int Row, int Column), long> Supports = [];

    public void AddEquilibriaCount(int count)
    {
        if (count >= EquilibriaHistogram.Length)
        {
            Array.Resize(ref EquilibriaHistogram, (int)BitOperations.RoundUpToPowerOf2((uint)count + 1));
        }

        EquilibriaHistogram[count]++;
        Equilibria += count;
    }

    public void AddPureCount(int count)
    {
        if (count >= PureHistogram.Length)
        {
            Array.Resize(ref PureHistogram, (int)BitOperations.RoundUpToPowerOf2((uint)count + 1));
        }

        PureHistogram[count]++;
        PureEquilibria += count;
    }

    /// <summary>Adds <paramref name="games"/> games with <paramref name="count"/> equilibria each.</summary>
    public void AddEquilibriaCounts(int count, long games)
    {
        if (games != 0)
        {
            if (count >= EquilibriaHistogram.Length)
            {
                Array.Resize(ref EquilibriaHistogram, (int)BitOperations.RoundUpToPowerOf2((uint)count + 1));
            }

            EquilibriaHistogram[count] += games;
            Equilibria += count * games;
        }
    }

    /// <summary>Adds <paramref name="games"/> games with <paramref name="count"/> pure equilibria each.</summary>
    public void AddPureCounts(int count, long games)
    {
        if (games != 0)
        {
            if (count >= PureHistogram.Length)
            {
                Array.Resize(ref PureHistogram, (int)BitOperations.RoundUpToPowerOf2((uint)count + 1));
            }

            PureHistogram[count] += games;
            PureEquilibria += count * games;
        }
    }

    public void AddMixed(double p, double q)
    {
        P[Bin(p, P.Length)]++;
        Q[Bin(q, Q.Length)]++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bin(double x, int bins)
    {
        int k = (int)(x * bins);
        return k < 0 ? 0 : k >= bins ? bins - 1 : k;
    }

    public void Merge(Accumulator other)
    {
        Games += other.Games;
        InvalidGames += other.InvalidGames;
        DegenerateGames += other.DegenerateGames;
        CompletelyMixedGames += other.CompletelyMixedGames;
        IncompleteGames += other.IncompleteGames;
        Equilibria += other.Equilibria;
        PureEquilibria += other.PureEquilibria;
        RowPayoffSum += other.RowPayoffSum;
        ColumnPayoffSum += other.ColumnPayoffSum;
        AddInto(ref EquilibriaHistogram, other.EquilibriaHistogram);
        AddInto(ref PureHistogram, other.PureHistogram);
        for (int k = 0; k < P.Length; k++)
        {
            P[k] += other.P[k];
            Q[k] += other.Q[k];
        }

        foreach (KeyValuePair<(int Row, int Column), long> kv in other.Supports)
        {
            Supports[kv.Key] = Supports.GetValueOrDefault(kv.Key) + kv.Value;
        }
    }

    private static void AddInto(ref long[] target, long[] source)
    {
        if (source.Length > target.Length)
        {
            Array.Resize(ref target, source.Length);
        }

        for (int k = 0; k < source.Length; k++)
        {
            target[k] += source[k];
        }
    }
}
