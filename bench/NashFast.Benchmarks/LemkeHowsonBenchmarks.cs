using BenchmarkDotNet.Attributes;
using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Benchmarks;

/// <summary>
/// Lemke–Howson (one exact equilibrium, label 0) on seeded random n×n games: uniform doubles (n = 10, 16: checked in
/// GlobalSetup against lrsnash's stored answers — the equilibrium must be one of them; n = 30, 60: checked exactly
/// to be a Nash equilibrium) and payoffs 0..3 (n = 10, degenerate, checked against lrsnash).
/// </summary>
[MemoryDiagnoser]
public class LemkeHowsonBenchmarks
{
    private BimatrixGame[] _games = [];
    private SolveOptions _options = SolveOptions.Default;

    /// <summary>Games per invocation.</summary>
    [Params(2)]
    public int Games { get; set; }

    /// <summary>Game family and size, "kind:n".</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "uniform:10";

    /// <summary>The cases (only the first in dry mode).</summary>
    public static IEnumerable<string> Cases() => BenchParams.Pick(
        ["uniform:10", "uniform:16", "uniform:30", "uniform:60", "int0to3:10"], ["uniform:10"]);

    /// <summary>Builds the games and checks each answer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string kind = Case[..Case.IndexOf(':', StringComparison.Ordinal)];
        int n = int.Parse(Case[(Case.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        _options = new SolveOptions { Method = SolverMethod.LemkeHowson };
        _games = new BimatrixGame[Games];
        for (int g = 0; g < Games; g++)
        {
            _games[g] = VertexBenchGames.Create(kind, n, g);
            SolveResult result = LemkeHowson.Solve(_games[g], _options);
            if (!result.Complete || result.ExactEquilibria is not [ExactEquilibrium e])
            {
                throw new InvalidOperationException($"Lemke-Howson gave no single equilibrium on {Case} game {g}.");
            }

            if (VertexBenchGames.StoredAnswerPath(kind, n, g) is { } stored)
            {
                if (!VertexBenchGames.ReadLrsnash(stored).IsSupersetOf(VertexBenchGames.Keys(result)))
                {
                    throw new InvalidOperationException($"Lemke-Howson's equilibrium of {Case} game {g} is not among lrsnash's.");
                }
            }
            else if (!IsNashEquilibrium(ExactBimatrixGame.FromDouble(_games[g]), e))
            {
                throw new InvalidOperationException($"Lemke-Howson's answer on {Case} game {g} is not a Nash equilibrium.");
            }
        }
    }

    /// <summary>Lemke–Howson on every game.</summary>
    [Benchmark]
    public int LemkeHowsonLabel0()
    {
        int total = 0;
        foreach (BimatrixGame game in _games)
        {
            total += LemkeHowson.Solve(game, _options).Equilibria.Count;
        }

        return total;
    }

    /// <summary>Exact check: probabilities sum to 1 and every strategy played is a best response to the other's.</summary>
    private static bool IsNashEquilibrium(ExactBimatrixGame game, ExactEquilibrium e)
    {
        int m = game.Rows, n = game.Columns;
        var rowValues = new Rational[m];
        var colValues = new Rational[n];
        for (int i = 0; i < m; i++)
        {
            Rational v = Rational.Zero;
            for (int j = 0; j < n; j++)
            {
                v += game.RowPayoff(i, j) * e.Column[j];
            }

            rowValues[i] = v;
        }

        for (int j = 0; j < n; j++)
        {
            Rational v = Rational.Zero;
            for (int i = 0; i < m; i++)
            {
                v += game.ColumnPayoff(i, j) * e.Row[i];
            }

            colValues[j] = v;
        }

        return BestResponses(e.Row, rowValues) && BestResponses(e.Column, colValues);
    }

    private static bool BestResponses(Rational[] strategy, Rational[] values)
    {
        Rational sum = Rational.Zero, best = values[0];
        foreach (Rational v in values)
        {
            best = Rational.Max(best, v);
        }

        for (int k = 0; k < strategy.Length; k++)
        {
            if (strategy[k] < Rational.Zero || (!strategy[k].IsZero && values[k] != best))
            {
                return false;
            }

            sum += strategy[k];
        }

        return sum == Rational.One;
    }
}
