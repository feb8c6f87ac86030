using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace NashFast.Internal.Threading;

/// <summary>
/// Helper threads for the solvers' short parallel phases (a millisecond or less): each stays awake, spinning, for
/// <see cref="AwakeFor"/> after its last job before it blocks, so that the next phase starts on it at once.
/// </summary>
/// <remarks>
/// <para>On the 2-core development VM a thread-pool thread that had gone to sleep between two solves of a loop
/// started the second search of a 12×12 vertex enumeration a mean 320–380 µs after it was queued (about 7 % of the
/// solve; 1 700 solves): the idle virtual CPU is halted, and waking it goes through the host. At 10×10 it was 7–32 µs,
/// but in 2–11 % of the solves it came too late and the caller ran both searches alone; a <c>Parallel.For</c> replica
/// in an experiment took 150–190 µs. A helper that is still spinning from the previous solve takes the job within a
/// few microseconds (3.7–5.5 µs measured with gaps of up to 1 ms between jobs; 125 µs after a 5 ms gap, when it had
/// gone to sleep).</para>
/// <para>The cost is the spinning itself: up to <see cref="AwakeFor"/> of one core per helper after the last parallel
/// phase, as the thread pool's own workers also spin briefly before they sleep. Helpers are background threads,
/// created on first use, at most one fewer than the processors.</para>
/// </remarks>
internal static class AwakeHelpers
{
    /// <summary>How long a helper spins after its last job before it blocks (2 ms).</summary>
    public static readonly TimeSpan AwakeFor = TimeSpan.FromMilliseconds(2);

    private static readonly long AwakeTicks = (long)(AwakeFor.TotalSeconds * Stopwatch.Frequency);
    private static readonly object Gate = new();
    private static Helper[] s_helpers = [];

    /// <summary>
    /// Runs <paramref name="body"/>(0) on the calling thread and <paramref name="body"/>(i), 0 &lt; i &lt;
    /// <paramref name="workers"/>, on free helpers; an index whose helper has not started it by the time the caller is
    /// done with its own runs on the caller afterwards (so every index runs exactly once, and a busy or slow helper
    /// never makes the caller wait for work that has not begun). Returns when all are done; the first exception of
    /// a helper is rethrown after that.
    /// </summary>
    public static void Run(int workers, Action<int> body)
    {
        if (workers <= 1)
        {
            body(0);
            return;
        }

        Helper[] helpers = Take(workers - 1);
        for (int i = 0; i < helpers.Length; i++)
        {
            helpers[i].Post(body, i + 1);
        }

        try
        {
            body(0);
        }
        catch
        {
            // The caller's part failed: the jobs not started are dropped, the started ones waited for.
            foreach (Helper helper in helpers)
            {
                if (!helper.Withdraw())
                {
                    helper.Wait();
                }

                helper.Release();
            }

            throw;
        }

        // Every helper settled (job taken back, or finished) before anything else can throw.
        ExceptionDispatchInfo? failure = null;
        Span<bool> withdrawn = stackalloc bool[helpers.Length];
        for (int i = 0; i < helpers.Length; i++)
        {
            withdrawn[i] = helpers[i].Withdraw();
            if (!withdrawn[i])
            {
                failure ??= helpers[i].Wait();
            }

            helpers[i].Release();
        }

        failure?.Throw();
        for (int i = 1; i < workers; i++)
        {
            if (i > helpers.Length || withdrawn[i - 1])
            {
                body(i); // not started by a helper (or no helper was free): the caller runs it
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> helpers reserved for one <see cref="Run"/> (fewer when others are busy).</summary>
    private static Helper[] Take(int count)
    {
        count = Math.Min(count, Environment.ProcessorCount - 1);
        if (count <= 0)
        {
            return [];
        }

        lock (Gate)
        {
            if (s_helpers.Length < count)
            {
                var grown = new Helper[count];
                s_helpers.CopyTo(grown, 0);
                for (int i = s_helpers.Length; i < count; i++)
                {
                    grown[i] = new Helper();
                }

                s_helpers = grown;
            }

            var taken = new List<Helper>(count);
            foreach (Helper helper in s_helpers)
            {
                if (taken.Count < count && helper.TryReserve())
                {
                    taken.Add(helper);
                }
            }

            return [.. taken];
        }
    }

    /// <summary>One helper thread and its job slot.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A helper and its event live as long as the process.")]
    private sealed class Helper
    {
        // Free: no job, may be reserved. Reserved: taken by a Run, job not yet posted. Posted: job waiting.
        // Running: the helper took it. Done: finished (the Run collects it and frees the slot).
        private const int Free = 0;
        private const int Reserved = 1;
        private const int Posted = 2;
        private const int Running = 3;
        private const int Done = 4;

        private readonly ManualResetEventSlim _wake = new(false);
        private int _state;
        private Action<int>? _body;
        private int _index;
        private ExceptionDispatchInfo? _failure;

        public Helper()
        {
            new Thread(Loop) { IsBackground = true, Name = "NashFast helper" }.Start();
        }

        public bool TryReserve() => Interlocked.CompareExchange(ref _state, Reserved, Free) == Free;

        public void Post(Action<int> body, int index)
        {
            _body = body;
            _index = index;
            _failure = null;
            Volatile.Write(ref _state, Posted);
            _wake.Set();
        }

        /// <summary>Takes the job back if the helper has not started it (true: the caller runs it).</summary>
        public bool Withdraw() => Interlocked.CompareExchange(ref _state, Reserved, Posted) == Posted;

        /// <summary>Waits for the started job to finish; its exception, if any.</summary>
        public ExceptionDispatchInfo? Wait()
        {
            var spin = default(SpinWait);
            while (Volatile.Read(ref _state) != Done)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }

            return _failure;
        }

        public void Release()
        {
            _body = null;
            Volatile.Write(ref _state, Free);
        }

        private void Loop()
        {
            long awakeUntil = Stopwatch.GetTimestamp() + AwakeTicks;
            while (true)
            {
                if (Volatile.Read(ref _state) == Posted && Interlocked.CompareExchange(ref _state, Running, Posted) == Posted)
                {
                    try
                    {
                        _body!(_index);
                    }
                    catch (Exception e)
                    {
                        _failure = ExceptionDispatchInfo.Capture(e);
                    }

                    Volatile.Write(ref _state, Done);
                    awakeUntil = Stopwatch.GetTimestamp() + AwakeTicks;
                    continue;
                }

                if (Stopwatch.GetTimestamp() < awakeUntil)
                {
                    Thread.SpinWait(20);
                    continue;
                }

                // Block until the next post (Reset, then look again, so that a post in between is not missed).
                _wake.Reset();
                if (Volatile.Read(ref _state) != Posted)
                {
                    _wake.Wait();
                }

                awakeUntil = Stopwatch.GetTimestamp() + AwakeTicks;
            }
        }
    }
}
