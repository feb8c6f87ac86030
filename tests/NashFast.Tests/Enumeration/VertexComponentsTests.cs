using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>Maximal Nash subsets (SolveOptions.Components).</summary>
public class VertexComponentsTests
{
    private static readonly SolveOptions WithComponents = new() { Components = true };

    [Fact]
    public void AllZeroTwoByTwo_IsOneSubset_TheWholeSquare()
    {
        ExactBimatrixGame g = VertexTestGames.Exact(2, 2, (_, _) => 0, (_, _) => 0);
        SolveResult r = VertexEnumeration.Solve(g, WithComponents);
        Assert.Equal(4, r.Equilibria.Count);
        NashSubset s = Assert.Single(r.Components!);
        Assert.Equal(0, s.Component);
        Assert.Equal(2, s.RowVertices.Count);
        Assert.Equal(2, s.ColumnVertices.Count);
        Assert.Equal([Rational.One, Rational.Zero], s.RowVertices[0]);
        Assert.Equal([Rational.Zero, Rational.One], s.RowVertices[1]);
    }

    // A = [[0,1,1],[2,0,0]], B = [[2,2,0],[2,1,2]]. Against row 0 the column player is indifferent between c0 and c1
    // and row 0 stays a best response while y1 >= 2/3: the segment {r0} x conv{(1/3,2/3,0), (0,1,0)}. Against row 1
    // she is indifferent between c0 and c2 and row 1 is best while y0 >= 1/3: {r1} x conv{(1/3,0,2/3), (1,0,0)}.
    // Against a strictly mixed x, c0 is her unique best response and row 1 then beats row 0: nothing joins them.
    [Fact]
    public void TwoDisjointSegments_AreTwoComponents()
    {
        int[] a = [0, 1, 1, 2, 0, 0], b = [2, 2, 0, 2, 1, 2];
        ExactBimatrixGame g = VertexTestGames.Exact(2, 3, (i, j) => a[(i * 3) + j], (i, j) => b[(i * 3) + j]);
        SolveResult r = VertexEnumeration.Solve(g, WithComponents);
        VertexTestGames.AssertSameAsReference(g, r, "two segments");
        Assert.Equal(2, r.Components!.Count);
        Assert.Equal(0, r.Components[0].Component);
        Assert.Equal(1, r.Components[1].Component);
        foreach (NashSubset s in r.Components)
        {
            Assert.Single(s.RowVertices);
            Assert.Equal(2, s.ColumnVertices.Count); // a segment: the column player's side has two extreme points
        }

        Assert.Equal([Rational.One, Rational.Zero], r.Components[0].RowVertices[0]);
        Assert.Equal([new Rational(1, 3), new Rational(2, 3), Rational.Zero], r.Components[0].ColumnVertices[0]);
        Assert.Equal([Rational.Zero, Rational.One], r.Components[1].RowVertices[0]);
    }

    // Properties on random degenerate games: every subset is a biclique of extreme equilibria (each pair is one),
    // subsets are maximal (no extreme equilibrium extends both sides), and every extreme equilibrium is covered.
    [Fact]
    public void RandomDegenerateGames_SubsetsAreMaximalBicliquesCoveringAllEquilibria()
    {
        var rng = new System.Random(21);
        for (int t = 0; t < 25; t++)
        {
            BimatrixGame game = VertexTestGames.Random(rng, rng.Next(2, 6), rng.Next(2, 6), smallIntegers: true);
            SolveResult r = VertexEnumeration.Solve(game, WithComponents);
            var equilibria = new HashSet<string>();
            foreach (ExactEquilibrium e in r.ExactEquilibria!)
            {
                equilibria.Add(Key(e.Row, e.Column));
            }

            var covered = new HashSet<string>();
            foreach (NashSubset s in r.Components!)
            {
                foreach (Rational[] x in s.RowVertices)
                {
                    foreach (Rational[] y in s.ColumnVertices)
                    {
                        Assert.Contains(Key(x, y), equilibria);
                        covered.Add(Key(x, y));
                    }
                }

                // Maximal: no other vertex pairs with every vertex of the opposite side.
                foreach (ExactEquilibrium e in r.ExactEquilibria)
                {
                    bool rowIn = s.RowVertices.Any(x => x.AsSpan().SequenceEqual(e.Row));
                    if (!rowIn && s.ColumnVertices.All(y => equilibria.Contains(Key(e.Row, y))))
                    {
                        Assert.Fail($"game {t}: subset not maximal, row vertex {string.Join(",", e.Row)} extends it");
                    }
                }
            }

            Assert.Equal(equilibria.Count, covered.Count);
        }
    }

    [Fact]
    public void ComponentsAreNullUnlessAsked()
    {
        ExactBimatrixGame g = VertexTestGames.Exact(2, 2, (_, _) => 0, (_, _) => 0);
        Assert.Null(VertexEnumeration.Solve(g).Components);
    }

    private static string Key(Rational[] x, Rational[] y) => string.Join(",", x) + "|" + string.Join(",", y);
}
