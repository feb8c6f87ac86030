using System.Numerics;

namespace NashFast.Enumeration;

/// <summary>
/// Pairs the vertices of P and Q into completely labelled pairs (the extreme equilibria), in a deterministic order:
/// by P vertex in search order, then by Q vertex in search order.
/// </summary>
/// <remarks>
/// Nondegenerate game: every nonzero vertex of P has exactly m labels and of Q exactly n, so x completes y exactly
/// when y's label set is the complement of x's: one hash lookup per vertex of P. Degenerate game: y must carry every
/// label x lacks (a superset test); the candidates are the vertices of Q on the face where x's missing labels are
/// tight, i.e. those carrying the rarest missing label, scanned and tested. Since Q's vertices are enumerated in any
/// case (its degeneracy is part of the answer), this replaces lrsnash's per-vertex face search by a scan of a
/// precomputed list; both return exactly the vertices of that face.
/// </remarks>
internal static class VertexMatching
{
    /// <summary>
    /// All completely labelled pairs (x, y) with both nonzero. When <paramref name="cancelled"/> comes back true the
    /// list holds only the pairs found before the token fired (every one a genuine extreme equilibrium).
    /// </summary>
    public static List<(int X, int Y)> Match(VertexSet p, VertexSet q, int labelCount, int parallelism, CancellationToken token, out bool cancelled)
    {
        cancelled = false;
        ulong all = labelCount == 64 ? ulong.MaxValue : (1UL << labelCount) - 1;
        var pairs = new List<(int X, int Y)>();
        if (!p.Degenerate && !q.Degenerate)
        {
            var index = new Dictionary<ulong, int>(q.Count);
            for (int y = 0; y < q.Count; y++)
            {
                if (!q.IsZero(y))
                {
                    index[q.Labels(y)] = y;
                }
            }

            for (int x = 0; x < p.Count; x++)
            {
                if ((x & 4095) == 0 && token.IsCancellationRequested)
                {
                    cancelled = true;
                    return pairs;
                }

                if (!p.IsZero(x) && index.TryGetValue(all & ~p.Labels(x), out int y))
                {
                    pairs.Add((x, y));
                }
            }

            return pairs;
        }

        // Per label, the nonzero vertices of Q carrying it (in search order).
        var byLabel = new List<int>[labelCount];
        for (int l = 0; l < labelCount; l++)
        {
            byLabel[l] = [];
        }

        for (int y = 0; y < q.Count; y++)
        {
            if (q.IsZero(y))
            {
                continue;
            }

            ulong labels = q.Labels(y);
            while (labels != 0)
            {
                byLabel[BitOperations.TrailingZeroCount(labels)].Add(y);
                labels &= labels - 1;
            }
        }

        // Chunks of P are matched independently and concatenated in chunk order, so the order is thread-independent.
        const int chunkSize = 1024;
        int chunks = (p.Count + chunkSize - 1) / chunkSize;
        var found = new List<(int X, int Y)>?[chunks];
        bool stopped = false;
        void MatchChunk(int c)
        {
            var local = new List<(int X, int Y)>();
            int end = Math.Min(p.Count, (c + 1) * chunkSize);
            for (int x = c * chunkSize; x < end; x++)
            {
                if (p.IsZero(x))
                {
                    continue;
                }

                ulong missing = all & ~p.Labels(x);
                List<int>? rarest = null;
                ulong bits = missing;
                while (bits != 0)
                {
                    List<int> list = byLabel[BitOperations.TrailingZeroCount(bits)];
                    if (rarest is null || list.Count < rarest.Count)
                    {
                        rarest = list;
                    }

                    bits &= bits - 1;
                }

                foreach (int y in rarest!)
                {
                    if ((q.Labels(y) & missing) == missing)
                    {
                        local.Add((x, y));
                    }
                }
            }

            found[c] = local;
        }

        if (parallelism > 1 && chunks > 1)
        {
            var po = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = token };
            try
            {
                Parallel.For(0, chunks, po, MatchChunk);
            }
            catch (OperationCanceledException)
            {
                stopped = true;
            }
        }
        else
        {
            for (int c = 0; c < chunks && !stopped; c++)
            {
                stopped = token.IsCancellationRequested;
                if (!stopped)
                {
                    MatchChunk(c);
                }
            }
        }

        cancelled = stopped;
        foreach (List<(int X, int Y)>? list in found)
        {
            if (list is not null)
            {
                pairs.AddRange(list);
            }
        }

        return pairs;
    }
}
