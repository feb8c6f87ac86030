using NashFast.Enumeration;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The vertex search's level store (<see cref="VertexLevelStore{T}"/>): levels never overlap, keep their entries while
/// the store grows block by block, and blocks that come back from the thread's pool (written by an earlier store, of
/// another level size) hold nothing that shows through.
/// </summary>
public class VertexLevelStoreTests
{
    // 220 entries: a 10×10 polytope's dictionary (74 levels per 128 KB block of longs); 7 entries: many levels per
    // block; 40 000 entries: wider than a pooled block (its own blocks of 4 levels).
    [Theory]
    [InlineData(220, 1500)]
    [InlineData(7, 20_000)]
    [InlineData(40_000, 13)]
    public void Levels_KeepTheirEntries_AcrossBlocksAndReuse(int entries, int levels)
    {
        for (int round = 0; round < 3; round++)
        {
            var store = new VertexLevelStore<long>(entries);
            long tag = (round * 1_000_003L) + entries;

            // Grown one level at a time, as the DFS does, writing each level as it gets room.
            for (int level = 0; level < levels; level++)
            {
                store.EnsureCapacity(level + 1);
                Assert.True(store.Capacity > level);
                Span<long> span = store.Level(level);
                Assert.Equal(entries, span.Length);
                for (int e = 0; e < entries; e++)
                {
                    span[e] = (tag * 7919) + ((long)level * entries) + e;
                }
            }

            for (int level = 0; level < levels; level++)
            {
                long[] block = store.Locate(level, out int offset);
                ReadOnlySpan<long> span = store.Level(level);
                Assert.True(offset >= 0 && offset + entries <= block.Length);
                Assert.Equal(span[0], block[offset]);
                for (int e = 0; e < entries; e++)
                {
                    Assert.Equal((tag * 7919) + ((long)level * entries) + e, span[e]);
                }
            }

            store.Release();
            Assert.Equal(0, store.Capacity);
        }
    }

    [Fact]
    public void TwoStoresAtOnce_DoNotShareBlocks()
    {
        var first = new VertexLevelStore<long>(220);
        var second = new VertexLevelStore<long>(97);
        first.EnsureCapacity(400);
        second.EnsureCapacity(900);
        for (int level = 0; level < 900; level++)
        {
            if (level < 400)
            {
                first.Level(level).Fill(level);
            }

            second.Level(level).Fill(-level - 1);
        }

        for (int level = 0; level < 900; level++)
        {
            if (level < 400)
            {
                Assert.All(first.Level(level).ToArray(), v => Assert.Equal(level, v));
            }

            Assert.All(second.Level(level).ToArray(), v => Assert.Equal(-level - 1, v));
        }

        first.Release();
        second.Release();
    }
}
