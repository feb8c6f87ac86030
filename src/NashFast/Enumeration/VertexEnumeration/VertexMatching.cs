using System.Numerics;
using System.Runtime.CompilerServices;

namespace NashFast.Enumeration;

/// <summary>
/// Pairs the vertices of P and Q into completely labelled pairs (the extreme equilibria), in a deterministic order:
/// by P vertex in search order, then by Q vertex in search order.
/// </summary>
/// <remarks>
/// Nondegenerate game: every nonzero vertex of P has exactly m labels and of Q exactly n, so x completes y exactly
/// when y's label set is the complement of x's: one hash lookup per vertex of P. Degenerate game: y must carry every
/// label x lacks; the vertices of Q on the face where x's missing labels are tight are the intersection of per-label
/// bitsets over Q's vertices. Since Q's vertices are enumerated in any case (its degeneracy is part of the answer),
/// this replaces lrsnash's per-vertex face search by a few word-wise ANDs; both return exactly the vertices of that
/// face. (Searching the face instead of enumerating Q would need a feasibility phase per vertex of P, and at these
/// sizes P has about as many vertices as Q, so the saving over searching Q is uncertain; not done.)
/// </remarks>
internal static class VertexMatching
{
    /// <summary>
    /// All completely labelled pairs (x, y) with both nonzero. When <paramref name="cancelled"/> comes back true the
    /// list holds only the pairs found before the token fired (every one a genuine extreme equilibrium).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call (see VertexSearch.Search)
    public static List<(int X, int Y)> Match(VertexSet p, VertexSet q, int labelCount, int parallelism, CancellationToken token, out bool cancelled)
    {
        cancelled = false;
        ulong all = labelCount == 64 ? ulong.MaxValue : (1UL << labelCount) - 1;
        var pairs = new List<(int X, int Y)>();
        if (!p.Degenerate && !q.Degenerate)
        {
            using var index = new VertexLabelIndex(q.Count);
            for (int y = 0; y < q.Count; y++)
            {
                if (!q.IsZero(y))
                {
                    index.Set(q.Labels(y), y);
                }
            }

            for (int x = 0; x < p.Count; x++)
            {
                if ((x & 4095) == 0 && token.IsCancellationRequested)
                {
                    cancelled = true;
                    return pairs;
                }

                if (!p.IsZero(x) && index.TryGet(all & ~p.Labels(x), out int y))
                {
                    pairs.Add((x, y));
                }
            }

            return pairs;
        }

        // Per label, the set of nonzero vertices of Q carrying it, as a bitset over Q's search order. The vertices of
        // Q on x's complementary face are the intersection of the sets of x's missing labels: word-wise ANDs over a
        // window of words that shrinks to the nonzero ones (most P vertices match nothing, and the window is
        // usually empty after a few labels).
        int words = (q.Count + 63) >> 6;
        var carriers = new ulong[labelCount * words];
        var carrierCount = new int[labelCount];
        for (int y = 0; y < q.Count; y++)
        {
            if (q.IsZero(y))
            {
                continue;
            }

            ulong labels = q.Labels(y);
            while (labels != 0)
            {
                int l = BitOperations.TrailingZeroCount(labels);
                carriers[(l * words) + (y >> 6)] |= 1UL << (y & 63);
                carrierCount[l]++;
                labels &= labels - 1;
            }
        }

        // Chunks of P are matched independently and concatenated in chunk order, so the order is thread-independent.
        const int chunkSize = 1024;
        int chunks = (p.Count + chunkSize - 1) / chunkSize;
        var found = new List<(int X, int Y)>?[chunks];
        bool stopped = false;
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void MatchChunk(int c)
        {
            var local = new List<(int X, int Y)>();
            var face = new ulong[words];
            int end = Math.Min(p.Count, (c + 1) * chunkSize);
            for (int x = c * chunkSize; x < end; x++)
            {
                if (p.IsZero(x))
                {
                    continue;
                }

                ulong missing = all & ~p.Labels(x);
                if (missing == 0)
                {
                    continue; // cannot happen for a nonzero vertex of P (it lacks its support's labels); kept for safety
                }

                // Start from the rarest missing label, then intersect the others.
                int rarest = -1;
                for (ulong bits = missing; bits != 0; bits &= bits - 1)
                {
                    int l = BitOperations.TrailingZeroCount(bits);
                    if (rarest < 0 || carrierCount[l] < carrierCount[rarest])
                    {
                        rarest = l;
                    }
                }

                int lo = 0, hi = words;
                ReadOnlySpan<ulong> first = carriers.AsSpan(rarest * words, words);
                while (lo < hi && first[lo] == 0)
                {
                    lo++;
                }

                while (hi > lo && first[hi - 1] == 0)
                {
                    hi--;
                }

                first[lo..hi].CopyTo(face.AsSpan(lo));
                for (ulong bits = missing & ~(1UL << rarest); bits != 0 && lo < hi; bits &= bits - 1)
                {
                    ReadOnlySpan<ulong> set = carriers.AsSpan(BitOperations.TrailingZeroCount(bits) * words, words);
                    for (int i = lo; i < hi; i++)
                    {
                        face[i] &= set[i];
                    }

                    while (lo < hi && face[lo] == 0)
                    {
                        lo++;
                    }

                    while (hi > lo && face[hi - 1] == 0)
                    {
                        hi--;
                    }
                }

                for (int i = lo; i < hi; i++)
                {
                    for (ulong bits = face[i]; bits != 0; bits &= bits - 1)
                    {
                        local.Add((x, (i << 6) + BitOperations.TrailingZeroCount(bits)));
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
