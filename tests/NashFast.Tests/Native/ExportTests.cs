using System.Runtime.InteropServices;
using NashFast.Games;
using NashFast.Native;
using NashFast.TwoByTwo;

namespace NashFast.Tests.Native;

/// <summary>
/// The exports called in-process through unmanaged function pointers (the same reverse-P/Invoke path C takes, JIT
/// instead of AOT): answers equal the managed API's, and every bad call gets its code and a message naming the problem.
/// </summary>
public unsafe class ExportTests
{
    private static readonly double[] _bosA = [3, 0, 0, 2], _bosB = [2, 0, 0, 3];

    private static int Batch(double[][] g, byte[]? mask, byte[]? count, byte[]? flags, double[]? p, double[]? q, double[]? u, double[]? v, long n)
    {
        fixed (double* a00 = g[0], a01 = g[1], a10 = g[2], a11 = g[3], b00 = g[4], b01 = g[5], b10 = g[6], b11 = g[7])
        fixed (byte* m = mask, c = count, f = flags)
        fixed (double* pp = p, qq = q, uu = u, vv = v)
        {
            delegate* unmanaged<double*, double*, double*, double*, double*, double*, double*, double*, byte*, byte*, byte*, double*, double*, double*, double*, long, int> solve = &Exports.Solve2x2F64;
            return solve(a00, a01, a10, a11, b00, b01, b10, b11, m, c, f, pp, qq, uu, vv, n);
        }
    }

    private static int Game(double[]? a, double[]? b, int m, int n, int method, double[]? output, int capacity, GameInfo* info)
    {
        fixed (double* pa = a, pb = b, po = output)
        {
            delegate* unmanaged<double*, double*, int, int, int, double*, int, GameInfo*, int> solve = &Exports.SolveGame;
            return solve(pa, pb, m, n, method, po, capacity, info);
        }
    }

    private static string LastMessage()
    {
        delegate* unmanaged<byte*> last = &Exports.LastErrorExport;
        return Marshal.PtrToStringUTF8((nint)last()) ?? "(null)";
    }

    private static double[][] RandomGames(int n, int seed)
    {
        var rng = new System.Random(seed);
        var g = new double[8][];
        for (int e = 0; e < 8; e++)
        {
            g[e] = new double[n];
            for (int k = 0; k < n; k++)
            {
                // Small integers: many ties (degenerate games); every 37th game has a NaN payoff (an invalid slot).
                g[e][k] = k % 37 == 5 && e == k % 8 ? double.NaN : rng.Next(-3, 4);
            }
        }

        return g;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(4099)]
    public void Batch_EqualsTheManagedBatch_AndTouchesNoSlotPastN(int n)
    {
        double[][] g = RandomGames(n + 1, n);
        var mask = new byte[n + 1];
        var count = new byte[n + 1];
        var flags = new byte[n + 1];
        double[] p = new double[n + 1], q = new double[n + 1], u = new double[n + 1], v = new double[n + 1];
        mask[n] = 0xEE;
        Assert.Equal(NativeStatus.Ok, Batch(g, mask, count, flags, p, q, u, v, n));
        Assert.Equal("", LastMessage());
        Assert.Equal(0xEE, mask[n]);

        var em = new byte[n];
        var ec = new byte[n];
        var ef = new Solution2x2Flags[n];
        double[] ep = new double[n], eq = new double[n], eu = new double[n], ev = new double[n];
        TwoByTwoSolver.Solve(
            new Games2x2<double>(g[0].AsSpan(0, n), g[1].AsSpan(0, n), g[2].AsSpan(0, n), g[3].AsSpan(0, n), g[4].AsSpan(0, n), g[5].AsSpan(0, n), g[6].AsSpan(0, n), g[7].AsSpan(0, n)),
            new Solutions2x2<double>(em, ec, ef, ep, eq, eu, ev));
        for (int k = 0; k < n; k++)
        {
            Assert.True(em[k] == mask[k] && ec[k] == count[k] && (byte)ef[k] == flags[k], $"game {k}");
            Assert.True(ep[k].Equals(p[k]) && eq[k].Equals(q[k]) && eu[k].Equals(u[k]) && ev[k].Equals(v[k]), $"game {k}");
        }

        if (n > 5)
        {
            Assert.Equal((byte)Solution2x2Flags.Invalid, flags[5]);
        }
    }

