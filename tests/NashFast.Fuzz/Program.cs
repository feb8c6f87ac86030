using System.Diagnostics;
using System.Globalization;
using NashFast;
using NashFast.Enumeration;
using NashFast.Fuzz;
using NashFast.Games;
using NashFast.Reference;

// Usage: NashFast.Fuzz [--seed S] [--games N]. Draws N games from seeds S, S+1, … (FuzzGames), solves each by the
// reference and compares: vertex enumeration on one thread, on two threads (the second search on a thread of its
// own), from the exact game, the floating-point search alone (when it answers), and auto on the double and on the
// exact game, all exactly; vertex enumeration without the exact rationals (the reference's doubles, bit for bit);
// support enumeration's set when it says complete; every Lemke–Howson path's end (one of
// the reference's equilibria); the pure equilibria. Prints every difference with the seed that reproduces it, then
// "N passed, N failed" (one check per solver and game); exits 1 on any failure, 2 on a bad option or value.
int seed = 1, games = 300;
for (int i = 0; i < args.Length; i += 2)
{
    int value = 0;
    bool number = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    switch (args[i])
    {
        case "--seed" when number:
            seed = value;
            break;
        case "--games" when number && value >= 0:
            games = value;
            break;
        default:
            Console.Error.WriteLine($"bad option '{args[i]}' (or its value); usage: NashFast.Fuzz [--seed S] [--games N], S an int, N ≥ 0");
            return 2;
    }
}

var one = new SolveOptions { MaxDegreeOfParallelism = 1 };
var two = new SolveOptions { MaxDegreeOfParallelism = 2 };
var doublesOnly = new SolveOptions { MaxDegreeOfParallelism = 1, ExactResults = false };
var everyLabel = new SolveOptions { Method = SolverMethod.LemkeHowson, LemkeHowsonLabel = -1 };
Func<SolveResult, SolveResult, string?> same = FuzzComparison.Difference;
var solvers = new (string Name, Func<BimatrixGame, ExactBimatrixGame, SolveResult?> Solve, Func<SolveResult, SolveResult, string?> Compare)[]
{
    ("vertex, one thread", (g, _) => VertexEnumeration.Solve(g, one), same),
    ("vertex, two threads", (g, _) => VertexEnumeration.SolveOnDedicatedThreads(g, two, out bool _), same),
    ("vertex, exact game", (_, e) => VertexEnumeration.Solve(e, one), same),
    ("vertex, float search only", (_, e) => VertexEnumeration.SolveFloatOnly(e, one), same),
    ("vertex, doubles only", (g, _) => VertexEnumeration.Solve(g, doublesOnly), FuzzComparison.DoublesOnlyDifference),
    ("auto", (g, _) => NashSolver.Solve(g, two), same),
    ("auto, exact game", (_, e) => NashSolver.Solve(e, one), same),
    ("support", (g, _) => SupportEnumeration.Solve(g, one), FuzzComparison.SupportDifference),
    ("lemke-howson, every label", (_, e) => NashSolver.Solve(e, everyLabel), FuzzComparison.LemkeHowsonDifference),
    ("pure", (g, _) => PureEquilibria.Solve(g, one), FuzzComparison.PureDifference),
};

long passed = 0, failed = 0;
var clock = Stopwatch.StartNew();
for (int s = seed; s < seed + games; s++)
{
    (BimatrixGame game, string description) = FuzzGames.Draw(s);
    var exact = ExactBimatrixGame.FromDouble(game);
    SolveResult reference = ReferenceSolver.Solve(exact);
    foreach ((string name, Func<BimatrixGame, ExactBimatrixGame, SolveResult?> solve, Func<SolveResult, SolveResult, string?> compare) in solvers)
    {
        string? difference;
        try
        {
            SolveResult? result = solve(game, exact);
            difference = result is null ? null : compare(reference, result); // null: the float search gave up (allowed)
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            difference = $"threw {e.GetType().Name}: {e.Message}";
        }

        if (difference is null)
        {
            passed++;
        }
        else
        {
            failed++;
            Console.WriteLine($"FAIL {description}, {name}: {difference}");
        }
    }
}

Console.WriteLine($"{games} games from seed {seed} in {clock.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"{passed} passed, {failed} failed");
return failed == 0 ? 0 : 1;
