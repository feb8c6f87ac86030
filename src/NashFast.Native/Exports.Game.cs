using System.Runtime.InteropServices;
using NashFast.Games;

namespace NashFast.Native;

public static unsafe partial class Exports
{
    /// <summary>
    /// <c>nf_solve_game</c>: all equilibria of one m×n game given as row-major <paramref name="a"/> and
    /// <paramref name="b"/>, by method code <paramref name="method"/>. Equilibrium <c>k</c> occupies doubles
    /// <c>[k·(m+n+2), (k+1)·(m+n+2))</c> of <paramref name="output"/>: the row strategy (m), the column strategy (n),
    /// the row player's payoff, the column player's payoff. <paramref name="capacity"/> counts equilibria.
    /// </summary>
    /// <returns>
    /// The number of equilibria written (≥ 0); <c>NF_E_CAPACITY</c> when they do not fit (then
    /// <paramref name="info"/>-&gt;count says how many there are and nothing is written); another <c>NF_E_*</c> on bad input.
    /// </returns>
    [UnmanagedCallersOnly(EntryPoint = "nf_solve_game")]
    public static int SolveGame(double* a, double* b, int m, int n, int method, double* output, int capacity, GameInfo* info)
    {
        const string function = "nf_solve_game";
#pragma warning disable CA1031 // The C boundary: every exception must become a status code, whatever its type.
        try
        {
            int status = ValidateGame(a, b, m, n, method, output, capacity, out SolverMethod solverMethod);
            if (status != NativeStatus.Ok)
            {
                return status;
            }

            int entries = m * n;
            BimatrixGame game = BimatrixGame.FromRowMajor(m, n, new ReadOnlySpan<double>(a, entries), new ReadOnlySpan<double>(b, entries));
            SolveResult result = NashSolver.Solve(game, OptionsFor(solverMethod));
            int found = result.Equilibria.Count;
            if (info != null)
            {
                info->Count = found;
                info->Method = MethodCodes.ToCode(result.Method);
                info->Degenerate = result.Degenerate ? 1 : 0;
                info->Complete = result.Complete ? 1 : 0;
            }

            if (found > capacity)
            {
                long doubles = (long)found * (m + n + 2);
                return Fail(NativeStatus.Capacity,
                    $"{function}: the game has {found} equilibria but capacity is {capacity}; pass capacity >= {found} " +
                    $"and a buffer of {found} * (m + n + 2) = {doubles} doubles (info->count holds the number).");
            }

            Write(result.Equilibria, output, m, n);
            LastError.Clear();
            return found;
        }
        catch (Exception e)
        {
            return FromException(function, e);
        }
#pragma warning restore CA1031
    }

    private static int ValidateGame(double* a, double* b, int m, int n, int method, double* output, int capacity, out SolverMethod solverMethod)
    {
        const string function = "nf_solve_game";
        solverMethod = SolverMethod.Auto;
        if (a == null)
        {
            return Fail(NativeStatus.Null, $"{function}: 'a' is NULL; it must point to m * n row-major payoffs of the row player.");
        }

        if (b == null)
        {
            return Fail(NativeStatus.Null, $"{function}: 'b' is NULL; it must point to m * n row-major payoffs of the column player.");
        }

        if (m < 1 || n < 1)
        {
            return Fail(NativeStatus.Size, $"{function}: the game is {m}x{n}; both m and n must be >= 1.");
        }

        if ((long)m * n > BimatrixGame.MaxEntries)
        {
            return Fail(NativeStatus.Size, $"{function}: a {m}x{n} game has more than {BimatrixGame.MaxEntries} payoffs per player; refused.");
        }

        if (capacity < 0)
        {
            return Fail(NativeStatus.Size, $"{function}: capacity is {capacity}; it must be >= 0.");
        }

        if (output == null && capacity > 0)
        {
            return Fail(NativeStatus.Null, $"{function}: 'out' is NULL but capacity is {capacity}; pass NULL only with capacity 0.");
        }

        if (!MethodCodes.TryFromCode(method, out solverMethod))
        {
            return Fail(NativeStatus.Method, $"{function}: unknown method code {method}; use one of NF_METHOD_* (0 to 6).");
        }

        if (solverMethod == SolverMethod.TwoByTwo && (m != 2 || n != 2))
        {
            return Fail(NativeStatus.Method, $"{function}: method NF_METHOD_2X2 needs a 2x2 game; this one is {m}x{n}.");
        }

        int status = CheckFinite(function, 'a', a, m, n);
        return status != NativeStatus.Ok ? status : CheckFinite(function, 'b', b, m, n);
    }

    private static int CheckFinite(string function, char matrix, double* payoffs, int m, int n)
    {
        for (int k = 0; k < m * n; k++)
        {
            if (!double.IsFinite(payoffs[k]))
            {
                return Fail(NativeStatus.NaN,
                    $"{function}: payoff {matrix}[{k}] (row {k / n}, column {k % n}) is {payoffs[k]}; payoffs must be finite.");
            }
        }

        return NativeStatus.Ok;
    }

    // One options object per method, made once: the exports add no per-call allocation of their own for them.
    private static readonly SolveOptions[] _options = MakeOptions();

    private static SolveOptions OptionsFor(SolverMethod method) => _options[MethodCodes.ToCode(method)];

    private static SolveOptions[] MakeOptions()
    {
        var options = new SolveOptions[7];
        for (int code = 0; code < options.Length; code++)
        {
            MethodCodes.TryFromCode(code, out SolverMethod method);
            options[code] = new SolveOptions { Method = method, ExactResults = false }; // the exports write doubles
        }

        return options;
    }

    private static void Write(IReadOnlyList<Equilibrium> equilibria, double* output, int m, int n)
    {
        double* cursor = output;
        for (int k = 0; k < equilibria.Count; k++)
        {
            Equilibrium e = equilibria[k];
            e.Row.AsSpan().CopyTo(new Span<double>(cursor, m));
            e.Column.AsSpan().CopyTo(new Span<double>(cursor + m, n));
            cursor[m + n] = e.RowPayoff;
            cursor[m + n + 1] = e.ColumnPayoff;
            cursor += m + n + 2;
        }
    }
}
