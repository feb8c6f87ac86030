using System.Diagnostics;
using NashFast.Internal.Threading;

namespace NashFast.Enumeration;

/// <summary>
/// Pairing and exact vertices overlapped with the slower search, when the two polytopes are searched on two threads:
/// the thread that finishes first follows the other search's vertices as they are found, and the other helps with the
/// exact vertices once its search is done.
/// </summary>
/// <remarks>
/// <para>The two searches rarely take the same time (the polytopes of a random game often differ 1.5–2× in vertex
/// count), and after both the caller used to pair the vertices and compute the equilibria's exact vertices alone. The
/// exact vertices are the expensive part: a fraction-free solve in integers of hundreds of bits, tens of microseconds
/// per vertex, so that a 12×12 game with 61 equilibria spent about as long on them as on one search.</para>
/// <para>Here the thread that finishes first, if the other search runs on another thread and in floating point,
/// indexes its own (complete) set by the label set a partner must have and reads the other set as it grows
/// (<see cref="VertexSet.Published"/>): each new vertex is paired with one lookup, and between looks it normalises
/// the pairs' vertices one at a time. The other thread, when its search is done, takes vertices to normalise from the
/// same list until the pairing is over and none is left. When the slower search ends, what remains is the vertices
/// published since the last look and the vertices not yet normalised, shared by both threads.</para>
/// <para>The pairing is <see cref="VertexMatching"/>'s for nondegenerate sets: x pairs with y exactly when y's label
/// set is the complement of x's, and the pairs, sorted by P's vertex, come in the order it gives. The result is used
/// only when both searches completed in floating point (so both polytopes are nondegenerate) without cancellation,
/// and the followed set is the other side's final set, read to its end; otherwise (a search gave up and the exact
/// tiers took over, a cancellation, or no second thread at all) the caller pairs and assembles as before. Either way
/// the answer is the same.</para>
/// </remarks>
internal sealed class VertexMatchStream
{
    /// <summary>How long a follower or helper only spins when it has nothing to do, before it may block (see Idle).</summary>
    public static readonly TimeSpan SpinFor = AwakeHelpers.AwakeFor;

    private static readonly long SpinTicks = (long)(SpinFor.TotalSeconds * Stopwatch.Frequency);

    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Finished = 2;

    private readonly ulong _all;
    private readonly bool[] _streams;
    private readonly bool _overlap;
    private readonly VertexSet?[] _streaming = new VertexSet?[2];
    private readonly int[] _state = new int[2];
    private int _finished;
    private int _matcher = -1;
    private VertexSet? _followed;
    private int _followedCount;

    // Shared with the other thread once it has finished its search and helps (see Help), under _gate: the pairs found
    // so far, how many normalisation tasks were taken (task t normalises pair t / 2's row vertex when t is even, its
    // column vertex when odd), whether the pairing is over, and the results.
    private readonly object _gate = new();
    private readonly List<(int X, int Y)> _pairs = [];
    private readonly Dictionary<int, VertexEnumeration.NormalisedVertex> _rows = [];
    private readonly Dictionary<int, VertexEnumeration.NormalisedVertex> _columns = [];
    private VertexSet? _p;
    private VertexSet? _q;
    private int _tasksTaken;
    private bool _pairingDone;

    /// <param name="labelCount">m + n.</param>
    /// <param name="pStreams">Whether P's search starts in floating point (only that search publishes its set).</param>
    /// <param name="qStreams">The same for Q.</param>
    /// <param name="overlap">
    /// Tests, with Q on a thread of its own: P's search starts only once Q's has, so the two always overlap and the
    /// first to finish always follows the other.
    /// </param>
    public VertexMatchStream(int labelCount, bool pStreams, bool qStreams, bool overlap = false)
    {
        _all = labelCount == 64 ? ulong.MaxValue : (1UL << labelCount) - 1;
        _streams = [pStreams, qStreams];
        _overlap = overlap;
    }

    /// <summary>Whether the vertices are normalised to reduced rationals (see <see cref="VertexEnumeration.Normalise"/>).</summary>
    public bool Reduce { get; init; } = true;

