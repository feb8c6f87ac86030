using System.Numerics;
using System.Runtime.ExceptionServices;
using NashFast.Games;
using NashFast.Internal.Threading;

namespace NashFast.Enumeration;

/// <summary>
/// Vertex enumeration: every extreme Nash equilibrium of a bimatrix game, degenerate or not, in exact integer
/// arithmetic (lrsnash's and Gambit <c>enummixed</c>'s answer), optionally with the maximal Nash subsets.
/// </summary>
/// <remarks>
/// Both best-response polytopes (see <see cref="Reference.ReferenceSolver"/> for their definition) are enumerated
/// exactly by a lexicographic depth-first search over feasible bases with fraction-free integer pivoting (64-bit, fixed-width
/// multi-limb or <see cref="BigInteger"/>, chosen from a bound on the pivots and widened after a detected overflow); their vertices are then
/// paired by labels. The result equals the reference solver's: the same extreme equilibria, exactly, and the same
/// degenerate flag. With <see cref="SolveOptions.MaxDegreeOfParallelism"/> ≥ 2 and both players having at least
/// seven strategies, the second polytope is offered to a helper thread (<see cref="AwakeHelpers"/>; the caller runs
/// it itself if no helper has started it by the time the first is done); the thread that finishes first then pairs the other's
/// vertices as they are found and both compute the pairs' exact vertices (<see cref="VertexMatchStream"/>), and
/// degenerate matching runs over chunks in parallel;
/// smaller games run on the caller alone (a hand-off costs about as much as their searches). The output is sorted by
/// <see cref="EquilibriumOrder"/> and identical for every thread count.
/// </remarks>
public static class VertexEnumeration
{
    /// <summary>The largest m + n accepted (label and basis sets are 64-bit masks).</summary>
    public const int MaxStrategies = 64;

    /// <summary>Solves a floating-point game exactly (every double is converted to the rational it denotes).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="game"/> is null.</exception>
    /// <exception cref="ArgumentException">m + n exceeds <see cref="MaxStrategies"/>, or an option is out of range.</exception>
    public static SolveResult Solve(BimatrixGame game, SolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        ValidateShape(game.Rows, game.Columns, nameof(game));
        return SolveWith(VertexPolytopes.BuildScaled(game), options, VertexTier.Auto)!;
    }

    /// <summary>
    /// All extreme equilibria of an exact game, sorted by <see cref="EquilibriumOrder"/>, with exact strategies and
    /// payoffs in <see cref="SolveResult.ExactEquilibria"/> and, when <see cref="SolveOptions.Components"/> is set,
    /// the maximal Nash subsets in <see cref="SolveResult.Components"/>.
    /// </summary>
    /// <remarks>
    /// Cancellation (<see cref="SolveOptions.CancellationToken"/>) and <see cref="SolveOptions.MaxEquilibria"/> do not
    /// throw: the equilibria found so far are returned with <see cref="SolveResult.Complete"/> false. After a
    /// cancellation <see cref="SolveResult.Degenerate"/> is true only if degeneracy was already seen.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="game"/> is null.</exception>
    /// <exception cref="ArgumentException">m + n exceeds <see cref="MaxStrategies"/>, or an option is out of range.</exception>
    public static SolveResult Solve(ExactBimatrixGame game, SolveOptions? options = null) => Solve(game, options, VertexTier.Auto);

    /// <summary>As <see cref="Solve(ExactBimatrixGame, SolveOptions?)"/>, starting both searches at <paramref name="tier"/> (tests).</summary>
    internal static SolveResult Solve(ExactBimatrixGame game, SolveOptions? options, VertexTier tier)
    {
        if (tier == VertexTier.Float)
        {
            throw new ArgumentException("Use SolveFloatOnly for the floating-point search alone.", nameof(tier));
        }

        return SolveWith(game, options, tier)!;
    }

    /// <summary>
    /// Both polytopes by the certified floating-point search alone (<see cref="VertexTier.Float"/>); null when it gave
    /// up on either (tests: the result, when there is one, must equal the exact tiers').
    /// </summary>
    internal static SolveResult? SolveFloatOnly(ExactBimatrixGame game, SolveOptions? options) => SolveWith(game, options, VertexTier.Float);

