using System.Runtime.CompilerServices;
using NashFast.Internal.Simd;
using NashFast.TwoByTwo;

namespace NashFast.Random.Kernels;

/// <summary>
/// The 2×2 game generators over <see cref="GameStream"/> (the "driver" of the vector body <c>XoshiroGames.Lanes.cs</c>):
/// one xoshiro256++ per block of <see cref="BlockGames"/> games, one block per vector lane.
/// </summary>
/// <remarks>
/// <para>A 2×2 game reads 8 words: game <c>g</c> is game <c>g mod 256</c> of block <c>⌊g / 256⌋</c>. A vector of width V
/// runs V whole consecutive blocks side by side, so at step j lane k produces game j of block <c>b + k</c>; the games are
/// written to their own slots (stride 256). Ranges that do not start or end on a block boundary, and any rest narrower
/// than the widest group, run block by block in the scalar path (<see cref="FillScalar{TSource}"/>, the specification).
/// Every width equals the scalar path bit for bit: the generator is integer arithmetic, the conversion to double exact
/// and the Box–Muller operations the scalar ones in the same order (tested).</para>
/// </remarks>
internal static partial class XoshiroGames
{
    /// <summary>2×2 games per block (2048 words / 8 words per game).</summary>
    public const int BlockGames = GameStream.BlockWords / WordsPerGame;

    /// <summary>Words of one 2×2 game: one per payoff (uniform, integer) or one per Box–Muller deviate (normal, covariant).</summary>
    public const int WordsPerGame = 8;

    /// <summary>Uniform [0, 1) payoffs of games <c>firstGame … firstGame + d.Length − 1</c>.</summary>
    public static void Uniform(ulong seed, long firstGame, in Payoffs2x2 d, TwoByTwoKernel kernel) => Run(seed, firstGame, d, kernel, normal: false);

    /// <summary>Standard normal payoffs of games <c>firstGame … firstGame + d.Length − 1</c>.</summary>
    public static void Normal(ulong seed, long firstGame, in Payoffs2x2 d, TwoByTwoKernel kernel) => Run(seed, firstGame, d, kernel, normal: true);

    private static void Run(ulong seed, long firstGame, in Payoffs2x2 d, TwoByTwoKernel kernel, bool normal)
    {
        int n = d.Length;
        long g = firstGame;
        int i = 0;
        while (i < n)
        {
            int remaining = n - i;
            if (g % BlockGames == 0)
            {
                ulong block = (ulong)(g / BlockGames);
                int group = kernel >= TwoByTwoKernel.Vector512 && remaining >= 8 * BlockGames ? 8
                    : kernel >= TwoByTwoKernel.Vector256 && remaining >= 4 * BlockGames ? 4
                    : kernel >= TwoByTwoKernel.Vector128 && remaining >= 2 * BlockGames ? 2
                    : 0;
                switch (group)
                {
                    case 8:
                        Blocks<Doubles512, Longs512>(seed, block, d, i, normal);
                        break;
                    case 4:
                        Blocks<Doubles256, Longs256>(seed, block, d, i, normal);
                        break;
                    case 2:
                        Blocks<Doubles128, Longs128>(seed, block, d, i, normal);
                        break;
                }

                if (group != 0)
                {
                    i += group * BlockGames;
                    g += group * BlockGames;
                    continue;
                }
            }

            int count = (int)Math.Min(remaining, BlockGames - (g % BlockGames));
            if (normal)
            {
                FillScalar(seed, g, d, i, count, default(NormalSource));
            }
            else
            {
                FillScalar(seed, g, d, i, count, default(UniformSource));
            }

            i += count;
            g += count;
        }
    }

    /// <summary>One 2×2 game's payoffs from its stream (8 words).</summary>
    internal interface ISource
    {
        void Write(ref GameStream s, in Payoffs2x2 d, int i);
    }

    /// <summary>
    /// The specification: games <c>[first, first + count)</c> into slots <c>[slot, slot + count)</c>, block by block, each
    /// block's generator opened at the range's first game in it and run sequentially.
    /// </summary>
    internal static void FillScalar<TSource>(ulong seed, long first, in Payoffs2x2 d, int slot, int count, TSource source)
        where TSource : struct, ISource
    {
        long g = first;
        int i = slot, end = slot + count;
        while (i < end)
        {
            int inBlock = (int)Math.Min(end - i, BlockGames - (g % BlockGames));
            GameStream s = GameStream.Open(seed, g, WordsPerGame);
            for (int k = 0; k < inBlock; k++)
            {
                source.Write(ref s, d, i + k);
            }

            i += inBlock;
            g += inBlock;
        }
    }

    /// <summary>Uniform payoffs a00 a01 a10 a11 b00 b01 b10 b11, one word each.</summary>
    internal readonly struct UniformSource : ISource
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Write(ref GameStream s, in Payoffs2x2 d, int i)
        {
            d.A00[i] = s.NextDouble(); d.A01[i] = s.NextDouble(); d.A10[i] = s.NextDouble(); d.A11[i] = s.NextDouble();
            d.B00[i] = s.NextDouble(); d.B01[i] = s.NextDouble(); d.B10[i] = s.NextDouble(); d.B11[i] = s.NextDouble();
        }
    }

    /// <summary>Normal payoffs, Box–Muller pairs (a00, a01), (a10, a11), (b00, b01), (b10, b11).</summary>
    internal readonly struct NormalSource : ISource
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Write(ref GameStream s, in Payoffs2x2 d, int i)
        {
            s.NextNormalPair(out d.A00[i], out d.A01[i]);
            s.NextNormalPair(out d.A10[i], out d.A11[i]);
            s.NextNormalPair(out d.B00[i], out d.B01[i]);
            s.NextNormalPair(out d.B10[i], out d.B11[i]);
        }
    }
}
