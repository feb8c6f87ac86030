using NashFast.Games;

namespace NashFast.Tests.Games;

public class BimatrixGameTests
{
    [Fact]
    public void Views_FollowTheIndexConvention()
    {
        var g = new BimatrixGame(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, new double[,] { { 7, 8, 9 }, { 10, 11, 12 } });
        Assert.Equal(2, g.Rows);
        Assert.Equal(3, g.Columns);
        Assert.Equal(6, g.A[1, 2]);
        Assert.Equal(8, g.B[0, 1]);
        Assert.Equal(4, g.RowPayoff(1, 0));
        Assert.Equal([4.0, 5, 6], g.A.GetRowSpan(1).ToArray());
        BimatrixGame t = g.Transpose();
        Assert.Equal(3, t.Rows);
        Assert.Equal(g.B[1, 2], t.A[2, 1]);
        Assert.Equal(g.A[1, 2], t.B[2, 1]);
    }

    [Fact]
    public void RejectsNonFinitePayoffs_NamingTheCell()
    {
        var e = Assert.Throws<ArgumentException>(() => new BimatrixGame(new double[,] { { 1, double.NaN } }, new double[,] { { 1, 2 } }));
        Assert.Contains("A[0, 1]", e.Message);
        e = Assert.Throws<ArgumentException>(() => BimatrixGame.FromRowMajor(1, 2, [1, 2], [double.PositiveInfinity, 0]));
        Assert.Contains("B[0, 0]", e.Message);
    }

    [Fact]
    public void RejectsMismatchedAndEmptyShapes()
    {
        Assert.Throws<ArgumentException>(() => new BimatrixGame(new double[2, 2], new double[2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BimatrixGame(new double[0, 2], new double[0, 2]));
        var e = Assert.Throws<ArgumentException>(() => BimatrixGame.FromRowMajor(2, 2, [1, 2, 3], [1, 2, 3, 4]));
        Assert.Contains("'a'", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BimatrixGame.FromRowMajor(1_000_000, 1_000_000, [], []));
    }

    [Fact]
    public void ExactRoundTrip()
    {
        var g = BimatrixGame.FromRowMajor(1, 3, [0.1, -2.5, 1e-300], [3, 4, 5]);
        BimatrixGame back = ExactBimatrixGame.FromDouble(g).ToDouble();
        Assert.Equal(g.AFlat.ToArray(), back.AFlat.ToArray());
        Assert.Equal(g.BFlat.ToArray(), back.BFlat.ToArray());
    }
}