    private static SolveResult? SolveWith(ExactBimatrixGame game, SolveOptions? options, VertexTier tier)
    {
        ArgumentNullException.ThrowIfNull(game);
        ValidateShape(game.Rows, game.Columns, nameof(game));
        return SolveWith(VertexPolytopes.BuildScaled(game), options, tier);
    }

    private static void ValidateShape(int m, int n, string parameter)
    {
        if (m + n > MaxStrategies)
        {
            throw new ArgumentException($"Vertex enumeration takes games with m + n <= {MaxStrategies}; this game is {m}x{n}.", parameter);
        }
    }

    /// <summary>
    /// As <see cref="Solve(BimatrixGame, SolveOptions?)"/>, with Q's search on a new thread of its own whenever two
    /// threads are used (so the searches always overlap, which the thread pool of a test host rarely allows), telling
    /// whether the pairs came from <see cref="VertexMatchStream"/> (tests).
    /// </summary>
    internal static SolveResult SolveOnDedicatedThreads(BimatrixGame game, SolveOptions options, out bool streamed)
    {
        ValidateShape(game.Rows, game.Columns, nameof(game));
        return SolveWith(VertexPolytopes.BuildScaled(game), options, VertexTier.Auto, dedicatedSecondThread: true, out streamed)!;
    }

    private static SolveResult? SolveWith(VertexConstraints game, SolveOptions? options, VertexTier tier) =>
        SolveWith(game, options, tier, dedicatedSecondThread: false, out _);

    /// <summary>
    /// The search, matching and result on the game's integral constraint matrices; the payoffs are recovered from them
    /// (<see cref="VertexConstraints"/>), so a double game is never converted to rationals entry by entry.
    /// </summary>
    private static SolveResult? SolveWith(VertexConstraints game, SolveOptions? options, VertexTier tier, bool dedicatedSecondThread, out bool streamed)
    {
        streamed = false;
        options ??= SolveOptions.Default;
        int m = game.Rows, n = game.Columns;

        if (options.MaxEquilibria < 1)
        {
            throw new ArgumentException($"SolveOptions.MaxEquilibria must be positive; got {options.MaxEquilibria}.", nameof(options));
        }

        if (options.MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentException($"SolveOptions.MaxDegreeOfParallelism must be -1, 0 (all cores) or positive; got {options.MaxDegreeOfParallelism}.", nameof(options));
        }

        CancellationToken token = options.CancellationToken;
        int parallelism = options.EffectiveParallelism;
        BigInteger[] cp = game.P, cq = game.Q;

        // Progress: each search tells its slot its vertex count every 64 vertices; the reporter reads both.
        VertexSearchProgress? pProgress = null, qProgress = null;
        using ProgressReporter? reporter = options.Progress is null ? null : StartProgress(options, pProgress = new(), qProgress = new());

        // P: k = n rows, dimension m, labels already global. Q: k = m rows, dimension n, labels rotated by m.
        VertexSet? p, q;
        VertexMatchStream? stream = null;
        if (parallelism > 1 && SearchWorthASecondThread(m, n))
        {
            stream = new VertexMatchStream(m + n, VertexTiers.TriesFloat(cp, n, m, tier), VertexTiers.TriesFloat(cq, m, n, tier), overlap: dedicatedSecondThread)
            {
                Reduce = WantsExact(options),
            };
            (p, q) = OnTwoThreads(
                () => stream.Run(0, publish => VertexTiers.Enumerate(cp, n, m, 0, tier, token, publish, pProgress)),
                () => stream.Run(1, publish => VertexTiers.Enumerate(cq, m, n, m, tier, token, publish, qProgress)),
                dedicatedSecondThread);
        }
        else
        {
            p = VertexTiers.Enumerate(cp, n, m, 0, tier, token, progress: pProgress);
            q = VertexTiers.Enumerate(cq, m, n, m, tier, token, progress: qProgress);
        }

        if (p is null || q is null)
        {
            return null; // only VertexTier.Float gives up
        }

        // Paired (and the pairs' vertices normalised) during the slower search when it could be; else here.
        List<(int X, int Y)> pairs;
        Dictionary<int, NormalisedVertex>? rows = null, columns = null;
        bool matchCancelled = false;
        if (stream is null || !stream.TryResult(p, q, out pairs, out rows, out columns))
        {
            rows = columns = null;
            pairs = VertexMatching.Match(p, q, m + n, parallelism, token, out matchCancelled);
        }
        else
        {
            streamed = true;
        }

        string? reason = p.Truncated || q.Truncated || matchCancelled ? "cancelled" : null;
        if (pairs.Count > options.MaxEquilibria)
        {
            pairs.RemoveRange(options.MaxEquilibria, pairs.Count - options.MaxEquilibria);
            reason ??= "stopped at the maximum number of equilibria";
        }

        SolveResult result = Assemble(game, p, q, pairs, options, reason, rows, columns);
        reporter?.Finish();

        // Nothing reads the sets any more (both searches and the stream are done): their storage serves the next solve.
        p.Release();
        q.Release();
        return result;
    }

