using System.Numerics;
using System.Runtime.Intrinsics;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The interval tableau's three arithmetic paths (Vector512 groups of eight with a Vector256 tail, Vector256 only,
/// scalar) compute the same expressions, so they must agree bit for bit: same entries after any pivot sequence,
/// same certified leaving rows, and the same vertex search (same vertices as the exact tier, same work).
/// </summary>
public class VertexFloatVectorWidthTests
{
    private static readonly int[] Widths = [512, 256, 0];

    [Fact]
    public void Create_UsesTheWidestAcceleratedWidthUpToTheCap()
    {
        BigInteger[] c = [.. Enumerable.Range(1, 12).Select(i => (BigInteger)i)];
        Assert.Equal(Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 0, VertexIntervalTableau.Create(c, 3, 4, 512)!.VectorBits);
        Assert.Equal(Vector256.IsHardwareAccelerated ? 256 : 0, VertexIntervalTableau.Create(c, 3, 4, 256)!.VectorBits);
        Assert.Equal(0, VertexIntervalTableau.Create(c, 3, 4, 0)!.VectorBits);
    }

    /// <summary>
    /// Random pivot sequences on tableaux of every shape from 1×1 to 13×19 (so every split of a row into eights,
    /// fours and nothing occurs): each width's entries, radii and ratio-test answers equal the scalar path's exactly.
    /// </summary>
    [Fact]
    public void PivotsAndRatioTests_AgreeBitForBitAcrossWidths()
    {
        var rng = new System.Random(2026);
        int ratioAnswers = 0, certified = 0;
        for (int t = 0; t < 300; t++)
        {
            int k = rng.Next(1, 14), d = rng.Next(1, 20);
            var c = new BigInteger[k * d];
            for (int i = 0; i < c.Length; i++)
            {
                // Mostly full 53-bit entries; some tiny integers, which make ties and uncertain tests likely.
                c[i] = rng.Next(4) == 0 ? rng.Next(1, 4) : (BigInteger)(((long)rng.Next() << 22) ^ rng.Next()) + 1;
            }

            VertexIntervalTableau[] tableaux = [.. Widths.Select(w => VertexIntervalTableau.Create(c, k, d, w)!)];
            for (int step = 0; step < 12; step++)
            {
                int r = rng.Next(k), s = rng.Next(d);
                bool[] ok = [.. tableaux.Select(x => x.Pivot(r, s))];
                Assert.All(ok, o => Assert.Equal(ok[^1], o));
                if (!ok[^1])
                {
                    break;
                }

                AssertSameEntries(tableaux, $"{k}x{d} #{t} step {step}");
                var rows = new int[tableaux.Length][];
                for (int x = 0; x < tableaux.Length; x++)
                {
                    rows[x] = new int[d];
                    tableaux[x].CertifiedRatioRows(rows[x]);
                    for (int col = 0; col < d; col++)
                    {
                        Assert.Equal(tableaux[x].CertifiedRatioRow(col), rows[x][col]);
                    }
                }

                Assert.All(rows, x => Assert.Equal(rows[^1], x));
                ratioAnswers += d;
                certified += rows[^1].Count(x => x >= 0);
            }
        }

        // Both outcomes must occur, or the comparison above proved little.
        Assert.True(certified > ratioAnswers / 10 && certified < ratioAnswers, $"{certified} of {ratioAnswers} columns certified");
    }

    /// <summary>Every width's search returns the exact tier's vertices (or null on the same games) with the same work.</summary>
    [Fact]
    public void Search_AllWidthsGiveTheExactVerticesWithTheSameWork()
    {
        var rng = new System.Random(77);
        int completed = 0;
        for (int t = 0; t < 16; t++)
        {
            int m = rng.Next(2, 12), n = rng.Next(2, 12);
            bool ints = t % 4 == 3;
            ExactBimatrixGame game = ExactBimatrixGame.FromDouble(ints ? VertexTestGames.Random(rng, m, n, smallIntegers: true) : VertexTestGames.RandomFullPrecision(rng, m, n));
            (BigInteger[] cp, BigInteger[] cq) = VertexPolytopes.Build(game);
            foreach ((BigInteger[] c, int k, int d, int shift) in new[] { (cp, n, m, 0), (cq, m, n, m) })
            {
                VertexSet exact = VertexTiers.Enumerate(c, k, d, shift, VertexTier.Big, CancellationToken.None)!;
                var expected = new SortedSet<ulong>(Enumerable.Range(0, exact.Count).Select(exact.Labels));
                var stats = new VertexFloatSearchStats[Widths.Length];
                var nulls = new bool[Widths.Length];
                for (int w = 0; w < Widths.Length; w++)
                {
                    VertexSet? fl = VertexFloatSearch.Run(c, k, d, shift, CancellationToken.None, out stats[w], maxVectorBits: Widths[w]);
                    nulls[w] = fl is null;
                    if (fl is not null)
                    {
                        Assert.Equal(expected, new SortedSet<ulong>(Enumerable.Range(0, fl.Count).Select(fl.Labels)));
                        Assert.Equal(exact.Count, fl.Count);
                        completed++;
                    }
                }

                Assert.All(nulls, x => Assert.Equal(nulls[^1], x));
                Assert.All(stats, x => Assert.Equal(stats[^1], x));
            }
        }

        Assert.True(completed > 0);
    }

    private static void AssertSameEntries(VertexIntervalTableau[] tableaux, string what)
    {
        VertexIntervalTableau reference = tableaux[^1];
        foreach (VertexIntervalTableau x in tableaux)
        {
            Assert.Equal(reference.Basic, x.Basic);
            Assert.Equal(reference.Nonbasic, x.Nonbasic);
            for (int r = 0; r < x.K; r++)
            {
                for (int s = 0; s <= x.D; s++)
                {
                    double v = x.Values[(r * x.Stride) + s], rv = reference.Values[(r * reference.Stride) + s];
                    double rad = x.Radii[(r * x.Stride) + s], rrad = reference.Radii[(r * reference.Stride) + s];
                    Assert.True(BitConverter.DoubleToInt64Bits(v) == BitConverter.DoubleToInt64Bits(rv), $"{what} width {x.VectorBits}: value ({r}, {s}) {v} vs {rv}");
                    Assert.True(BitConverter.DoubleToInt64Bits(rad) == BitConverter.DoubleToInt64Bits(rrad), $"{what} width {x.VectorBits}: radius ({r}, {s}) {rad} vs {rrad}");
                }
            }
        }
    }
}