    /// <summary>
    /// Runs the search of <paramref name="side"/> (0 = P, 1 = Q), giving it the callback that publishes its set; then,
    /// if this side finished first, follows the other (see the remarks), or if it finished second, helps the
    /// follower normalise the pairs' vertices.
    /// </summary>
    public VertexSet? Run(int side, Func<Action<VertexSet?>?, VertexSet?> search)
    {
        Volatile.Write(ref _state[side], Running);
        if (_overlap && side == 0)
        {
            var wait = default(SpinWait);
            while (Volatile.Read(ref _state[1]) == NotStarted)
            {
                wait.SpinOnce(sleep1Threshold: -1);
            }
        }

        VertexSet? own = null;
        try
        {
            own = search(_streams[side] ? set => Volatile.Write(ref _streaming[side], set) : null);
        }
        finally
        {
            Volatile.Write(ref _state[side], Finished); // also after an exception: a follower must not wait forever
            lock (_gate)
            {
                Monitor.PulseAll(_gate); // a follower blocked in Idle
            }
        }

        // The first to finish follows the other, provided the other runs on another thread: Q (side 1) runs on a
        // second thread or after P on the caller, and in the latter case P has finished first; P runs on the caller,
        // always, so Q may follow it even before it has started. The second to finish helps a follower, if there is
        // one yet (else it simply returns).
        int other = 1 - side;
        if (Interlocked.Increment(ref _finished) == 1)
        {
            if (own is { Tier: VertexTier.Float, Degenerate: false, Truncated: false } && _streams[other]
                && (side == 1 || Volatile.Read(ref _state[1]) != NotStarted))
            {
                Volatile.Write(ref _matcher, side);
                Follow(side, own);
            }
        }
        else if (Volatile.Read(ref _matcher) >= 0)
        {
            Help();
        }

        return own;
    }

    /// <summary>
    /// The pairs (sorted by P's vertex) and their normalised vertices by id, when the stream covered the final sets
    /// <paramref name="p"/> and <paramref name="q"/> completely (call after both <see cref="Run"/>s returned).
    /// </summary>
    public bool TryResult(
        VertexSet p,
        VertexSet q,
        out List<(int X, int Y)> pairs,
        out Dictionary<int, VertexEnumeration.NormalisedVertex> rows,
        out Dictionary<int, VertexEnumeration.NormalisedVertex> columns)
    {
        pairs = _pairs;
        rows = _rows;
        columns = _columns;
        if (_matcher < 0 || p.Degenerate || q.Degenerate || p.Truncated || q.Truncated)
        {
            return false;
        }

        VertexSet followedFinal = _matcher == 0 ? q : p;
        if (!ReferenceEquals(_followed, followedFinal) || _followedCount != followedFinal.Count)
        {
            return false;
        }

        pairs.Sort((a, b) => a.X.CompareTo(b.X));
        return true;
    }

    private void Follow(int side, VertexSet own)
    {
        int other = 1 - side;

        // Own vertex by the label set its partner must have: the complement of its own.
        using var partners = new VertexLabelIndex(own.Count);
        for (int u = 0; u < own.Count; u++)
        {
            if (!own.IsZero(u))
            {
                partners.Set(_all & ~own.Labels(u), u);
            }
        }

        VertexSet? followed = null;
        int next = 0;
        var spin = default(SpinWait);
        long spinUntil = Stopwatch.GetTimestamp() + SpinTicks;
        try
        {
            while (true)
            {
                // The state first: once it says finished, the set and its count read after it are final.
                bool finished = Volatile.Read(ref _state[other]) == Finished;
                VertexSet? set = Volatile.Read(ref _streaming[other]);
                if (set is null || (followed is not null && !ReferenceEquals(set, followed)))
                {
                    if (followed is not null || finished)
                    {
                        break; // withdrawn (the search gave up), or it never published a set
                    }

                    Idle(ref spin, other, spinUntil);
                    continue;
                }

                if (followed is null)
                {
                    followed = set;
                    lock (_gate)
                    {
                        (_p, _q) = side == 0 ? (own, set) : (set, own);
                    }
                }

                // Pair what was published since the last look, then normalise one vertex, and look again.
                int count = set.Published;
                if (count > next)
                {
                    while (next < count)
                    {
                        ReadOnlySpan<ulong> labels = set.Run(next, count, out ReadOnlySpan<bool> zeros);
                        for (int k = 0; k < labels.Length; k++, next++)
                        {
                            if (!zeros[k] && partners.TryGet(labels[k], out int u))
                            {
                                lock (_gate)
                                {
                                    _pairs.Add(side == 0 ? (u, next) : (next, u));
                                    Monitor.PulseAll(_gate); // a helper blocked in Idle
                                }
                            }
                        }
                    }

                    spin = default;
                }
                else if (!RunOneTask())
                {
                    if (finished)
                    {
                        break;
                    }

                    Idle(ref spin, other, spinUntil);
                }
            }
        }
        finally
        {
            _followed = followed;
            _followedCount = next;
            lock (_gate)
            {
                _pairingDone = true;
                Monitor.PulseAll(_gate);
            }
        }

        while (RunOneTask())
        {
        }
    }

