using NashFast.Games;
using NashFast.Reference;

namespace NashFast.Benchmarks;

/// <summary>Cross-checks run in GlobalSetup: a mismatch throws, so no wrong code is ever timed.</summary>
public static class VertexBenchChecks
{
    /// <summary>The solver's extreme equilibria equal lrsnash's stored answer exactly.</summary>
    public static void AgainstLrsnash(string kind, int n, int index, SolveResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string path = VertexBenchGames.StoredAnswerPath(kind, n, index)
            ?? throw new InvalidOperationException($"No stored lrsnash answer for {kind} {n}x{n} game {index} (see VertexData/README.md).");
        HashSet<string> expected = VertexBenchGames.ReadLrsnash(path);
        HashSet<string> actual = VertexBenchGames.Keys(result);
        if (!result.Complete || !expected.SetEquals(actual))
        {
            throw new InvalidOperationException($"Vertex enumeration disagrees with lrsnash on {kind} {n}x{n} game {index}: {actual.Count} vs {expected.Count} equilibria.");
        }
    }

    /// <summary>The solver's answer equals the reference's exactly (equilibria, order, degenerate flag).</summary>
    public static void AgainstReference(BimatrixGame game, SolveResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        SolveResult reference = ReferenceSolver.Solve(game);
        if (reference.Degenerate != result.Degenerate || !VertexBenchGames.Keys(reference).SetEquals(VertexBenchGames.Keys(result))
            || reference.Equilibria.Count != result.Equilibria.Count)
        {
            throw new InvalidOperationException($"Vertex enumeration disagrees with the reference on a {game?.Rows}x{game?.Columns} game.");
        }
    }
}
