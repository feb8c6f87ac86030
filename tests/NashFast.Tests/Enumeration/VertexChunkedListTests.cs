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
}
