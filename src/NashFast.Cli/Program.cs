using NashFast.Games;
using NashFast.Reference;

// Placeholder entry point until the command set lands: `nashfast demo` solves the classic games.
var games = new (string Name, double[,] A, double[,] B)[]
{
    ("Matching pennies", new double[,] { { 1, -1 }, { -1, 1 } }, new double[,] { { -1, 1 }, { 1, -1 } }),
    ("Battle of the sexes", new double[,] { { 3, 0 }, { 0, 2 } }, new double[,] { { 2, 0 }, { 0, 3 } }),
    ("Chicken", new double[,] { { 0, -1 }, { 1, -5 } }, new double[,] { { 0, 1 }, { -1, -5 } }),
    ("Prisoner's dilemma", new double[,] { { -1, -3 }, { 0, -2 } }, new double[,] { { -1, 0 }, { -3, -2 } }),
};
foreach (var (name, a, b) in games)
{
    SolveResult r = ReferenceSolver.Solve(new BimatrixGame(a, b));
    Console.WriteLine($"{name}: {r.Equilibria.Count} equilibria");
    foreach (Equilibrium e in r.Equilibria)
    {
        Console.WriteLine($"  row {string.Join(" ", e.Row)}  col {string.Join(" ", e.Column)}  payoffs {e.RowPayoff} {e.ColumnPayoff}");
    }
}
