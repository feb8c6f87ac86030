using System.Text;
using NashFast.IO;

namespace NashFast.Tests.IO;

public class BadInputTests
{
    // Each case: the input, the line and column the error must name, and words the message must contain.
    public static TheoryData<string, int, int, string> NfgCases() => new()
    {
        { "", 1, 1, "expected the header 'NFG'" },
        { "   \n\n", 3, 1, "the file is truncated or empty" },
        { "NFG 1 R \"t\" { \"a\" \"b\" } { 2 2 }\n1 2 3 4 5", 2, 10, "expected payoff 6 of 8" },
        { "NFG 1 R \"t\" { \"a\" \"b\" } { 2 2 }\n1 2 3 4 5 6 7 8 9", 2, 17, "expected the end of the file after the 4 profiles" },
        { "NFG 1 R \"t\" { \"a\" \"b\" } { 1 2 }\n1 2 x 4", 2, 5, "found 'x'" },
        { "NFG 1 R \"t\" { \"a\" \"b\" } { 1 1 }\n1 NaN", 2, 3, "NaN and infinite payoffs are not allowed" },
        { "NFG 1 R \"t\" { \"a\" \"b\" } { 1 1 }\n1 -Infinity", 2, 3, "NaN and infinite payoffs are not allowed" },
        { "NFG 1 R \"t\" { \"a\" \"b\" } { 1 1 }\n1 1e400", 2, 3, "infinite payoffs are not allowed" },
        { "NFG 1 R \"t\" { \"a\" \"b\" \"c\" } { 2 2 2 }\n", 1, 13, "this game has 3 players; only two-player games can be read" },
        { "NFG 1 R \"t\" { \"a\" \"b\" }\n{ 1000000 1000000 }\n1 2", 2, 1, "a 1000000x1000000 game has more than 67108864 payoffs per player; refused" },
        { "NFG 1 R \"t\" { \"a\" \"b\" } { 99999999999 2 }", 1, 27, "the number is too large" },
        { "NFG 1 R \"t\" { \"a\" \"b\" } { 0 2 }", 1, 27, "expected the row player's number of strategies (a positive integer), found '0'" },
        { "NFG 1 R \"t\" { \"a\" \"b\" } { 2 2 }\n\"unterminated", 2, 1, "unterminated string" },
        { "NFG 1 R \"t\" { \"a\" \"b\" } { { \"x\" } { \"y\" } }\n{ { \"o\" 1, 2 } }\n2", 3, 1, "expected an outcome index between 0 and 1, found '2'" },
        { "NFG 1 R \"t\" { \"a\" \"b\" } { { \"x\" } { \"y\" } }\n{ { \"o\" 1, 2, 3 } }\n1", 2, 15, "'}' closing the outcome after two payoffs" },
        { "NFG 2 R \"t\" { \"a\" \"b\" } { 1 1 } 1 1", 1, 5, "expected the format version '1'" },
        { "EFG 2 R \"t\" { \"a\" \"b\" }", 1, 1, "this is not a Gambit strategic-form file" },
    };

