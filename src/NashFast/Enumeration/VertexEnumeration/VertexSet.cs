using System.Numerics;

namespace NashFast.Enumeration;

/// <summary>
/// The vertices of one best-response polytope, in the (deterministic) order the search found them: for each its
/// label set (bit <c>l</c> set when label <c>l</c> is tight, labels numbered as in the reference: row strategies
/// 0…m−1, column strategies m…m+n−1) and its coordinates as integers over a common, vertex-specific denominator
/// (only their ratios matter, because equilibria are the vertices normalised to sum 1).
/// </summary>
internal sealed class VertexSet
{
    private readonly List<ulong> _labels = [];
    private readonly List<long> _longCoordinates = [];
    private readonly List<BigInteger> _bigCoordinates = [];
    private readonly List<bool> _isZero = [];
    private readonly Func<ulong, BigInteger[]>? _resolver;

    public VertexSet(int dimension) => Dimension = dimension;

    /// <summary>
    /// A set whose vertices carry only labels (<see cref="Add(ulong, bool)"/>); <see cref="Coordinates"/> asks
    /// <paramref name="resolver"/> for them, from the label set, on demand (see <see cref="VertexFloatSearch"/>).
    /// </summary>
    public VertexSet(int dimension, Func<ulong, BigInteger[]> resolver)
    {
        Dimension = dimension;
        _resolver = resolver;
    }

    /// <summary>Number of coordinates per vertex (m for P, n for Q).</summary>
    public int Dimension { get; }

    /// <summary>The arithmetic tier that completed the search (see <see cref="VertexTiers"/>).</summary>
    public VertexTier Tier { get; set; }

    /// <summary>Number of vertices stored.</summary>
    public int Count => _labels.Count;

    /// <summary>True when some vertex has more tight constraints than the dimension.</summary>
    public bool Degenerate { get; set; }

    /// <summary>True when the search stopped early (cancellation): the list is a subset of the vertices.</summary>
    public bool Truncated { get; set; }

    /// <summary>Label set of vertex <paramref name="v"/>.</summary>
    public ulong Labels(int v) => _labels[v];

    /// <summary>True when vertex <paramref name="v"/> is the origin (not part of any equilibrium).</summary>
    public bool IsZero(int v) => _isZero[v];

    /// <summary>Coordinate numerators of vertex <paramref name="v"/>.</summary>
    public BigInteger[] Coordinates(int v)
    {
        if (_resolver is not null)
        {
            return _resolver(_labels[v]);
        }

        var result = new BigInteger[Dimension];
        int start = v * Dimension;
        if (_bigCoordinates.Count > 0)
        {
            for (int i = 0; i < Dimension; i++)
            {
                result[i] = _bigCoordinates[start + i];
            }
        }
        else
        {
            for (int i = 0; i < Dimension; i++)
            {
                result[i] = _longCoordinates[start + i];
            }
        }

        return result;
    }

    /// <summary>Appends a vertex of a set built with a coordinate resolver.</summary>
    public void Add(ulong labels, bool isZero)
    {
        _labels.Add(labels);
        _isZero.Add(isZero);
    }

    /// <summary>Appends a vertex with 64-bit coordinates.</summary>
    public void Add(ulong labels, bool isZero, ReadOnlySpan<long> coordinates)
    {
        _labels.Add(labels);
        _isZero.Add(isZero);
        foreach (long c in coordinates)
        {
            _longCoordinates.Add(c);
        }
    }

    /// <summary>Appends a vertex with arbitrary-precision coordinates.</summary>
    public void Add(ulong labels, bool isZero, ReadOnlySpan<BigInteger> coordinates)
    {
        _labels.Add(labels);
        _isZero.Add(isZero);
        foreach (BigInteger c in coordinates)
        {
            _bigCoordinates.Add(c);
        }
    }
}
