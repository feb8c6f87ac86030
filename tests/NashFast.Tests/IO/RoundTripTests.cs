using System.Globalization;
using System.Numerics;
using System.Text;
using CsCheck;
using NashFast.Games;
using NashFast.IO;
using NashFast.TwoByTwo;

namespace NashFast.Tests.IO;

public class RoundTripTests
{
    // Exact payoffs of every kind the formats carry: integers (some huge), fractions, small decimals.
    private static readonly Gen<Rational> GenRational = Gen.OneOf(
        Gen.Int[-1000, 1000].Select(i => (Rational)i),
        Gen.Select(Gen.Long[long.MinValue / 2, long.MaxValue / 2], Gen.Int[1, 1_000_000], (n, d) => new Rational(n, d)),
        Gen.Select(Gen.Int[-100_000, 100_000], Gen.Int[0, 6], (n, e) => new Rational(n, BigInteger.Pow(10, e))));

    private static readonly Gen<string> GenName = Gen.String[Gen.Char["ab \"\\{},xé1"], 0, 8];

    private static readonly Gen<GameFile> GenGame =
        from m in Gen.Int[1, 6]
        from n in Gen.Int[1, 6]
        from a in GenRational.Array[m * n]
        from b in GenRational.Array[m * n]
        from title in GenName
        from named in Gen.Bool
        from rowNames in GenName.Array[m]
        from colNames in GenName.Array[n]
        from players in GenName.Array[2]
        select new GameFile(new ExactBimatrixGame(m, n, a, b), title, players, named ? rowNames : null, named ? colNames : null);

    [Fact]
    public void Nfg_WriteThenRead_ReproducesTheGameExactly() =>
        GenGame.Sample(game =>
        {
            string text = NfgWriter.ToText(game);
            GameFile back = NfgReader.Parse(text, "roundtrip.nfg");
            AssertSameGame(game, back);
            Assert.Equal(game.Title, back.Title);
            Assert.Equal(game.PlayerNames, back.PlayerNames);
            Assert.Equal(game.RowStrategies, back.RowStrategies);
            Assert.Equal(game.ColumnStrategies, back.ColumnStrategies);
        }, iter: 300);

    [Fact]
    public void Json_WriteThenRead_ReproducesTheGameExactly() =>
        GenGame.Sample(game =>
        {
            GameFile back = JsonGameReader.Parse(JsonGameWriter.ToJson(game), "roundtrip.json");
            AssertSameGame(game, back);
            Assert.Equal(game.Title, back.Title);
        }, iter: 300);

