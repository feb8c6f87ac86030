using System.Runtime.CompilerServices;

namespace NashFast.Random;

/// <summary>
/// The random words of one game of a run: block-seeded xoshiro256++. Games are grouped into blocks of
/// <see cref="GamesPerBlock"/> consecutive indices; block <c>b</c>'s <see cref="Xoshiro256PlusPlus"/> state is the first 256
/// bits of <see cref="PhiloxStream"/> index <c>b</c>, domain <see cref="SeedDomain"/> of the run's seed (Philox4x32-10 as
/// the mixer from (seed, block) to state), and game <c>j</c> of the block reads the generator's outputs
/// <c>[j·w, (j + 1)·w)</c>, w = <c>wordsPerGame</c>. So a game is a pure function of (seed, game index, shape): the same
/// numbers whatever thread, chunk, shard, machine or vector width produced it.
/// </summary>
/// <remarks>
/// A block spans at most <see cref="BlockWords"/> outputs: ⌊2048 / w⌋ games (at least one), 256 for a 2×2 game
/// (w = 8). Opening a game in the middle of its block skips the earlier games' words (at most 2047 steps), which the
/// per-game <see cref="IGameDistribution.Fill"/> pays; the 2×2 generators run whole blocks, one per vector lane.
/// Every built-in distribution uses exactly two words per cell (w = 2·m·n): one per uniform or integer payoff, one
/// Box–Muller pair per two normal payoffs.
/// </remarks>
public struct GameStream
{
    /// <summary>Most outputs one block's generator produces.</summary>
    public const int BlockWords = 2048;

    /// <summary>The <see cref="PhiloxStream"/> domain of the block seeds (the domain 0 streams are not used for games).</summary>
    public const uint SeedDomain = 1;

    private const double DoubleUnit = 1.0 / (1UL << 53);

    private Xoshiro256PlusPlus _generator;

    private GameStream(Xoshiro256PlusPlus generator) => _generator = generator;

    /// <summary>Games per block when each game reads <paramref name="wordsPerGame"/> outputs: max(1, ⌊2048 / w⌋).</summary>
    public static int GamesPerBlock(int wordsPerGame)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordsPerGame);
        return Math.Max(1, BlockWords / wordsPerGame);
    }

    /// <summary>The generator at the start of block <paramref name="block"/> of <paramref name="seed"/>.</summary>
    public static Xoshiro256PlusPlus BlockGenerator(ulong seed, ulong block)
    {
        var mixer = new PhiloxStream(seed, block, SeedDomain);
        ulong s0 = mixer.NextUInt64(), s1 = mixer.NextUInt64(), s2 = mixer.NextUInt64(), s3 = mixer.NextUInt64();
        return new Xoshiro256PlusPlus(s0, s1, s2, s3);
    }

    /// <summary>The stream of game <paramref name="gameIndex"/> (≥ 0), each game of the run reading <paramref name="wordsPerGame"/> outputs.</summary>
    public static GameStream Open(ulong seed, long gameIndex, int wordsPerGame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gameIndex);
        int perBlock = GamesPerBlock(wordsPerGame);
        long block = gameIndex / perBlock;
        int skip = (int)(gameIndex - (block * perBlock)) * wordsPerGame;
        Xoshiro256PlusPlus g = BlockGenerator(seed, (ulong)block);
        for (int k = 0; k < skip; k++)
        {
            g.Next();
        }

        return new GameStream(g);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => _generator.Next();

    /// <summary>A uniform double in [0, 1) with 53 random bits: <c>(x >> 11)·2^-53</c>, one word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => ToUnitDouble(_generator.Next());

    /// <summary>
    /// A uniform integer in <c>[0, range)</c> from one word, <c>⌊x·range / 2^64⌋</c> (Lemire's multiply-shift without the
    /// rejection step, so every payoff reads exactly one word): each value has probability
    /// ⌊2^64/range⌋/2^64 or ⌈2^64/range⌉/2^64, within <c>2^-64</c> of <c>1/range</c> (relative bias ≤ range·2^-64 ≤ 2^-32).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextBounded(ulong range) => Math.BigMul(_generator.Next(), range, out _);

    /// <summary>Two standard normal deviates, the Box–Muller transform (<see cref="PhiloxStream.BoxMuller"/>) of two words.</summary>
    public void NextNormalPair(out double z0, out double z1)
    {
        ulong x = _generator.Next();
        ulong y = _generator.Next();
        Kernels.NormalMath.BoxMuller(x, y, out z0, out z1);
    }

    /// <summary>A uniform double in [0, 1) from a word, as <see cref="NextDouble"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToUnitDouble(ulong x) => (x >> 11) * DoubleUnit;
}
