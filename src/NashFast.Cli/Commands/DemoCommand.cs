using System.CommandLine;
using System.Globalization;
using NashFast.Games;
using Spectre.Console;

namespace NashFast.Cli.Commands;

/// <summary><c>nashfast demo</c>: solves the classic games and prints their equilibria in one table.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Solve the classic games (matching pennies, battle of the sexes, …) and print their equilibria.");
        command.SetAction(parse =>
        {
            Run(parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Run(TextWriter output)
    {
        var table = new Table().AddColumns("game", "shape", "method", "#", "row strategy", "column strategy", "payoffs");
        foreach ((string name, int[,] a, int[,] b) in ClassicGames())
        {
            ExactBimatrixGame game = Exact(a, b);
            SolveResult result = NashSolver.Solve(game);
            for (int k = 0; k < result.Equilibria.Count; k++)
            {
                Equilibrium e = result.Equilibria[k];
                table.AddRow(
                    k == 0 ? name : string.Empty,
                    k == 0 ? $"{game.Rows}x{game.Columns}" : string.Empty,
                    k == 0 ? result.Method.ToName() : string.Empty,
                    (k + 1).ToString(CultureInfo.InvariantCulture),
                    Output.Vector(e.Row),
                    Output.Vector(e.Column),
                    $"{Output.Number(e.RowPayoff)}, {Output.Number(e.ColumnPayoff)}");
            }
        }

        Output.Console(output).Write(table);
    }

    private static (string Name, int[,] A, int[,] B)[] ClassicGames() =>
    [
        ("Matching pennies", new[,] { { 1, -1 }, { -1, 1 } }, new[,] { { -1, 1 }, { 1, -1 } }),
        ("Battle of the sexes", new[,] { { 3, 0 }, { 0, 2 } }, new[,] { { 2, 0 }, { 0, 3 } }),
        ("Chicken", new[,] { { 0, -1 }, { 1, -10 } }, new[,] { { 0, 1 }, { -1, -10 } }),
        ("Prisoner's dilemma", new[,] { { -1, -3 }, { 0, -2 } }, new[,] { { -1, 0 }, { -3, -2 } }),
        ("Stag hunt", new[,] { { 4, 0 }, { 3, 3 } }, new[,] { { 4, 3 }, { 0, 3 } }),
        ("Rock-paper-scissors", new[,] { { 0, -1, 1 }, { 1, 0, -1 }, { -1, 1, 0 } }, new[,] { { 0, 1, -1 }, { -1, 0, 1 }, { 1, -1, 0 } }),
    ];

    private static ExactBimatrixGame Exact(int[,] a, int[,] b)
    {
        int m = a.GetLength(0), n = a.GetLength(1);
        var fa = new Rational[m * n];
        var fb = new Rational[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                fa[(i * n) + j] = a[i, j];
                fb[(i * n) + j] = b[i, j];
            }
        }

        return new ExactBimatrixGame(m, n, fa, fb);
    }
}
