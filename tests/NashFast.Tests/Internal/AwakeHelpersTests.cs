using NashFast.Internal.Threading;

namespace NashFast.Tests.Internal;

/// <summary>
/// The solvers' helper threads (<see cref="AwakeHelpers"/>): every index runs exactly once, whether a helper takes
/// it or the caller does, from several callers at once and nested; a failure on either side reaches the caller, and
/// the helpers serve the next run afterwards.
/// </summary>
public class AwakeHelpersTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void EveryIndexRunsExactlyOnce(int workers)
    {
        for (int run = 0; run < 2000; run++)
        {
            int[] counts = new int[workers];
            int work = run % 3; // none, a little, a little more: the helper is sometimes too late
            AwakeHelpers.Run(workers, i =>
            {
                Interlocked.Increment(ref counts[i]);
                Thread.SpinWait(work * 200 * (i + 1));
            });
            Assert.All(counts, c => Assert.Equal(1, c));
        }
    }

    [Fact]
    public void ConcurrentAndNestedRunsShareTheHelpers()
    {
        int total = 0;
        Parallel.For(0, 4, _ =>
        {
            for (int run = 0; run < 300; run++)
            {
                AwakeHelpers.Run(2, outer =>
                {
                    AwakeHelpers.Run(2, inner => Interlocked.Increment(ref total));
                });
            }
        });
        Assert.Equal(4 * 300 * 2 * 2, total);
    }

    [Fact]
    public void AFailureReachesTheCaller_AndTheHelpersServeTheNextRun()
    {
        for (int run = 0; run < 200; run++)
        {
            // Whichever thread runs index 1, its exception is the one the caller sees.
            var helperSide = Assert.Throws<InvalidOperationException>(() => AwakeHelpers.Run(2, i =>
            {
                if (i == 1)
                {
                    throw new InvalidOperationException("index 1");
                }
            }));
            Assert.Equal("index 1", helperSide.Message);

            var callerSide = Assert.Throws<ArgumentException>(() => AwakeHelpers.Run(2, i =>
            {
                if (i == 0)
                {
                    Thread.SpinWait(500);
                    throw new ArgumentException("index 0");
                }
            }));
            Assert.Equal("index 0", callerSide.Message);

            int[] counts = new int[2];
            AwakeHelpers.Run(2, i => Interlocked.Increment(ref counts[i]));
            Assert.Equal([1, 1], counts);
        }
    }
}
