using System.Diagnostics;
using System.Runtime.ExceptionServices;
using NashFast.Games;

namespace NashFast.Internal.Threading;

/// <summary>
/// Calls <see cref="SolveOptions.Progress"/> every <see cref="SolveOptions.ProgressInterval"/> while a method runs,
/// with a count the method's threads keep up to date anyway (so the search loops pay nothing for it).
/// </summary>
/// <remarks>
/// <para>The calls come from one background thread shared by every solve in the process ("NashFast progress",
/// created on first use), not from the thread pool: a host whose pool is busy (a test runner measured here: three
/// threads, work items waiting) delayed a pool timer's callbacks past whole solves, so a caller would see no
/// progress exactly when the machine is loaded. One reporter's callback at a time; a report whose time came while
/// another callback ran is made when that returns. A solve registers without waking the thread when the thread will
/// look before the solve's first report is due; after the last solve it keeps looking every 100 ms for 5 s, so that
/// a loop of short solves (the CLI's files) wakes it once, not at every solve.</para>
/// <para>No call starts after <see cref="Dispose"/> (or <see cref="Finish"/>), and both wait for a call in progress,
/// so a caller may tear its display down as soon as the solve returns. An exception thrown by the callback stops the
/// reports and is rethrown by <see cref="Finish"/> on the solving thread.</para>
/// </remarks>
internal sealed class ProgressReporter : IDisposable
{
    private static readonly object Gate = new();
    private static readonly List<ProgressReporter> Active = [];

    /// <summary>How long the thread keeps waking up (every <see cref="Poll"/>) after the last reporter left.</summary>
    private static readonly long LingerTicks = 5 * Stopwatch.Frequency;

    /// <summary>Its wake-up period while it lingers.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest interval kept (a quarter of the tick range: due times never overflow).</summary>
    private const long MaxIntervalTicks = long.MaxValue / 4;

    private static bool s_threadStarted;

    // Under Gate: when the thread will look at the reporters next (long.MaxValue: not before a pulse; long.MinValue: it
    // is awake and will look before it waits again), and when the last reporter left.
    private static long s_wakeAt = long.MinValue;
    private static long s_lastActive;

    private readonly Action<SolveProgress> _callback;
    private readonly SolverMethod _method;
    private readonly string _unit;
    private readonly Func<(long Done, long? Total)> _read;
    private readonly long _intervalTicks;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private ExceptionDispatchInfo? _failure;

    // Under Gate: when the next report is due (Stopwatch ticks), and whether the progress thread is inside the callback.
    private long _due;
    private bool _running;

    private ProgressReporter(Action<SolveProgress> callback, TimeSpan interval, SolverMethod method, string unit, Func<(long Done, long? Total)> read)
    {
        _callback = callback;
        _method = method;
        _unit = unit;
        _read = read;
        // Clamped, so that a huge interval (TimeSpan.MaxValue: "never") neither overflows nor wraps to a tiny one.
        double ticks = interval.TotalSeconds * Stopwatch.Frequency;
        _intervalTicks = ticks >= MaxIntervalTicks ? MaxIntervalTicks : Math.Max(1, (long)ticks);
        _due = Stopwatch.GetTimestamp() + _intervalTicks;
    }

    /// <summary>A running reporter for <paramref name="options"/>, or null when no progress is asked for.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A callback is given and the interval is not positive.</exception>
    public static ProgressReporter? Start(SolveOptions options, SolverMethod method, string unit, Func<(long Done, long? Total)> read)
    {
        if (options.Progress is not { } callback)
        {
            return null;
        }

        Validate(options);
        var reporter = new ProgressReporter(callback, options.ProgressInterval, method, unit, read);
        lock (Gate)
        {
            Active.Add(reporter);
            if (!s_threadStarted)
            {
                s_threadStarted = true;
                new Thread(Loop) { IsBackground = true, Name = "NashFast progress" }.Start();
            }

            // Waking the thread costs the solving thread about 10 µs (measured: a 4×4 game with payoffs 0..3 took
            // 17 µs instead of 8 when every solve woke it), so only when it would otherwise look too late.
            if (reporter._due < s_wakeAt)
            {
                Monitor.PulseAll(Gate);
            }
        }

        return reporter;
    }

    /// <summary>Throws when a progress callback is given with an interval that is not positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive.</exception>
    public static void Validate(SolveOptions options)
    {
        if (options.Progress is not null && options.ProgressInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ProgressInterval, "SolveOptions.ProgressInterval must be positive.");
        }
    }

    /// <summary>Stops the reports, waits for a call in progress, and rethrows the callback's exception, if any.</summary>
    public void Finish()
    {
        Dispose();
        _failure?.Throw();
    }

    /// <summary>Stops the reports and waits for a call in progress (no exception: see <see cref="Finish"/>).</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            Active.Remove(this);
            s_lastActive = Stopwatch.GetTimestamp();
            while (_running)
            {
                Monitor.Wait(Gate);
            }
        }
    }

    private static void Loop()
    {
        while (true)
        {
            ProgressReporter? due = null;
            lock (Gate)
            {
                long now = Stopwatch.GetTimestamp(), next = long.MaxValue;
                foreach (ProgressReporter reporter in Active)
                {
                    if (reporter._due <= now)
                    {
                        due = reporter;
                        break;
                    }

                    next = Math.Min(next, reporter._due);
                }

                if (due is null)
                {
                    // Nothing due: sleep until the earliest due time (at least a millisecond). With no reporter, keep
                    // looking every Poll for a while (so that the solves of a loop need not wake the thread: see
                    // Start), then sleep until a reporter comes.
                    long wakeAt = next != long.MaxValue ? next
                        : now - s_lastActive < LingerTicks ? now + (long)(Poll.TotalSeconds * Stopwatch.Frequency)
                        : long.MaxValue;
                    s_wakeAt = wakeAt;
                    if (wakeAt == long.MaxValue)
                    {
                        Monitor.Wait(Gate);
                    }
                    else
                    {
                        double ms = Math.Ceiling((wakeAt - now) * 1000.0 / Stopwatch.Frequency);
                        Monitor.Wait(Gate, (int)Math.Clamp(ms, 1, int.MaxValue));
                    }

                    s_wakeAt = long.MinValue;
                    continue;
                }

                due._due = now + due._intervalTicks;
                due._running = true;
            }

            due.Report();
            lock (Gate)
            {
                due._running = false;
                Monitor.PulseAll(Gate); // a Dispose waiting for this call
            }
        }
    }

    private void Report()
    {
        try
        {
            (long done, long? total) = _read();
            _callback(new SolveProgress(_method, _clock.Elapsed, done, total, _unit));
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            lock (Gate)
            {
                Active.Remove(this); // no more reports after a failure
            }
        }
    }
}