    /// <summary>
    /// The result from the matched pairs: exact probabilities and payoffs, doubles, the order, the components.
    /// </summary>
    /// <remarks>
    /// <paramref name="rows"/> and <paramref name="columns"/>, when given, hold the normalised vertices of every pair
    /// already (computed while a search was still running, see <see cref="VertexMatchStream"/>).
    /// </remarks>
    internal static SolveResult Assemble(
        VertexConstraints game,
        VertexSet p,
        VertexSet q,
        List<(int X, int Y)> pairs,
        SolveOptions options,
        string? reason,
        Dictionary<int, NormalisedVertex>? rows = null,
        Dictionary<int, NormalisedVertex>? columns = null)
    {
        int m = game.Rows, n = game.Columns;
        BigInteger[] cp = game.P, cq = game.Q;
        bool exact = WantsExact(options);

        // Normalised vertices, computed once each (a vertex may be part of many equilibria), with their doubles: the
        // output needs both, and the doubles also order the equilibria without most exact comparisons (see Compare).
        // Unless the stream computed them, on this thread: a second hand-off here (before the stream) measured no gain
        // (8×8 to 12×12, uniform and 0..3 payoffs) and a loss when the machine is busy.
        if (rows is null || columns is null)
        {
            rows = [];
            columns = [];
            foreach ((int x, int y) in pairs)
            {
                if (!rows.ContainsKey(x))
                {
                    rows[x] = Normalise(p, x, exact);
                }

                if (!columns.ContainsKey(y))
                {
                    columns[y] = Normalise(q, y, exact);
                }
            }
        }

        Dictionary<int, NormalisedVertex> rowsById = rows, columnsById = columns;
        Rational[] RowVertex(int x) => rowsById[x].Probabilities;
        Rational[] ColumnVertex(int y) => columnsById[y].Probabilities;

        var found = new FoundEquilibrium[pairs.Count];
        void Build(int k)
        {
            (int x, int y) = pairs[k];
            NormalisedVertex row = rowsById[x];
            NormalisedVertex col = columnsById[y];
            var e = new ExactEquilibrium(
                row.Probabilities,
                col.Probabilities,
                Payoff(cq, n, row, col, game.ScaleA, game.OffsetA, exact),
                Payoff(cp, m, col, row, game.ScaleB, game.OffsetB, exact));
            var d = new Equilibrium((double[])row.Doubles.Clone(), (double[])col.Doubles.Clone(), e.RowPayoff.ToDouble(), e.ColumnPayoff.ToDouble());
            found[k] = new FoundEquilibrium(e, d, x, y);
        }

        // The payoffs (an integer dot product and a reduced rational each, hundreds of bits when both searches ran in
        // floating point) are what is left after the searches; with two threads for a game worth them, the helper
        // that searched Q is still awake and takes half. Measured interleaved on the benchmark's uniform games: 0.96–0.97
        // of the time at 8–12 on two threads; with payoffs 0..3 (64-bit entries) sharing them cost more than it saved.
        if (options.EffectiveParallelism > 1 && SearchWorthASecondThread(m, n) && pairs.Count >= MinPairsForTwoThreads
            && p.Tier == VertexTier.Float && q.Tier == VertexTier.Float)
        {
            int next = -1;
            AwakeHelpers.Run(2, _ =>
            {
                int k;
                while ((k = Interlocked.Increment(ref next)) < found.Length)
                {
                    Build(k);
                }
            });
        }
        else
        {
            for (int k = 0; k < found.Length; k++)
            {
                Build(k);
            }
        }

        if (options.OnEquilibrium is { } onEquilibrium)
        {
            foreach (FoundEquilibrium f in found)
            {
                Equilibrium d = f.Double;
                onEquilibrium(d with { Row = (double[])d.Row.Clone(), Column = (double[])d.Column.Clone() });
            }
        }

        Array.Sort(found, FoundEquilibrium.Compare);
        var exactList = new ExactEquilibrium[found.Length];
        var doubles = new Equilibrium[found.Length];
        var sortedPairs = new (int X, int Y)[found.Length];
        for (int k = 0; k < found.Length; k++)
        {
            exactList[k] = found[k].Exact;
            doubles[k] = found[k].Double;
            sortedPairs[k] = (found[k].X, found[k].Y);
        }

        return new SolveResult(SolverMethod.VertexEnumeration, p.Degenerate || q.Degenerate, reason is null, doubles, reason)
        {
            ExactEquilibria = exact ? exactList : null,
            Components = options.Components ? VertexComponents.Find(sortedPairs, RowVertex, ColumnVertex) : null,
        };
    }

