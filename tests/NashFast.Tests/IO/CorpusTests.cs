using NashFast.Games;
using NashFast.IO;
using NashFast.Reference;

namespace NashFast.Tests.IO;

public class CorpusTests
{
    // The corpus answers compare floats within 1e-6 (its README); probabilities absolute, payoffs relative to max(1, |v|).
    private const double Tolerance = 1e-6;

    // Size rule for the solver tests: the exact reference costs about C(m+n, m)·m³ rational operations, which is
    // seconds per game beyond m + n = 12 (the 8x8 and 10x10 games); those are left to the CI corpus step.
    private const int MaxStrategiesForReference = 12;

    public static TheoryData<string> Games() => Corpus.Games();

    [Fact]
    public void CorpusHasAllGames()
    {
        Assert.Equal(103, Games().Count);
        Assert.Equal(44, Directory.GetFiles(Path.Combine(Corpus.Root, "gambit"), "*.nfg").Length);
    }

    [Theory]
    [MemberData(nameof(Games))]
    public void EveryGameLoads_WithTheShapeOfItsAnswer(string game)
    {
        GameFile file = NfgReader.ReadFile(Corpus.PathOf(game));
        var expected = Corpus.Expected(game);
        Assert.Equal(expected.Rows, file.Exact.Rows);
        Assert.Equal(expected.Columns, file.Exact.Columns);
        Assert.Equal(file.Exact.Rows, file.RowStrategies.Count);
        Assert.Equal(2, file.PlayerNames.Count);

        // The payoffs are the ones the answer was computed for: every expected payoff pair is x^T A y, x^T B y exactly.
        foreach (ExactEquilibrium e in expected.Equilibria)
        {
            Assert.Equal(e.RowPayoff, Payoff(file.Exact, e, rowPlayer: true));
            Assert.Equal(e.ColumnPayoff, Payoff(file.Exact, e, rowPlayer: false));
        }
    }

    // Every label's Lemke–Howson path ends at one of the game's extreme equilibria (every corpus game, any size).
    [Theory]
    [MemberData(nameof(Games))]
    public void LemkeHowson_EveryLabel_EndsAtAnExpectedEquilibrium(string game)
    {
        GameFile file = NfgReader.ReadFile(Corpus.PathOf(game));
        var expected = Corpus.Expected(game);
        var keys = new HashSet<string>(Keys(expected.Equilibria));
        int labels = file.Exact.Rows + file.Exact.Columns;
        for (int label = 0; label < labels; label++)
        {
            SolveResult result = NashFast.Enumeration.LemkeHowson.Solve(file.Exact, new SolveOptions { LemkeHowsonLabel = label });
            Assert.True(result.Complete);
            Assert.True(!result.Degenerate || expected.Degenerate, $"label {label}: degeneracy seen on a nondegenerate game");
            string key = Assert.Single(Keys(result.ExactEquilibria!));
            Assert.True(keys.Contains(key), $"label {label}: {key} is not an expected equilibrium");
        }
    }

    [Theory]
    [MemberData(nameof(Games))]
    public void ReferenceSolver_MatchesTheAnswerExactly(string game)
    {
        GameFile file = NfgReader.ReadFile(Corpus.PathOf(game));
        if (file.Exact.Rows + file.Exact.Columns > MaxStrategiesForReference)
        {
            return; // size rule above
        }

        var expected = Corpus.Expected(game);
        SolveResult result = ReferenceSolver.Solve(file.Exact);
        Assert.Equal(expected.Degenerate, result.Degenerate);
        Assert.NotNull(result.ExactEquilibria);
        Assert.Equal(Keys(expected.Equilibria), Keys(result.ExactEquilibria));
    }

    [Theory]
    [MemberData(nameof(Games))]
    public void NashSolverAuto_MatchesTheAnswerWithinTolerance(string game)
    {
        GameFile file = NfgReader.ReadFile(Corpus.PathOf(game));
        if (file.Exact.Rows + file.Exact.Columns > MaxStrategiesForReference)
        {
            return; // size rule above
        }

        var expected = Corpus.Expected(game);
        SolveResult result = NashSolver.Solve(file.Game);
        Assert.True(result.Complete);
        Assert.Equal(expected.Degenerate, result.Degenerate);
        Assert.Equal(expected.Equilibria.Count, result.Equilibria.Count);
        foreach (ExactEquilibrium e in expected.Equilibria)
        {
            int matches = 0;
            foreach (Equilibrium f in result.Equilibria)
            {
                matches += Close(e.ToDouble(), f) ? 1 : 0;
            }

            Assert.True(matches == 1, $"{game}: expected equilibrium {Describe(e)} matched {matches} found ones");
        }
    }

    private static bool Close(Equilibrium e, Equilibrium f)
    {
        for (int i = 0; i < e.Row.Length; i++)
        {
            if (Math.Abs(e.Row[i] - f.Row[i]) > Tolerance)
            {
                return false;
            }
        }

        for (int j = 0; j < e.Column.Length; j++)
        {
            if (Math.Abs(e.Column[j] - f.Column[j]) > Tolerance)
            {
                return false;
            }
        }

        return Math.Abs(e.RowPayoff - f.RowPayoff) <= Tolerance * Math.Max(1, Math.Abs(e.RowPayoff))
            && Math.Abs(e.ColumnPayoff - f.ColumnPayoff) <= Tolerance * Math.Max(1, Math.Abs(e.ColumnPayoff));
    }

    private static Rational Payoff(ExactBimatrixGame g, ExactEquilibrium e, bool rowPlayer)
    {
        Rational sum = Rational.Zero;
        for (int i = 0; i < g.Rows; i++)
        {
            for (int j = 0; j < g.Columns; j++)
            {
                sum += e.Row[i] * e.Column[j] * (rowPlayer ? g.RowPayoff(i, j) : g.ColumnPayoff(i, j));
            }
        }

        return sum;
    }

    // Exact set comparison: each equilibrium as one canonical string; a repeated equilibrium counts twice.
    private static List<string> Keys(IReadOnlyList<ExactEquilibrium> equilibria)
    {
        var keys = new List<string>(equilibria.Count);
        foreach (ExactEquilibrium e in equilibria)
        {
            keys.Add(Describe(e));
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private static string Describe(ExactEquilibrium e) =>
        $"row ({string.Join(" ", e.Row)}) col ({string.Join(" ", e.Column)}) payoffs {e.RowPayoff} {e.ColumnPayoff}";
}
