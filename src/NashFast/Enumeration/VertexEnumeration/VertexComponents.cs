using NashFast.Games;

namespace NashFast.Enumeration;

/// <summary>
/// Maximal Nash subsets from the extreme equilibria: the maximal complete bipartite subgraphs (bicliques) of the
/// bipartite graph whose edges are the extreme equilibria (Avis, Rosenberg, Savani, von Stengel 2010).
/// </summary>
/// <remarks>
/// Within each connected component of the graph, the column sides of the maximal bicliques are exactly the
/// nonempty intersections of neighbourhoods <c>N(x₁) ∩ … ∩ N(xₖ)</c> of row vertices (each such set <c>Y</c> with
/// <c>X = { x : N(x) ⊇ Y }</c> is a biclique that cannot grow, and every maximal biclique has this form). We close the
/// neighbourhoods under intersection with a worklist (a bit set per column side); the closure is small for the games
/// whose equilibria can be listed at all.
/// </remarks>
internal static class VertexComponents
{
    /// <summary>
    /// The maximal Nash subsets of the equilibria <paramref name="pairs"/> (row vertex id, column vertex id), given in
    /// sorted equilibrium order; <paramref name="rowVertex"/> and <paramref name="columnVertex"/> give the normalised
    /// strategies of a vertex id.
    /// </summary>
    public static List<NashSubset> Find(IReadOnlyList<(int X, int Y)> pairs, Func<int, Rational[]> rowVertex, Func<int, Rational[]> columnVertex)
    {
        // Dense local ids, in order of first appearance (that is, of the sorted equilibria).
        var rowIds = new Dictionary<int, int>();
        var colIds = new Dictionary<int, int>();
        var rowKeys = new List<int>();
        var colKeys = new List<int>();
        foreach ((int x, int y) in pairs)
        {
            if (rowIds.TryAdd(x, rowIds.Count))
            {
                rowKeys.Add(x);
            }

            if (colIds.TryAdd(y, colIds.Count))
            {
                colKeys.Add(y);
            }
        }

        // Union-find over rows (ids 0…R−1) and columns (R…R+C−1).
        int rCount = rowKeys.Count;
        int[] parent = new int[rCount + colKeys.Count];
        for (int k = 0; k < parent.Length; k++)
        {
            parent[k] = k;
        }

        int FindRoot(int v)
        {
            while (parent[v] != v)
            {
                parent[v] = parent[parent[v]];
                v = parent[v];
            }

            return v;
        }

        foreach ((int x, int y) in pairs)
        {
            int a = FindRoot(rowIds[x]), b = FindRoot(rCount + colIds[y]);
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        // Components numbered by first appearance in the sorted equilibria; members listed in that order too.
        var componentOf = new Dictionary<int, int>();
        var componentRows = new List<List<int>>();
        var componentCols = new List<List<int>>();
        foreach ((int x, int y) in pairs)
        {
            int root = FindRoot(rowIds[x]);
            if (!componentOf.TryGetValue(root, out int c))
            {
                c = componentRows.Count;
                componentOf[root] = c;
                componentRows.Add([]);
                componentCols.Add([]);
            }
        }

        for (int r = 0; r < rCount; r++)
        {
            componentRows[componentOf[FindRoot(r)]].Add(r);
        }

        for (int col = 0; col < colKeys.Count; col++)
        {
            componentCols[componentOf[FindRoot(rCount + col)]].Add(col);
        }

        var edges = new HashSet<(int, int)>();
        foreach ((int x, int y) in pairs)
        {
            edges.Add((rowIds[x], colIds[y]));
        }

        var result = new List<NashSubset>();
        for (int c = 0; c < componentRows.Count; c++)
        {
            List<int> rows = componentRows[c];
            List<int> cols = componentCols[c];
            int words = (cols.Count + 63) / 64;

            // Neighbourhood of each row vertex as a bit set over this component's columns.
            var neighbourhoods = new List<ulong[]>(rows.Count);
            foreach (int r in rows)
            {
                var set = new ulong[words];
                for (int t = 0; t < cols.Count; t++)
                {
                    if (edges.Contains((r, cols[t])))
                    {
                        set[t >> 6] |= 1UL << t;
                    }
                }

                neighbourhoods.Add(set);
            }

            var closed = new HashSet<string>(StringComparer.Ordinal);
            var order = new List<ulong[]>();
            var work = new Queue<ulong[]>();
            foreach (ulong[] set in neighbourhoods)
            {
                if (closed.Add(Key(set)))
                {
                    order.Add(set);
                    work.Enqueue(set);
                }
            }

            while (work.Count > 0)
            {
                ulong[] s = work.Dequeue();
                foreach (ulong[] nb in neighbourhoods)
                {
                    var meet = new ulong[words];
                    bool any = false;
                    for (int w = 0; w < words; w++)
                    {
                        meet[w] = s[w] & nb[w];
                        any |= meet[w] != 0;
                    }

                    if (any && closed.Add(Key(meet)))
                    {
                        order.Add(meet);
                        work.Enqueue(meet);
                    }
                }
            }

            var subsets = new List<NashSubset>();
            foreach (ulong[] y in order)
            {
                var xs = new List<Rational[]>();
                for (int t = 0; t < rows.Count; t++)
                {
                    if (Contains(neighbourhoods[t], y))
                    {
                        xs.Add(rowVertex(rowKeys[rows[t]]));
                    }
                }

                var ys = new List<Rational[]>();
                for (int t = 0; t < cols.Count; t++)
                {
                    if ((y[t >> 6] & (1UL << t)) != 0)
                    {
                        ys.Add(columnVertex(colKeys[cols[t]]));
                    }
                }

                xs.Sort(VertexOrder.Instance);
                ys.Sort(VertexOrder.Instance);
                subsets.Add(new NashSubset(xs, ys, c));
            }

            subsets.Sort((a, b) =>
            {
                int k = VertexOrder.Instance.Compare(a.RowVertices[0], b.RowVertices[0]);
                return k != 0 ? k : VertexOrder.Instance.Compare(a.ColumnVertices[0], b.ColumnVertices[0]);
            });
            result.AddRange(subsets);
        }

        return result;
    }

    private static bool Contains(ulong[] super, ulong[] sub)
    {
        for (int w = 0; w < sub.Length; w++)
        {
            if ((super[w] & sub[w]) != sub[w])
            {
                return false;
            }
        }

        return true;
    }

    private static string Key(ulong[] set) => string.Join(',', set);

    /// <summary>Descending lexicographic order of strategies, as <see cref="EquilibriumOrder"/> uses.</summary>
    private sealed class VertexOrder : IComparer<Rational[]>
    {
        public static VertexOrder Instance { get; } = new();

        public int Compare(Rational[]? a, Rational[]? b)
        {
            if (a is null || b is null)
            {
                return a is null ? (b is null ? 0 : -1) : 1;
            }

            for (int k = 0; k < Math.Min(a.Length, b.Length); k++)
            {
                int c = b[k].CompareTo(a[k]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