    [Fact]
    public void Batch_NullPointers_AreRefusedByName_AndWriteNothing()
    {
        double[][] g = RandomGames(4, 1);
        var mask = new byte[4];
        var count = new byte[4];
        var flags = new byte[4];
        double[] p = new double[4], q = new double[4], u = new double[4];
        string[] names = ["a00", "a01", "a10", "a11", "b00", "b01", "b10", "b11"];
        for (int e = 0; e < 8; e++)
        {
            double[][] h = (double[][])g.Clone();
            h[e] = null!;
            Assert.Equal(NativeStatus.Null, Batch(h, mask, count, flags, p, q, null, null, 4));
            Assert.Contains($"'{names[e]}' is NULL", LastMessage(), StringComparison.Ordinal);
        }

        Assert.Equal(NativeStatus.Null, Batch(g, mask, null, flags, p, q, null, null, 4));
        Assert.Contains("'count'", LastMessage(), StringComparison.Ordinal);
        Assert.Equal(NativeStatus.Null, Batch(g, mask, count, flags, p, q, u, null, 4));
        Assert.Contains("'col_payoff' is NULL but 'row_payoff' is not", LastMessage(), StringComparison.Ordinal);
        Assert.All(mask, b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void Batch_NegativeN_IsASizeError(long n)
    {
        double[][] g = RandomGames(1, 1);
        Assert.Equal(NativeStatus.Size, Batch(g, new byte[1], new byte[1], new byte[1], new double[1], new double[1], null, null, n));
        Assert.Contains($"n is {n}", LastMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)] // auto: the 2x2 closed form
    [InlineData(6)] // reference
    public void Game_BattleOfTheSexes_EqualsNashSolver(int method)
    {
        var output = new double[3 * 6];
        GameInfo info;
        Assert.Equal(3, Game(_bosA, _bosB, 2, 2, method, output, 3, &info));
        MethodCodes.TryFromCode(method, out SolverMethod sm);
        SolveResult r = NashSolver.Solve(BimatrixGame.FromRowMajor(2, 2, _bosA, _bosB), new SolveOptions { Method = sm });
        Assert.Equal(MethodCodes.ToCode(r.Method), info.Method);
        Assert.Equal((3, 0, 1), (info.Count, info.Degenerate, info.Complete));
        for (int k = 0; k < 3; k++)
        {
            Equilibrium e = r.Equilibria[k];
            Assert.Equal([.. e.Row, .. e.Column, e.RowPayoff, e.ColumnPayoff], output.AsSpan(k * 6, 6).ToArray());
        }
    }

    [Fact]
    public void Game_TooSmallBuffer_ReportsTheNeededCount_AndWritesNothing()
    {
        var output = new double[12];
        Array.Fill(output, -7.0);
        GameInfo info;
        Assert.Equal(NativeStatus.Capacity, Game(_bosA, _bosB, 2, 2, 0, output, 2, &info));
        Assert.Equal(3, info.Count);
        Assert.All(output, x => Assert.Equal(-7.0, x));
        Assert.Contains("3 equilibria but capacity is 2", LastMessage(), StringComparison.Ordinal);

        // The size query: NULL buffer, capacity 0.
        Assert.Equal(NativeStatus.Capacity, Game(_bosA, _bosB, 2, 2, 0, null, 0, &info));
        Assert.Equal(3, info.Count);
    }

    public static TheoryData<double[]?, double[]?, int, int, int, int, int, string> BadGames() => new()
    {
        { null, _bosB, 2, 2, 0, 8, NativeStatus.Null, "'a' is NULL" },
        { _bosA, null, 2, 2, 0, 8, NativeStatus.Null, "'b' is NULL" },
        { _bosA, _bosB, 0, 2, 0, 8, NativeStatus.Size, "0x2" },
        { _bosA, _bosB, 2, 0, 0, 8, NativeStatus.Size, "2x0" },
        { _bosA, _bosB, -1, 2, 0, 8, NativeStatus.Size, "-1x2" },
        { _bosA, _bosB, 1 << 14, 1 << 13, 0, 8, NativeStatus.Size, "more than" },
        { _bosA, _bosB, 2, 2, 0, -1, NativeStatus.Size, "capacity is -1" },
        { _bosA, _bosB, 2, 2, 7, 8, NativeStatus.Method, "unknown method code 7" },
        { _bosA, _bosB, 2, 2, -1, 8, NativeStatus.Method, "unknown method code -1" },
        { [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6], 2, 3, 1, 8, NativeStatus.Method, "needs a 2x2 game; this one is 2x3" },
        { [1, 2, double.NaN, 4], _bosB, 2, 2, 0, 8, NativeStatus.NaN, "a[2] (row 1, column 0) is NaN" },
        { _bosA, [1, double.PositiveInfinity, 3, 4], 2, 2, 6, 8, NativeStatus.NaN, "b[1] (row 0, column 1) is Infinity" },
    };

    [Theory]
    [MemberData(nameof(BadGames))]
    public void Game_BadCalls_GetTheirCodeAndAMessage(double[]? a, double[]? b, int m, int n, int method, int capacity, int code, string message)
    {
        var output = new double[64];
        GameInfo info = default;
        Assert.Equal(code, Game(a, b, m, n, method, output, capacity, &info));
        Assert.Contains(message, LastMessage(), StringComparison.Ordinal);
        Assert.StartsWith("nf_solve_game: ", LastMessage(), StringComparison.Ordinal);
        Assert.Equal(0, info.Count);
    }

    [Fact]
    public void Game_OutNullWithCapacity_IsANullError()
    {
        Assert.Equal(NativeStatus.Null, Game(_bosA, _bosB, 2, 2, 0, null, 4, null));
        Assert.Contains("'out' is NULL but capacity is 4", LastMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void LastError_IsPerThread_AndEmptiedBySuccess()
    {
        Assert.Equal(NativeStatus.Method, Game(_bosA, _bosB, 2, 2, 42, null, 0, null));
        string other = "";
        var t = new Thread(() =>
        {
            Game(null, null, 2, 2, 0, null, 0, null);
            other = LastMessage();
        });
        t.Start();
        t.Join();
        Assert.Contains("'a' is NULL", other, StringComparison.Ordinal);
        Assert.Contains("42", LastMessage(), StringComparison.Ordinal);
        Assert.Equal(3, Game(_bosA, _bosB, 2, 2, 0, new double[18], 3, null));
        Assert.Equal("", LastMessage());
    }

    [Fact]
    public void LastError_LongMessages_AreCutAtACharacterBoundary()
    {
        // 'é' is two bytes in UTF-8: 1000 of them do not fit the 1023 usable bytes; the cut must not split one.
        LastError.Set(NativeStatus.Internal, new string('é', 1000));
        string s = LastError.Current();
        Assert.Equal((LastError.Capacity - 1) / 2, s.Length);
        Assert.All(s, ch => Assert.Equal('é', ch));
    }

    [Fact]
    public void Version_IsTheLibraryVersion()
    {
        delegate* unmanaged<int> version = &Exports.VersionExport;
        delegate* unmanaged<byte*> text = &Exports.VersionStringExport;
        Version v = typeof(NashSolver).Assembly.GetName().Version!;
        Assert.Equal((v.Major * 10000) + (v.Minor * 100) + v.Build, version());
        Assert.Equal($"{v.Major}.{v.Minor}.{v.Build}", Marshal.PtrToStringUTF8((nint)text()));
    }
}