    /// <summary>Reports the two searches' vertex counts together (a method of its own, so that a solve without progress allocates no closure).</summary>
    private static ProgressReporter? StartProgress(SolveOptions options, VertexSearchProgress p, VertexSearchProgress q) =>
        ProgressReporter.Start(options, SolverMethod.VertexEnumeration, "vertices", () => (p.Found + q.Found, null));

    /// <summary>Whether the result carries the exact equilibria: asked for, or needed by the components (built from them).</summary>
    private static bool WantsExact(SolveOptions options) => options.ExactResults || options.Components;

    /// <summary>The fewest equilibria whose payoffs <see cref="Assemble"/> shares with a helper thread.</summary>
    private const int MinPairsForTwoThreads = 4;

    /// <summary>
    /// The smallest min(m, n) for which Q's search is offered to a second thread. Below it a search takes tens of
    /// microseconds or less, about what handing Q to a pool thread cost the caller (queueing and waking a worker, a
    /// wait and a wake-up at the end; 19–35 µs from queueing to start on the 2-core VM), so the caller runs both
    /// searches itself. Measured before this rule (BenchmarkDotNet, 2 games of payoffs 0..3): 4×4 took 11.8 µs on one
    /// thread and 20.4 µs on two, 6×6 42 and 47 µs; 8×8 571 and 263 µs, and 8×8 uniform doubles 860 and 583 µs.
    /// </summary>
    internal const int MinDimensionForParallelSearch = 7;

    /// <summary>Whether the searches are long enough to be split over two threads (see <see cref="MinDimensionForParallelSearch"/>).</summary>
    internal static bool SearchWorthASecondThread(int m, int n) => Math.Min(m, n) >= MinDimensionForParallelSearch;