    [Fact]
    public void GameReader_TellsJsonFromNfgByContent()
    {
        GameFile game = GenGame.Single(g => g.Exact.Rows > 1, seed: "0000000000001");
        AssertSameGame(game, GameReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(JsonGameWriter.ToJson(game)))));
        AssertSameGame(game, GameReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(NfgWriter.ToText(game)))));
    }

    [Fact]
    public void NfgWriter_WritesTheDoubleGameExactly()
    {
        var game = new BimatrixGame(new[,] { { 0.1, -2.5e-300 }, { 1e300, 3 } }, new[,] { { 1.0 / 3, 0 }, { -0.0, double.Epsilon } });
        var writer = new StringWriter();
        NfgWriter.Write(writer, game);
        GameFile back = NfgReader.Parse(writer.ToString());
        Assert.Equal(game.AFlat.ToArray(), back.Game.AFlat.ToArray());
        Assert.Equal(game.BFlat.ToArray(), back.Game.BFlat.ToArray());
    }

    [Fact]
    public void OutcomeAndPayoffVersions_OfTheSameGame_ReadTheSame()
    {
        GameFile outcome = NfgReader.ReadFile(Corpus.PathOf(Path.Combine("gambit", "coordination_4x4_outcome.nfg")));
        GameFile payoff = NfgReader.ReadFile(Corpus.PathOf(Path.Combine("gambit", "coordination_4x4_payoff.nfg")));
        AssertSameGame(outcome, payoff);
        Assert.Equal(["1-1", "1-2", "1-3", "1-4"], outcome.RowStrategies);
    }

    [Fact]
    public void Nfg_OutcomeVersion_WithoutCommas_NullOutcome_AndProfileOrder()
    {
        const string Text = """
            NFG 1 D "t" { "P1" "P2" } { { "T" "B" } { "L" "R" } } "comment \"quoted\""
            { { "x" 3 2 } { "y" -1/2, 1.5e1 } }
            1 2 0 1
            """;
        GameFile g = NfgReader.Parse(Text);
        // Profiles in order (T,L) (B,L) (T,R) (B,R): the row strategy varies fastest.
        Assert.Equal([(Rational)3, Rational.Zero, new Rational(-1, 2), (Rational)3], g.Exact.AFlat.ToArray()); // row-major A
        Assert.Equal([(Rational)2, (Rational)15, Rational.Zero, (Rational)2], [g.Exact.ColumnPayoff(0, 0), g.Exact.ColumnPayoff(1, 0), g.Exact.ColumnPayoff(0, 1), g.Exact.ColumnPayoff(1, 1)]);
        Assert.Equal("comment \"quoted\"", g.Comment);
    }

    [Fact]
    public void Nfg_DecimalsKeepTheirExactValue()
    {
        GameFile g = NfgReader.Parse("NFG 1 R \"\" { \"a\" \"b\" } { 1 1 } 1.131 -0.25");
        Assert.Equal(new Rational(1131, 1000), g.Exact.RowPayoff(0, 0));
        Assert.Equal(new Rational(-1, 4), g.Exact.ColumnPayoff(0, 0));
    }

    [Fact]
    public void Csv_WriteThenReadInChunks_ReproducesEveryGameAndLine()
    {
        Gen.Double[-1e6, 1e6].Array[8].Array[0, 50].Sample(games =>
        {
            var csv = new StringBuilder("a00,a01,a10,a11,b00,b01,b10,b11\n");
            foreach (double[] g in games)
            {
                csv.AppendJoin(',', Array.ConvertAll(g, v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
            }

            var reader = new Csv2x2Reader(new StringReader(csv.ToString()));
            var chunk = new Csv2x2Chunk(7);
            int k = 0;
            while (reader.ReadChunk(chunk) > 0)
            {
                for (int s = 0; s < chunk.Count; s++, k++)
                {
                    Assert.Null(chunk.Error(s));
                    Assert.Equal(k + 2, chunk.Line(s));
                    for (int e = 0; e < 8; e++)
                    {
                        Assert.Equal(games[k][e], chunk.Payoff(s, e));
                    }
                }
            }

            Assert.Equal(games.Length, k);
        }, iter: 100);
    }

    [Fact]
    public void CsvResults_MatchTheBatchSolver_RowForRow()
    {
        const string Csv = "3,0,0,2,2,0,0,3\n1,-1,-1,1,-1,1,1,-1\n1,2,3\n0,0,0,0,0,0,0,0\n";
        var chunk = new Csv2x2Chunk(16);
        new Csv2x2Reader(new StringReader(Csv)).ReadChunk(chunk);
        int n = chunk.Count;
        var mask = new byte[n];
        var count = new byte[n];
        var flags = new Solution2x2Flags[n];
        double[] p = new double[n], q = new double[n], u = new double[n], v = new double[n];
        var solutions = new Solutions2x2<double>(mask, count, flags, p, q, u, v);
        TwoByTwoSolver.Solve(chunk.Games, solutions);
        var output = new StringWriter();
        new Csv2x2ResultWriter(output).Write(chunk, solutions);
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Csv2x2ResultWriter.Header, lines[0]);
        Assert.Equal(n + 1, lines.Length);
        for (int k = 0; k < n; k++)
        {
            string[] f = lines[k + 1].Split(',', 10);
            Assert.Equal((k + 1).ToString(CultureInfo.InvariantCulture), f[0]);
            if (chunk.Error(k) is { } error)
            {
                Assert.Equal(["", "", "4", "", "", "", "", ""], f[1..9]);
                Assert.Equal($"\"{error}\"", f[9]);
                continue;
            }

            Assert.Equal(mask[k].ToString(CultureInfo.InvariantCulture), f[1]);
            Assert.Equal(count[k].ToString(CultureInfo.InvariantCulture), f[2]);
            Assert.Equal(((int)flags[k]).ToString(CultureInfo.InvariantCulture), f[3]);
            Assert.Equal((flags[k] & Solution2x2Flags.Degenerate) != 0 ? "1" : "0", f[4]);
            double[] values = [p[k], q[k], u[k], v[k]];
            for (int c = 0; c < 4; c++)
            {
                // Round trip: the printed number is exactly the solver's (NaN: no completely mixed equilibrium).
                Assert.Equal(values[c], f[5 + c].Length == 0 ? double.NaN : double.Parse(f[5 + c], CultureInfo.InvariantCulture));
            }

            Assert.Equal("", f[9]);
        }

        Assert.Equal(["9", "3"], lines[1].Split(',')[1..3]);   // battle of the sexes: two pure, one mixed
        Assert.Equal(["0", "1"], lines[2].Split(',')[1..3]);   // matching pennies: the mixed one only
        Assert.Contains("line 3, column 6: expected 8 fields (a00,a01,a10,a11,b00,b01,b10,b11), found 3", lines[3], StringComparison.Ordinal);
        Assert.Equal(["15", "4", "1", "1"], lines[4].Split(',')[1..5]); // all zero: four pure extreme equilibria, degenerate
    }

    private static void AssertSameGame(GameFile expected, GameFile actual)
    {
        Assert.Equal(expected.Exact.Rows, actual.Exact.Rows);
        Assert.Equal(expected.Exact.Columns, actual.Exact.Columns);
        Assert.Equal(expected.Exact.AFlat.ToArray(), actual.Exact.AFlat.ToArray());
        Assert.Equal(expected.Exact.BFlat.ToArray(), actual.Exact.BFlat.ToArray());
    }
}
