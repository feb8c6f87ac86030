using System.Buffers;
using NashFast.Games;

namespace NashFast.Enumeration;

/// <summary>
/// The shared state of one support-enumeration call: normalised payoffs, the work-item counter, the stop flag, the
/// degeneracy signs and the equilibria found. Workers touch it without locks except to record an equilibrium.
/// </summary>
/// <remarks>
/// Work item <c>t</c> is a pair (k, I): support size k and the row support I of lexicographic rank
/// <c>t − ItemOffsets[k]</c>; one item runs over every column support J of size k. Items are handed out by an
/// interlocked counter in increasing order (small supports first).
/// </remarks>
internal sealed class SupportEnumerationRun : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Equilibrium> _found = [];
    private long _nextItem;
    private int _signs;
    private volatile bool _stop;
    private volatile bool _cancelled;
    private volatile bool _limitHit;

    public SupportEnumerationRun(BimatrixGame game, SolveOptions options, int maxSupport, bool stopOnDegeneracy)
    {
        Game = game;
        Options = options;
        M = game.Rows;
        N = game.Columns;
        MaxSupport = maxSupport;
        StopOnDegeneracy = stopOnDegeneracy;
        Normalized = ArrayPool<double>.Shared.Rent(2 * M * N);
        Normalize(game.AFlat, Normalized.AsSpan(0, M * N), M, N, transpose: false);
        Normalize(game.BFlat, Normalized.AsSpan(M * N, M * N), M, N, transpose: true);
        ItemOffsets = new long[maxSupport + 2];
        for (int k = 1; k <= maxSupport; k++)
        {
            long items = Combinations.Binomial(M, k);
            if (items == long.MaxValue || ItemOffsets[k] > (1L << 62) - items)
            {
                throw new ArgumentException(
                    $"A {M}x{N} game has too many support pairs for support enumeration (support size {k}); limit the support size or use another method.",
                    nameof(game));
            }

            ItemOffsets[k + 1] = ItemOffsets[k] + items;
        }
    }

    public BimatrixGame Game { get; }

    public SolveOptions Options { get; }

    public int M { get; }

    public int N { get; }

    public int MaxSupport { get; }

    public bool StopOnDegeneracy { get; }

    /// <summary>A' (m×n, row-major) then B'ᵀ (n×m, row-major), each player's payoffs mapped onto [1, 2].</summary>
    public double[] Normalized { get; }

    /// <summary>ItemOffsets[k] is the first work item of support size k; ItemOffsets[MaxSupport + 1] the total.</summary>
    public long[] ItemOffsets { get; }

    public long TotalItems => ItemOffsets[MaxSupport + 1];

    /// <summary>Work items handed out so far (at most <see cref="TotalItems"/>), for progress reports.</summary>
    public long ItemsTaken => Math.Min(Volatile.Read(ref _nextItem), TotalItems);

    public bool Stopped => _stop;

    public bool Cancelled => _cancelled;

    public bool LimitHit => _limitHit;

    public DegeneracySigns Signs => (DegeneracySigns)Volatile.Read(ref _signs);

    /// <summary>The next work item, or −1 when none is left or the run was stopped.</summary>
    public long TakeItem()
    {
        if (_stop)
        {
            return -1;
        }

        if (Options.CancellationToken.IsCancellationRequested)
        {
            Cancel();
            return -1;
        }

        long t = Interlocked.Increment(ref _nextItem) - 1;
        return t < TotalItems ? t : -1;
    }

    /// <summary>Checks the token (workers call this every few dozen support pairs).</summary>
    public bool ShouldStop()
    {
        if (_stop)
        {
            return true;
        }

        if (Options.CancellationToken.IsCancellationRequested)
        {
            Cancel();
            return true;
        }

        return false;
    }

    public void AddSigns(DegeneracySigns signs)
    {
        Interlocked.Or(ref _signs, (int)signs);
        if (StopOnDegeneracy)
        {
            _stop = true;
        }
    }

    /// <summary>Records an equilibrium and streams it to the caller's sink, one call at a time.</summary>
    public void Add(Equilibrium equilibrium)
    {
        lock (_gate)
        {
            if (_found.Count >= Options.MaxEquilibria)
            {
                _limitHit = true;
                _stop = true;
                return;
            }

            _found.Add(equilibrium);
            Options.OnEquilibrium?.Invoke(equilibrium);
            if (_found.Count >= Options.MaxEquilibria)
            {
                // Whether more exist is unknown; the caller reports the result incomplete unless the search finished.
                _limitHit = true;
                _stop = true;
            }
        }
    }

    /// <summary>The equilibria found, sorted by <see cref="EquilibriumOrder"/>.</summary>
    public List<Equilibrium> SortedEquilibria()
    {
        lock (_gate)
        {
            var sorted = new List<Equilibrium>(_found);
            sorted.Sort(EquilibriumOrder.Instance);
            return sorted;
        }
    }

    public void Dispose() => ArrayPool<double>.Shared.Return(Normalized);

    private void Cancel()
    {
        _cancelled = true;
        _stop = true;
    }

    /// <summary>(v − min) / (max − min) + 1 for every payoff: best responses unchanged, values in [1, 2].</summary>
    private static void Normalize(ReadOnlySpan<double> source, Span<double> destination, int m, int n, bool transpose)
    {
        double min = System.Numerics.Tensors.TensorPrimitives.Min(source);
        double max = System.Numerics.Tensors.TensorPrimitives.Max(source);
        double range = max - min;

        // A constant matrix maps to all ones; a range that overflows (payoffs near ±1.7e308) is taken at half scale.
        double half = double.IsFinite(range) ? 1 : 0.5;
        double scale = range > 0 ? 1 / ((half * max) - (half * min)) : 0;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = (((half * source[(i * n) + j]) - (half * min)) * scale) + 1;
                destination[transpose ? (j * m) + i : (i * n) + j] = v;
            }
        }
    }
}
