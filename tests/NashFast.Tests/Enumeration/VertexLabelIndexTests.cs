using NashFast.Enumeration;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// The pairing's label index (<see cref="VertexLabelIndex"/>) against <see cref="Dictionary{TKey, TValue}"/>: keys
/// that collide in their top bits and keys that do not, replaced ids, absent keys, a full index, and pooled arrays
/// that come back written by an earlier index.
/// </summary>
public class VertexLabelIndexTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(1000, 3)]
    [InlineData(20_000, 4)]
    public void AgreesWithDictionary(int count, int seed)
    {
        var rng = new System.Random(seed);
        for (int round = 0; round < 3; round++)
        {
            var expected = new Dictionary<ulong, int>();
            using var index = new VertexLabelIndex(count);
            while (expected.Count < count)
            {
                // Half the keys differ only in their low bits (label sets of neighbouring vertices), half are random.
                ulong key = rng.Next(2) == 0 ? (ulong)rng.NextInt64() | 1UL << 63 : (ulong)rng.Next(1, 4 * count + 2);
                int id = rng.Next();
                expected[key] = id;
                index.Set(key, id);
            }

            // Some ids replaced, as an indexer would.
            foreach (ulong key in expected.Keys.Where((_, i) => i % 5 == 0).ToList())
            {
                expected[key] = -key.GetHashCode();
                index.Set(key, expected[key]);
            }

            Assert.Equal(expected.Count, index.Count);
            foreach ((ulong key, int id) in expected)
            {
                Assert.True(index.TryGet(key, out int found));
                Assert.Equal(id, found);
            }

            for (int i = 0; i < 5 * count; i++)
            {
                ulong probe = (ulong)rng.NextInt64();
                Assert.Equal(expected.TryGetValue(probe, out int id), index.TryGet(probe, out int found));
                Assert.Equal(expected.ContainsKey(probe) ? id : -1, found);
            }

            Assert.False(index.TryGet(0, out _));
        }
    }

    [Fact]
    public void RefusesAZeroKeyAndMoreKeysThanItWasSizedFor()
    {
        using var index = new VertexLabelIndex(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Set(0, 1));
        int room = index.Slots / 2;
        for (ulong key = 1; key <= (ulong)room; key++)
        {
            index.Set(key, (int)key);
        }

        Assert.Throws<InvalidOperationException>(() => index.Set((ulong)room + 1, 0));
        index.Set(1, 42); // replacing stays possible when full
        Assert.True(index.TryGet(1, out int id));
        Assert.Equal(42, id);
    }
}