    [Theory]
    [MemberData(nameof(NfgCases))]
    public void Nfg_BadInput_NamesLineColumnAndProblem(string text, int line, int column, string problem)
    {
        GameFormatException e = Assert.Throws<GameFormatException>(() => NfgReader.Parse(text, "bad.nfg"));
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.nfg:{line}:{column}: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Nfg_BinaryGarbage_IsRefusedWithItsPosition()
    {
        var random = new System.Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            var bytes = new byte[random.Next(1, 4000)];
            random.NextBytes(bytes);
            if (trial % 2 == 0)
            {
                // Garbage after a valid header, so the parser gets deep before meeting it.
                byte[] header = Encoding.ASCII.GetBytes("NFG 1 R \"t\" { \"a\" \"b\" } { 3 3 }\n1 2 ");
                bytes = [.. header, .. bytes];
            }

            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
            GameFormatException e = Assert.Throws<GameFormatException>(() => NfgReader.Read(reader, "garbage.bin"));
            Assert.True(e.Line >= 1 && e.Column >= 1, e.Message);
            Assert.StartsWith($"garbage.bin:{e.Line}:{e.Column}: expected", e.Message.Replace("unexpected", "expected", StringComparison.Ordinal).Replace("unterminated", "expected", StringComparison.Ordinal).Replace("string longer", "expected", StringComparison.Ordinal).Replace("token longer", "expected", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Nfg_NulByte_NamesTheBinaryInput()
    {
        GameFormatException e = Assert.Throws<GameFormatException>(() => NfgReader.Parse("NFG 1 R \"t\" { \"a\" \"b\" } { 1 1 }\n1 \0", "b.nfg"));
        Assert.Equal("b.nfg:2:3: unexpected character U+0000 (is this a binary file?)", e.Message);
    }

    [Fact]
    public void Nfg_HugeHeader_IsRefusedBeforeAllocating()
    {
        // 8000 x 8000 is within the entry limit; with no payoffs present the reader must fail at the end of the file
        // having allocated only for what it read, not 2 x 64M rationals.
        long before = GC.GetAllocatedBytesForCurrentThread();
        GameFormatException e = Assert.Throws<GameFormatException>(() => NfgReader.Parse("NFG 1 R \"\" { \"a\" \"b\" } { 8000 8000 }\n1 2", "big.nfg"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("expected payoff 3 of 128000000", e.Message, StringComparison.Ordinal);
        Assert.True(allocated < 10_000_000, $"allocated {allocated} bytes");
    }

    public static TheoryData<string, int, int, string> JsonCases() => new()
    {
        { "", 1, 1, "the file is empty" },
        { "{\"A\": [[1, 2]], \"B\": [[1, 2]", 1, 29, "invalid JSON" },
        { "{\"A\": [[1, 2]], \"B\": [[1, 2, 3]]}", 1, 17, "expected B to be 1x2 like A, found 1x3" },
        { "{\"A\": [[1, 2], [3]], \"B\": [[1, 2], [3, 4]]}", 1, 16, "expected 2 payoffs in row 2 of A (like row 1), found 1" },
        { "{\"A\": [[1, \"x\"]], \"B\": [[1, 2]]}", 1, 12, "expected payoff A[0][1]" },
        { "{\"A\": [[1, \"NaN\"]], \"B\": [[1, 2]]}", 1, 12, "NaN and infinite payoffs are not allowed" },
        { "{\"A\": [[1, 2]]}", 1, 1, "expected the key \"B\"" },
        { "[1, 2]", 1, 1, "expected a JSON object" },
        { "{\"A\": [[1, 2]],\n \"B\": [[1, true]]}", 2, 12, "expected payoff B[0][1] (a number or a string like \"3/2\"), found a boolean" },
    };

    [Theory]
    [MemberData(nameof(JsonCases))]
    public void Json_BadInput_NamesLineColumnAndProblem(string text, int line, int column, string problem)
    {
        GameFormatException e = Assert.Throws<GameFormatException>(() => JsonGameReader.Parse(text, "bad.json"));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.StartsWith($"bad.json:{line}:{column}: ", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> CsvCases() => new()
    {
        { "1,2,3,4,5,6,7", "line 1, column 14: expected 8 fields (a00,a01,a10,a11,b00,b01,b10,b11), found 7" },
        { "1,2,3,4,5,6,7,8,9", "line 1, column 17: expected 8 fields (a00,a01,a10,a11,b00,b01,b10,b11), found 9" },
        { "1,2,3,x,5,6,7,8", "line 1, column 7: expected payoff a11 (a finite number), found 'x'" },
        { "1,2,3,4,NaN,6,7,8", "line 1, column 9: expected payoff b00 (a finite number), found 'NaN' (NaN and infinite payoffs are not allowed)" },
        { "1,2,3,4,5,6,7,1e999", "line 1, column 15: expected payoff b11 (a finite number), found '1e999' (NaN and infinite payoffs are not allowed)" },
        { "1,2,3,4,5,6,7,", "line 1, column 15: expected payoff b11 (a finite number), found ''" },
        { new string('7', 5000), "line 1, column 4097: expected a row of 8 payoffs, found a line longer than 4096 characters" },
    };

    [Theory]
    [MemberData(nameof(CsvCases))]
    public void Csv_BadRow_IsReportedInItsOwnSlot_AndTheRestIsRead(string badRow, string message)
    {
        // Bad row first (so it cannot be taken for a header), then a good one.
        var reader = new Csv2x2Reader(new StringReader(badRow + "\r\n0,1,2,3,4,5,6,7\n"));
        var chunk = new Csv2x2Chunk(8);
        Assert.Equal(2, reader.ReadChunk(chunk));
        Assert.Equal(message, chunk.Error(0));
        Assert.True(double.IsNaN(chunk.Payoff(0, 0)));
        Assert.Null(chunk.Error(1));
        Assert.Equal(2, chunk.Line(1));
        Assert.Equal(7, chunk.Payoff(1, 7));
    }

    [Fact]
    public void Csv_BinaryGarbage_NeverThrows_AndEveryRowIsAccountedFor()
    {
        var random = new System.Random(11);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);
        var reader = new Csv2x2Reader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8));
        var chunk = new Csv2x2Chunk(64);
        long rows = 0;
        while (reader.ReadChunk(chunk) > 0)
        {
            for (int k = 0; k < chunk.Count; k++)
            {
                Assert.NotNull(chunk.Error(k));
                rows++;
            }
        }

        Assert.True(rows > 0);
        Assert.True(reader.LinesRead >= rows);
    }

    [Fact]
    public void Csv_Header_IsSkipped_OnlyOnTheFirstRow()
    {
        var reader = new Csv2x2Reader(new StringReader("a00,a01,a10,a11,b00,b01,b10,b11\n\n1,2,3,4,5,6,7,8\na00,a01,a10,a11,b00,b01,b10,b11\n"));
        var chunk = new Csv2x2Chunk(8);
        Assert.Equal(2, reader.ReadChunk(chunk));
        Assert.Null(chunk.Error(0));
        Assert.Equal(3, chunk.Line(0));
        Assert.StartsWith("line 4, column 1: expected payoff a00", chunk.Error(1), StringComparison.Ordinal);
    }
}
