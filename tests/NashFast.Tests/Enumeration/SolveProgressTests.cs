using NashFast.Enumeration;
using NashFast.Games;

namespace NashFast.Tests.Enumeration;

/// <summary>
/// <see cref="SolveOptions.Progress"/>: reports while vertex and support enumeration run, with counts that can only be
/// what the searches have really done, never after the solve returned; the callback's exception reaches the caller.
/// </summary>
public class SolveProgressTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(1);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    public void VertexEnumeration_ReportsVerticesFoundSoFar(int threads, bool smallIntegers)
    {
        // Games are solved until some reports came (a solve shorter than the interval reports nothing); each report
        // must be a count the two searches can have reached: a multiple of 64 (each search reports at every 64th
        // vertex) and at most both polytopes' vertex counts.
        var rng = new System.Random(threads * 31 + (smallIntegers ? 7 : 0));
        int reports = 0;
        for (int g = 0; g < 40 && reports < 3; g++)
        {
            BimatrixGame game = smallIntegers ? VertexTestGames.Random(rng, 11, 11, smallIntegers: true) : VertexTestGames.RandomFullPrecision(rng, 13, 13);
            VertexConstraints c = VertexPolytopes.BuildScaled(game);
            VertexSet p = VertexTiers.Enumerate(c.P, c.Columns, c.Rows, 0, VertexTier.Auto, default)!;
            VertexSet q = VertexTiers.Enumerate(c.Q, c.Rows, c.Columns, c.Rows, VertexTier.Auto, default)!;
            long vertices = p.Count + q.Count;
            var seen = new List<SolveProgress>();
            var options = new SolveOptions
            {
                Method = SolverMethod.VertexEnumeration,
                MaxDegreeOfParallelism = threads,
                ProgressInterval = Fast,
                Progress = r => { lock (seen) { seen.Add(r); } },
            };

            SolveResult result = NashSolver.Solve(game, options);
            Assert.True(result.Complete);
            lock (seen)
            {
                foreach (SolveProgress r in seen)
                {
                    Assert.Equal(SolverMethod.VertexEnumeration, r.Method);
                    Assert.Equal("vertices", r.Unit);
                    Assert.Null(r.Total);
                    Assert.Equal(0, r.Done % VertexSet.PublishBatch);
                    Assert.InRange(r.Done, 0, vertices);
                    Assert.True(r.Elapsed >= Fast, $"reported after {r.Elapsed}");
                }

                reports += seen.Count(r => r.Done > 0);
            }
        }

        Assert.True(reports > 0, "no report with a count from 40 games of several milliseconds each");
    }

    [Fact]
    public void SupportEnumeration_ReportsRowSupportsOfTheTotal()
    {
        var rng = new System.Random(4242);
        int reports = 0;
        for (int g = 0; g < 20 && reports < 3; g++)
        {
            BimatrixGame game = VertexTestGames.RandomFullPrecision(rng, 11, 11);
            var seen = new List<SolveProgress>();
            var options = new SolveOptions
            {
                Method = SolverMethod.SupportEnumeration,
                MaxDegreeOfParallelism = 1 + (g % 2),
                ProgressInterval = Fast,
                Progress = r => { lock (seen) { seen.Add(r); } },
            };

            NashSolver.Solve(game, options);
            lock (seen)
            {
                long previous = 0;
                foreach (SolveProgress r in seen)
                {
                    Assert.Equal(SolverMethod.SupportEnumeration, r.Method);
                    Assert.Equal("row supports", r.Unit);
                    Assert.Equal((1L << 11) - 1, r.Total); // every nonempty row support of an 11x11 game
                    Assert.InRange(r.Done, previous, r.Total!.Value);
                    previous = r.Done;
                }

                reports += seen.Count(r => r.Done > 0);
            }
        }

        Assert.True(reports > 0, "no report with a count from 20 games of several milliseconds each");
    }

    [Fact]
    public void NoReport_ArrivesAfterTheSolveReturned()
    {
        var rng = new System.Random(99);
        int afterReturn = 0;
        bool returned = false;
        for (int g = 0; g < 10; g++)
        {
            BimatrixGame game = VertexTestGames.RandomFullPrecision(rng, 12, 12);
            Volatile.Write(ref returned, false);
            var options = new SolveOptions
            {
                MaxDegreeOfParallelism = 2,
                ProgressInterval = Fast,
                Progress = _ =>
                {
                    Thread.Sleep(2); // a slow callback: the solve must still wait for it before returning
                    if (Volatile.Read(ref returned))
                    {
                        Interlocked.Increment(ref afterReturn);
                    }
                },
            };

            NashSolver.Solve(game, options);
            Volatile.Write(ref returned, true);
            Thread.Sleep(5);
        }

        Assert.Equal(0, Volatile.Read(ref afterReturn));
    }

    [Theory]
    [InlineData(SolverMethod.VertexEnumeration)]
    [InlineData(SolverMethod.SupportEnumeration)]
    public void AnExceptionInTheCallback_IsRethrownByTheSolve(SolverMethod method)
    {
        var rng = new System.Random(7);
        var options = new SolveOptions
        {
            Method = method,
            ProgressInterval = Fast,
            Progress = _ => throw new InvalidOperationException("display gone"),
        };

        // Several games, in case one is solved before the first tick.
        InvalidOperationException? caught = null;
        for (int g = 0; g < 20 && caught is null; g++)
        {
            caught = Record.Exception(() => NashSolver.Solve(VertexTestGames.RandomFullPrecision(rng, 12, 12), options)) as InvalidOperationException;
        }

        Assert.NotNull(caught);
        Assert.Equal("display gone", caught.Message);
    }

    [Fact]
    public void Auto_ReportsTheMethodItChose()
    {
        var rng = new System.Random(12);
        var methods = new HashSet<SolverMethod>();
        for (int g = 0; g < 20 && methods.Count == 0; g++)
        {
            var options = new SolveOptions { ProgressInterval = Fast, Progress = r => { lock (methods) { methods.Add(r.Method); } } };
            SolveResult result = NashSolver.Solve(VertexTestGames.RandomFullPrecision(rng, 12, 12), options);
            lock (methods)
            {
                Assert.All(methods, m => Assert.Equal(result.Method, m));
            }
        }

        Assert.NotEmpty(methods);
    }

    [Fact]
    public void AHugeInterval_MeansNoReport()
    {
        // TimeSpan.MaxValue in Stopwatch ticks overflows a long: it must not wrap to a tiny interval.
        var rng = new System.Random(3);
        int calls = 0;
        var options = new SolveOptions { ProgressInterval = TimeSpan.MaxValue, Progress = _ => Interlocked.Increment(ref calls) };
        for (int g = 0; g < 5; g++)
        {
            Assert.True(NashSolver.Solve(VertexTestGames.RandomFullPrecision(rng, 12, 12), options with { Method = SolverMethod.VertexEnumeration }).Complete);
            NashSolver.Solve(VertexTestGames.RandomFullPrecision(rng, 9, 9), options with { Method = SolverMethod.SupportEnumeration });
        }

        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void ANonPositiveInterval_IsRejected_OnlyWithACallback(int milliseconds)
    {
        BimatrixGame game = VertexTestGames.RandomFullPrecision(new System.Random(1), 3, 3);
        var interval = TimeSpan.FromMilliseconds(milliseconds);
        foreach (SolverMethod method in new[] { SolverMethod.VertexEnumeration, SolverMethod.SupportEnumeration })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => NashSolver.Solve(game, new SolveOptions { Method = method, ProgressInterval = interval, Progress = _ => { } }));
            Assert.True(NashSolver.Solve(game, new SolveOptions { Method = method, ProgressInterval = interval }).Complete);
        }
    }
}
