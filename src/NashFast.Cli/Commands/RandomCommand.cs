using System.CommandLine;
using NashFast.Games;
using NashFast.IO;
using NashFast.Random;

namespace NashFast.Cli.Commands;

/// <summary><c>nashfast random</c>: write random games as Gambit .nfg files (same seed, same files).</summary>
internal static class RandomCommand
{
    public static Command Create()
    {
        var shape = new Option<string>("--shape") { Description = "Game shape MxN.", DefaultValueFactory = _ => "2x2" };
        var dist = new Option<string>("--dist") { Description = "Payoffs: uniform | normal | int:LO..HI | covariant:RHO.", DefaultValueFactory = _ => "normal" };
        var seed = new Option<ulong>("--seed") { Description = "Seed; game g of the seed is the same as game g of `montecarlo` with that seed.", DefaultValueFactory = _ => 1 };
        var count = new Option<long>("--count", "-k") { Description = "Number of games (indices FIRST .. FIRST+K-1).", DefaultValueFactory = _ => 1 };
        var first = new Option<long>("--first") { Description = "Index of the first game.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out", "-o") { Description = "Directory for the files (created if missing).", DefaultValueFactory = _ => "." };
        var command = new Command("random", "Write random games as Gambit .nfg (payoff form): game-SEED-INDEX.nfg.") { shape, dist, seed, count, first, output };
        command.SetAction(parse =>
        {
            if (!ShapeParser.TryParse(parse.GetValue(shape), out int rows, out int columns))
            {
                Console.Error.WriteLine($"nashfast random: --shape '{parse.GetValue(shape)}' is not MxN with positive sizes (e.g. 3x3).");
                return ExitCodes.BadInput;
            }

            IGameDistribution d;
            try
            {
                d = GameDistributions.Parse(parse.GetValue(dist) ?? "");
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine("nashfast random: --dist: " + ex.Message.Split(" (Parameter")[0]);
                return ExitCodes.BadInput;
            }

            long k = parse.GetValue(count), f = parse.GetValue(first);
            if (k < 0 || f < 0 || f > long.MaxValue - k)
            {
                Console.Error.WriteLine("nashfast random: --count and --first must be non-negative.");
                return ExitCodes.BadInput;
            }

            ulong s = parse.GetValue(seed);
            string dir = parse.GetValue(output) ?? ".";
            try
            {
                Directory.CreateDirectory(dir);
                for (long g = f; g < f + k; g++)
                {
                    BimatrixGame game = d.CreateGame(s, g, rows, columns);
                    string name = FormattableString.Invariant($"game-{s}-{g}.nfg");
                    using var writer = new StreamWriter(Path.Combine(dir, name));
                    // Exact: every double is written as the rational it is, so the file is exactly game g.
                    NfgWriter.Write(writer, game, FormattableString.Invariant($"{d.Name} seed {s} game {g}"));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"nashfast random: cannot write to '{dir}': {ex.Message}");
                return ExitCodes.BadInput;
            }

            Console.Out.WriteLine(FormattableString.Invariant($"wrote {k} {rows}x{columns} games to {dir}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