    /// <summary>
    /// Runs <paramref name="first"/> on this thread and offers <paramref name="second"/> to a helper thread that stays
    /// awake between solves (<see cref="AwakeHelpers"/>); whoever gets to <paramref name="second"/> first runs it: if
    /// the helper has not taken it by the time <paramref name="first"/> is done (no free helper, or work too small to
    /// outlast the hand-off), this thread runs it itself. A dedicated thread per call cost about a millisecond, more
    /// than a small game's search (tests still ask for one with <paramref name="dedicatedSecondThread"/>, so that the
    /// two always run at once).
    /// </summary>
    /// <remarks>
    /// The thread pool, used before, had often gone to sleep by the next solve of a loop: measured over 1 700 solves
    /// of the benchmark's 12×12 games on two threads, a pool thread took Q's search a mean 320–380 µs after it was
    /// queued (the idle virtual CPU is halted, and waking it goes through the host); at 10×10, 7–32 µs, but in 2–11 %
    /// of the solves it came too late and the caller ran both searches alone.
    /// </remarks>
    private static (T1 First, T2 Second) OnTwoThreads<T1, T2>(Func<T1> first, Func<T2> second, bool dedicatedSecondThread = false)
    {
        if (!dedicatedSecondThread)
        {
            T1? firstResult = default;
            T2? secondResult = default;
            AwakeHelpers.Run(2, i =>
            {
                if (i == 0)
                {
                    firstResult = first();
                }
                else
                {
                    secondResult = second();
                }
            });
            return (firstResult!, secondResult!);
        }

        int claimed = 0;
        T2? pooled = default;
        ExceptionDispatchInfo? failure = null;
        using var done = new ManualResetEventSlim(false);
        Action<object?> offer = _ =>
        {
            if (Interlocked.Exchange(ref claimed, 1) != 0)
            {
                return;
            }

            try
            {
                pooled = second();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                done.Set();
            }
        };
        new Thread(() => offer(null)) { IsBackground = true }.Start();

        T1 a = first();
        if (Interlocked.Exchange(ref claimed, 1) == 0)
        {
            return (a, second());
        }

        done.Wait(CancellationToken.None);
        failure?.Throw();
        return (a, pooled!);
    }

    /// <summary>Vertex <paramref name="id"/> of <paramref name="set"/>, normalised (safe on any thread: see <see cref="VertexSet.Published"/>).</summary>
    /// <remarks>
    /// With <paramref name="reduce"/> false (doubles only, see <see cref="SolveOptions.ExactResults"/>) the
    /// probabilities are left unreduced (<see cref="Rational.Unreduced"/>): they are only compared and converted to
    /// double, which give the same answers for any representation of a value, and the gcds were most of the work.
    /// </remarks>
    internal static NormalisedVertex Normalise(VertexSet set, int id, bool reduce = true)
    {
        BigInteger[] numerators = set.Coordinates(id);
        BigInteger sum = VertexLimbSums.Sum(numerators);
        Rational[] probabilities = reduce ? Probabilities(numerators, sum) : UnreducedProbabilities(numerators, sum);
        var doubles = new double[probabilities.Length];
        for (int i = 0; i < doubles.Length; i++)
        {
            doubles[i] = probabilities[i].ToDouble();
        }

        return new NormalisedVertex(numerators, sum, probabilities, doubles);
    }

    /// <summary>
    /// A vertex's coordinate numerators (over any common denominator, as <see cref="VertexSet.Coordinates"/> and the
    /// Lemke–Howson path give them) scaled to sum 1: the mixed strategy, exactly.
    /// </summary>
    internal static Rational[] Probabilities(BigInteger[] numerators) => Probabilities(numerators, VertexLimbSums.Sum(numerators));

    /// <summary>The probabilities t_i / sum, unreduced (for comparisons and doubles only).</summary>
    private static Rational[] UnreducedProbabilities(BigInteger[] numerators, BigInteger sum)
    {
        var result = new Rational[numerators.Length];
        for (int i = 0; i < numerators.Length; i++)
        {
            BigInteger t = numerators[i];
            result[i] = t.IsZero ? Rational.Zero : t == sum ? Rational.One : Rational.Unreduced(t, sum);
        }

        return result;
    }

    private static Rational[] Probabilities(BigInteger[] numerators, BigInteger sum)
    {
        // Zero and one skip the gcd (a vertex has as many zero coordinates as unplayed strategies), and a coordinate
        // already in lowest terms (usually) shares sum − 1 with the others; the values are the ones the reducing
        // constructor gives, with a third of the allocations.
        var result = new Rational[numerators.Length];
        bool positive = sum.Sign > 0; // else numerators over a negative denominator: the reducing constructor flips them
        BigInteger? sumMinusOne = null; // only when some coordinate is a proper fraction (not at a pure strategy)
        for (int i = 0; i < numerators.Length; i++)
        {
            BigInteger t = numerators[i];
            if (t.IsZero || t == sum)
            {
                result[i] = t.IsZero ? Rational.Zero : Rational.One;
                continue;
            }

            if (!positive)
            {
                result[i] = new Rational(t, sum);
                continue;
            }

            BigInteger g = BigInteger.GreatestCommonDivisor(t, sum);
            result[i] = g.IsOne ? Rational.FromLowestTerms(t, sumMinusOne ??= sum - BigInteger.One)
                : Rational.FromLowestTerms(t / g, (sum / g) - BigInteger.One);
        }

        return result;
    }