    /// <summary>The second thread, its search done: normalises pairs' vertices until the pairing is over and none is left.</summary>
    private void Help()
    {
        var spin = default(SpinWait);
        long spinUntil = Stopwatch.GetTimestamp() + SpinTicks;
        while (true)
        {
            if (RunOneTask())
            {
                spin = default;
                continue;
            }

            lock (_gate)
            {
                if (_pairingDone && _tasksTaken == 2 * _pairs.Count)
                {
                    return;
                }
            }

            Idle(ref spin, -1, spinUntil);
        }
    }

    /// <summary>
    /// Waits for something to do. For the first <see cref="SpinFor"/> of a follow or a help (from
    /// <paramref name="spinUntil"/>) it only spins; after that it spins while the wait is short, then blocks on the gate
    /// for at most a millisecond at a time, so that following a long search does not keep a core busy. It blocks while
    /// there is still nothing to do (checked under the gate: the search of <paramref name="awaitedSide"/> is not
    /// finished, or for the helper (−1) the pairing is not over and no task waits; the other thread pulses the gate
    /// when it finishes its search, adds a pair or ends the pairing).
    /// </summary>
    /// <remarks>
    /// Why spin first: the followed search publishes its vertices 64 at a time (tens of microseconds apart at
    /// 10×10), so a follower that blocked as soon as a short spin found nothing slept through the whole search, woken
    /// only by its end, and then paired and normalised everything after it while the other thread waited: 130–180 µs
    /// of a 10×10 solve on both cores went by between the slower search's end and the result, 37 µs when spinning.
    /// Measured interleaved in one process against blocking (uniform payoffs, both cores): 0.84 of the time at 8×8
    /// (doubles only), 0.89–0.92 at 8×8 to 10×10 with the exact rationals, 0.87 at 10×10 doubles only, 0.99–1.00 at
    /// 12×12 and 14×14. The spin is bounded as the helpers' own stay-awake time is (<see cref="AwakeHelpers.AwakeFor"/>):
    /// a budget of 50 ms measured no better at 12×12 and 14×14.
    /// </remarks>
    private void Idle(ref SpinWait spin, int awaitedSide, long spinUntil)
    {
        if (Stopwatch.GetTimestamp() < spinUntil)
        {
            Thread.SpinWait(20);
            return;
        }

        if (!spin.NextSpinWillYield)
        {
            spin.SpinOnce(sleep1Threshold: -1);
            return;
        }

        lock (_gate)
        {
            bool nothing = awaitedSide >= 0 ? Volatile.Read(ref _state[awaitedSide]) != Finished : !_pairingDone && _tasksTaken == 2 * _pairs.Count;
            if (nothing)
            {
                Monitor.Wait(_gate, 1);
            }
        }

        spin.Reset();
    }

    /// <summary>Takes and runs one normalisation task; false when none is waiting.</summary>
    private bool RunOneTask()
    {
        VertexSet set;
        int id;
        bool row;
        lock (_gate)
        {
            if (_tasksTaken == 2 * _pairs.Count)
            {
                return false;
            }

            int t = _tasksTaken++;
            (int x, int y) = _pairs[t >> 1];
            row = (t & 1) == 0;
            (set, id) = row ? (_p!, x) : (_q!, y);
        }

        VertexEnumeration.NormalisedVertex vertex = VertexEnumeration.Normalise(set, id, Reduce);
        lock (_gate)
        {
            (row ? _rows : _columns).TryAdd(id, vertex);
        }

        return true;
    }
}
