using NashFast.Enumeration;

namespace NashFast.Tests.Enumeration;

public class VertexChunkedListTests
{
    // Appends of every length, across the first chunk's doublings and the 4096-element chunk boundaries, read back
    // against a List.
    [Theory]
    [InlineData(1, 3)]
    [InlineData(10, 4)]
    [InlineData(64, 5)]
    [InlineData(5000, 6)]
    public void ReadsBackWhatWasAppended(int maxRun, int seed)
    {
        var rng = new System.Random(seed);
        var list = new VertexChunkedList<long>();
        var expected = new List<long>();
        while (expected.Count < 20_000)
        {
            int run = rng.Next(0, maxRun + 1);
            long[] values = Enumerable.Range(0, run).Select(_ => rng.NextInt64()).ToArray();
            if (run == 1 && rng.Next(2) == 0)
            {
                list.Add(values[0]);
            }
            else
            {
                list.AddRange(values);
            }

            expected.AddRange(values);
            Assert.Equal(expected.Count, list.Count);
        }

        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], list[i]);
        }
    }

    // A floating-point search's set (labels only) gives its chunks back to the thread that filled it, so the next set
    // there takes them instead of new memory: when released on that thread, and also when released on another (the
    // second search's set, released by the caller), whose own pool gains nothing.
    [Fact]
    public void FloatSet_GivesItsChunksBack_ToTheThreadThatFilledIt()
    {
        const int vertices = 6000; // two chunks of labels and of flags
        static VertexSet Filled()
        {
            var set = new VertexSet(4, _ => []);
            for (int v = 0; v < vertices; v++)
            {
                set.Add((ulong)v + 1, v == 0);
            }

            return set;
        }

        static long Allocated(Func<VertexSet> make, out VertexSet made)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            made = make();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        long fresh = 0, reused = 0, afterForeignRelease = 0, onOtherThread = 0, nothingLeft = 0;
        var thread = new Thread(() =>
        {
            fresh = Allocated(Filled, out VertexSet first);
            first.Release();
            reused = Allocated(Filled, out VertexSet second); // takes first's chunks

            // Released on another thread: that thread's next set finds nothing, this one's next set finds the chunks,
            // and the one after that (second still holds its own) finds nothing again.
            VertexSet third = Filled();
            var other = new Thread(() =>
            {
                third.Release();
                onOtherThread = Allocated(Filled, out _);
            });
            other.Start();
            other.Join();
            afterForeignRelease = Allocated(Filled, out _);
            nothingLeft = Allocated(Filled, out _);
            GC.KeepAlive(second);
        });
        thread.Start();
        thread.Join();

        Assert.True(fresh > vertices * 8, $"a fresh set allocated {fresh} bytes");
        Assert.True(reused < fresh / 4, $"after a release on its thread: {reused} bytes against {fresh}");
        Assert.True(afterForeignRelease < fresh / 4, $"after a release on another thread: {afterForeignRelease} bytes against {fresh}");
        Assert.True(onOtherThread > vertices * 8, $"on the releasing thread: {onOtherThread} bytes");
        Assert.True(nothingLeft > vertices * 8, $"with the pool empty again: {nothingLeft} bytes");
    }

    // Released chunks go to the thread's pool: lists filled after a release (while another list still holds its chunks)
    // read back only their own elements, and a released list is empty and usable again.
    [Fact]
    public void ReleasedChunks_AreReused_WithoutMixingLists()
    {
        var rng = new System.Random(77);
        var kept = new VertexChunkedList<long>();
        var keptExpected = new List<long>();
        for (int round = 0; round < 4; round++)
        {
            var list = new VertexChunkedList<long>();
            var expected = new List<long>();
            int count = round == 0 ? 10_000 : rng.Next(1, 15_000);
            for (int i = 0; i < count; i++)
            {
                long v = rng.NextInt64();
                list.Add(v);
                expected.Add(v);
                long w = rng.NextInt64();
                kept.Add(w);
                keptExpected.Add(w);
            }

            for (int i = 0; i < count; i++)
            {
                Assert.Equal(expected[i], list[i]);
            }

            list.Release();
            Assert.Equal(0, list.Count);
            list.AddRange([1, 2, 3]);
            Assert.Equal(3, list.Count);
            Assert.Equal(3, list[2]);
            list.Release();
        }

        for (int i = 0; i < keptExpected.Count; i++)
        {
            Assert.Equal(keptExpected[i], kept[i]);
        }
    }
}

public class VertexSetPublicationTests
{
    // Published counts in batches of 64 and in full after PublishAll; Run gives the same labels and origin flags as
    // the indexers, in runs that never cross a chunk and never pass the bound.
    [Fact]
    public void PublishesInBatches_AndRunsReadBackWhatWasAdded()
    {
        var set = new VertexSet(3, _ => new System.Numerics.BigInteger[3]);
        var rng = new System.Random(8);
        var labels = new List<ulong>();
        var zeros = new List<bool>();
        for (int v = 0; v < 9000; v++)
        {
            ulong l = (ulong)rng.NextInt64();
            bool z = rng.Next(5) == 0;
            set.Add(l, z);
            labels.Add(l);
            zeros.Add(z);
            Assert.Equal((v + 1) / VertexSet.PublishBatch * VertexSet.PublishBatch, set.Published);
        }

        set.PublishAll();
        Assert.Equal(9000, set.Published);
        foreach (int to in new[] { 1, 63, 4096, 4097, 8192, 9000 })
        {
            int next = 0;
            while (next < to)
            {
                ReadOnlySpan<ulong> run = set.Run(next, to, out ReadOnlySpan<bool> runZeros);
                Assert.True(run.Length > 0 && run.Length == runZeros.Length && next + run.Length <= to);
                Assert.True((next >> 12) == ((next + run.Length - 1) >> 12), "a run crossed a chunk");
                for (int k = 0; k < run.Length; k++, next++)
                {
                    Assert.Equal(labels[next], run[k]);
                    Assert.Equal(zeros[next], runZeros[k]);
                    Assert.Equal(labels[next], set.Labels(next));
                }
            }
        }
    }
}
