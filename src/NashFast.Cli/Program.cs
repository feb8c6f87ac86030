using System.CommandLine;
using NashFast.Cli.Commands;

// The command set; each command lives in Commands/ and builds itself with Create().
var root = new RootCommand("nashfast: Nash equilibria of bimatrix games, random games and Monte Carlo studies.");
root.Subcommands.Add(MonteCarloCommand.Create());
root.Subcommands.Add(MergeCommand.Create());
root.Subcommands.Add(RandomCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