    /// <summary>
    /// The payoff of the player whose polytope's partner is <paramref name="other"/>: own strategy i is in the support of
    /// <paramref name="own"/>, hence a best response to the other's strategy, so the payoff is row i of the payoff matrix
    /// times the other's strategy. With <paramref name="constraints"/> (k × d, row i = (M − min + 1)·scale at row i) and
    /// the other's numerators t over their sum S this is <c>(C t)_i / (scale · S) + offset</c>: one integer dot product
    /// and one reduction, where the rational game would take d rational products and sums. The offset
    /// <c>a / b</c> is added before that one reduction: <c>(b · dot + a · scale · S) / (b · scale · S)</c>.
    /// </summary>
    private static Rational Payoff(BigInteger[] constraints, int d, NormalisedVertex own, NormalisedVertex other, BigInteger scale, Rational offset, bool reduce)
    {
        int i = 0;
        while (own.Numerators[i].IsZero)
        {
            i++;
        }

        BigInteger dot = VertexLimbSums.Dot(constraints.AsSpan(i * d, d), other.Numerators);
        BigInteger denominator = scale.IsOne ? other.Sum : scale * other.Sum;
        if (offset.IsInteger)
        {
            // offset · denominator without a product for the usual offsets (min − 1 of payoffs from 0 or 1).
            BigInteger shift = offset.Numerator.IsZero ? BigInteger.Zero
                : offset.Numerator.IsOne ? denominator
                : offset.Numerator == BigInteger.MinusOne ? -denominator
                : offset.Numerator * denominator;
            return reduce ? new Rational(dot + shift, denominator) : Rational.Unreduced(dot + shift, denominator);
        }

        BigInteger offsetDenominator = offset.Denominator;
        BigInteger numerator = (dot * offsetDenominator) + (offset.Numerator * denominator);
        return reduce ? new Rational(numerator, denominator * offsetDenominator) : Rational.Unreduced(numerator, denominator * offsetDenominator);
    }

    /// <summary>A vertex's coordinate numerators, their sum, the mixed strategy they normalise to and its doubles.</summary>
    internal sealed record NormalisedVertex(BigInteger[] Numerators, BigInteger Sum, Rational[] Probabilities, double[] Doubles);

    /// <summary>An equilibrium exactly and in doubles, with its vertex ids.</summary>
    internal sealed record FoundEquilibrium(ExactEquilibrium Exact, Equilibrium Double, int X, int Y)
    {
        /// <summary>
        /// <see cref="EquilibriumOrder"/> on the exact equilibria, deciding by the doubles where they differ: the
        /// conversion rounds correctly, hence is monotone, so at each position differing doubles order the exact values
        /// the same way, and equal doubles (usually equal values: zeros, shared vertices) fall back to the exact
        /// comparison at that position.
        /// </summary>
        public static int Compare(FoundEquilibrium? a, FoundEquilibrium? b)
        {
            if (ReferenceEquals(a, b))
            {
                return 0;
            }

            if (a is null || b is null)
            {
                return a is null ? -1 : 1;
            }

            int c = CompareDescending(a.Double.Row, b.Double.Row, a.Exact.Row, b.Exact.Row);
            return c != 0 ? c : CompareDescending(a.Double.Column, b.Double.Column, a.Exact.Column, b.Exact.Column);
        }

        private static int CompareDescending(double[] da, double[] db, Rational[] ra, Rational[] rb)
        {
            if (ReferenceEquals(ra, rb))
            {
                return 0; // the same vertex
            }

            for (int k = 0; k < ra.Length; k++)
            {
                int c = db[k].CompareTo(da[k]);
                if (c == 0 && !(ra[k].IsZero && rb[k].IsZero))
                {
                    c = rb[k].CompareTo(ra[k]);
                }

                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
