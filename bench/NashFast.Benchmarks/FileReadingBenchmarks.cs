using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using NashFast.Games;
using NashFast.IO;

namespace NashFast.Benchmarks;

/// <summary>
/// Reading games: the streaming <c>.nfg</c> reader (exact rationals, line/column tracking) against the obvious way
/// (split on white space, parse every token with <see cref="Rational.Parse"/>) as the baseline, and the streaming CSV
/// reader of 2×2 batches. GlobalSetup throws unless every reader gives back exactly the games that were written.
/// </summary>
[MemoryDiagnoser]
public class FileReadingBenchmarks
{
    private string _nfg = string.Empty;
    private string _csv = string.Empty;
    private ExactBimatrixGame _expected = null!;
    private double[][] _csvExpected = [];
    private Csv2x2Chunk _chunk = null!;

    /// <summary>Game shape of the .nfg file (an odd size included).</summary>
    [Params("10x10", "101x101")]
    public string Shape { get; set; } = "10x10";

    /// <summary>Games per invocation for the Games/s column: one .nfg game (the CSV method reads <see cref="CsvRows"/>).</summary>
    [Params(1)]
    public int Games { get; set; } = 1;

    /// <summary>Rows of the CSV batch read by <see cref="ReadCsv2x2"/>.</summary>
    public const int CsvRows = 10_007;

    /// <summary>Writes the texts and checks that every reader gives back the written games exactly.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (int m, int n) = BenchmarkGames.ParseShape(Shape);
        BimatrixGame game = BenchmarkGames.Uniform(m, n, 7);
        _expected = ExactBimatrixGame.FromDouble(game);
        using (var w = new StringWriter(CultureInfo.InvariantCulture))
        {
            NfgWriter.Write(w, _expected, "benchmark");
            _nfg = w.ToString();
        }

        Check("NfgReader", ReadNfg());
        Check("naive split", NaiveSplit());

        var sb = new StringBuilder("a00,a01,a10,a11,b00,b01,b10,b11\n");
        var rng = new System.Random(11);
        _csvExpected = new double[CsvRows][];
        for (int r = 0; r < CsvRows; r++)
        {
            var row = new double[8];
            for (int e = 0; e < 8; e++)
            {
                row[e] = Math.Round(rng.NextDouble() * 100, 3);
            }

            _csvExpected[r] = row;
            sb.AppendJoin(',', row.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        _csv = sb.ToString();
        _chunk = new Csv2x2Chunk(4096);
        var reader = new Csv2x2Reader(new StringReader(_csv));
        int seen = 0;
        while (reader.ReadChunk(_chunk) > 0)
        {
            for (int k = 0; k < _chunk.Count; k++, seen++)
            {
                for (int e = 0; e < 8; e++)
                {
                    if (_chunk.Payoff(k, e) != _csvExpected[seen][e] || _chunk.Error(k) is not null)
                    {
                        throw new InvalidOperationException($"CSV row {seen}: payoff {e} read as {_chunk.Payoff(k, e)}, written {_csvExpected[seen][e]}.");
                    }
                }
            }
        }

        if (seen != CsvRows)
        {
            throw new InvalidOperationException($"CSV: read {seen} rows, wrote {CsvRows}.");
        }
    }

    /// <summary>The obvious parser: split the payoff part on white space and parse every token exactly.</summary>
    [Benchmark(Baseline = true)]
    public ExactBimatrixGame NaiveSplit()
    {
        // The payoff list follows the comment line ("") that ends the header.
        int start = _nfg.IndexOf("\"\"", StringComparison.Ordinal) + 2;
        string[] tokens = _nfg[start..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int m = _expected.Rows, n = _expected.Columns;
        var a = new Rational[m * n];
        var b = new Rational[m * n];
        for (int t = 0, cell = 0; t + 1 < tokens.Length; t += 2, cell++)
        {
            int i = cell % m, j = cell / m; // the row player's strategy varies fastest
            a[(i * n) + j] = Rational.Parse(tokens[t]);
            b[(i * n) + j] = Rational.Parse(tokens[t + 1]);
        }

        return new ExactBimatrixGame(m, n, a, b);
    }

    /// <summary>The streaming .nfg reader.</summary>
    [Benchmark]
    public ExactBimatrixGame ReadNfg() => NfgReader.Parse(_nfg, "benchmark.nfg").Exact;

    /// <summary>The streaming CSV reader of 2×2 batches (<see cref="CsvRows"/> games).</summary>
    [Benchmark(OperationsPerInvoke = CsvRows)]
    public int ReadCsv2x2()
    {
        var reader = new Csv2x2Reader(new StringReader(_csv));
        int rows = 0;
        while (reader.ReadChunk(_chunk) > 0)
        {
            rows += _chunk.Count;
        }

        return rows;
    }

    private void Check(string what, ExactBimatrixGame got)
    {
        if (got.Rows != _expected.Rows || got.Columns != _expected.Columns ||
            !got.AFlat.SequenceEqual(_expected.AFlat) || !got.BFlat.SequenceEqual(_expected.BFlat))
        {
            throw new InvalidOperationException($"{what}: the {Shape} game read back differs from the one written.");
        }
    }
}
