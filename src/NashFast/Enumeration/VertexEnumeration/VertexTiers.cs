using System.Numerics;

namespace NashFast.Enumeration;

/// <summary>The integer widths vertex enumeration pivots in, narrowest first.</summary>
internal enum VertexTier
{
    /// <summary>Choose from the pivot-size bound (the default).</summary>
    Auto = 0,

    /// <summary>64-bit entries (|x| ≤ 2^62).</summary>
    Long,

    /// <summary>2 limbs (|x| &lt; 2^126).</summary>
    Wide128,

    /// <summary>4 limbs (|x| &lt; 2^254).</summary>
    Wide256,

    /// <summary>8 limbs (|x| &lt; 2^510).</summary>
    Wide512,

    /// <summary>12 limbs (|x| &lt; 2^766).</summary>
    Wide768,

    /// <summary>16 limbs (|x| &lt; 2^1022).</summary>
    Wide1024,

    /// <summary>24 limbs (|x| &lt; 2^1534).</summary>
    Wide1536,

    /// <summary>Arbitrary precision.</summary>
    Big,

    /// <summary>
    /// Certified floating point only (<see cref="VertexFloatSearch"/>), no exact fallback: the search returns null
    /// when it gives up (tests). <see cref="Auto"/> tries this first and falls back to the exact tiers.
    /// </summary>
    Float,
}

/// <summary>
/// Runs one polytope's search in the narrowest tier that is expected to suffice, and again in the next wider tier
/// after an overflow (only that polytope restarts).
/// </summary>
/// <remarks>
/// Every tableau entry is a minor of the integral matrix <c>[C | 1]</c> (k × (d + 1)), of order at most
/// <c>s = min(k, d + 1)</c>, so Hadamard's inequality bounds it by <c>s · (b + ½·log₂ s)</c> bits, <c>b</c> the largest
/// entry's bit length. The bound is close to the truth for random games (a typical minor is smaller by about
/// <c>0.7·s</c> bits), so starting at the tier it names wastes no failed attempt on the common case, and since it is
/// an upper bound that tier never overflows; overflow detection stays in every tier regardless, so a forced narrower
/// start is safe too.
/// </remarks>
internal static class VertexTiers
{
    /// <summary>Upper bound, in bits, on the magnitude of every entry of the search's tableau.</summary>
    public static double EntryBitsBound(BigInteger[] constraints, int k, int d)
    {
        long bits = 1; // the right-hand side column of ones
        foreach (BigInteger v in constraints)
        {
            bits = Math.Max(bits, v.GetBitLength());
        }

        int s = Math.Min(k, d + 1);
        return s * (bits + (0.5 * Math.Log2(s)));
    }

    /// <summary>The narrowest tier whose safe range holds <paramref name="bits"/>-bit entries.</summary>
    public static VertexTier ForBits(double bits) => bits switch
    {
        <= 62 => VertexTier.Long,
        <= 126 => VertexTier.Wide128,
        <= 254 => VertexTier.Wide256,
        <= 510 => VertexTier.Wide512,
        <= 766 => VertexTier.Wide768,
        <= 1022 => VertexTier.Wide1024,
        <= 1534 => VertexTier.Wide1536,
        _ => VertexTier.Big,
    };

    /// <summary>Whether <see cref="Enumerate"/> starts with the floating-point search (see there).</summary>
    public static bool TriesFloat(BigInteger[] constraints, int k, int d, VertexTier start) =>
        start == VertexTier.Float || (start == VertexTier.Auto && ForBits(EntryBitsBound(constraints, k, d)) > VertexTier.Long);

    /// <summary>
    /// The vertices of one polytope, starting at <paramref name="start"/> and widening after each overflow.
    /// <see cref="VertexTier.Auto"/> first tries the certified floating-point search (unless the bound names the
    /// 64-bit tier), then starts the exact tiers where the bound says; <see cref="VertexTier.Float"/> runs only the floating-point search and returns null when
    /// it gives up (never for any other start).
    /// </summary>
    /// <param name="stream">
    /// When given, told of the set the floating-point search is filling (another thread may read it as it grows, see
    /// <see cref="VertexSet.Published"/>), and told null when that search gives up and the exact tiers take over.
    /// </param>
    /// <param name="progress">Told the vertex count as each attempt's set grows (see <see cref="VertexSet.Progress"/>).</param>
    public static VertexSet? Enumerate(BigInteger[] constraints, int k, int d, int labelShift, VertexTier start, CancellationToken token, Action<VertexSet?>? stream = null, VertexSearchProgress? progress = null)
    {
        // Auto skips the float search when 64-bit exact pivoting suffices: such games have small integral payoffs, are
        // usually degenerate (where the float search can only give up, 253 of 300 polytopes for payoffs 0..3), and
        // their exact search is cheap anyway.
        if (TriesFloat(constraints, k, d, start))
        {
            VertexSet? found = VertexFloatSearch.Run(constraints, k, d, labelShift, token, stream, progress);
            if (found is null)
            {
                stream?.Invoke(null);
            }

            if (found is not null || start == VertexTier.Float)
            {
                if (found is not null)
                {
                    found.Tier = VertexTier.Float;
                }

                return found;
            }
        }

        VertexTier tier = start == VertexTier.Auto ? ForBits(EntryBitsBound(constraints, k, d)) : start;
        while (true)
        {
            VertexSet? result = tier switch
            {
                VertexTier.Long => VertexSearch<long, VertexLongArithmetic>.Run(constraints, k, d, labelShift, token, progress: progress),
                VertexTier.Wide128 => VertexSearch<Int128, VertexInt128Arithmetic>.Run(constraints, k, d, labelShift, token, progress: progress),
                VertexTier.Wide256 => VertexSearch<VertexLimbs4, VertexWideArithmetic<VertexLimbs4>>.Run(constraints, k, d, labelShift, token, progress: progress),
                VertexTier.Wide512 => VertexSearch<VertexLimbs8, VertexWideArithmetic<VertexLimbs8>>.Run(constraints, k, d, labelShift, token, progress: progress),
                VertexTier.Wide768 => VertexSearch<VertexLimbs12, VertexWideArithmetic<VertexLimbs12>>.Run(constraints, k, d, labelShift, token, progress: progress),
                VertexTier.Wide1024 => VertexSearch<VertexLimbs16, VertexWideArithmetic<VertexLimbs16>>.Run(constraints, k, d, labelShift, token, progress: progress),
                VertexTier.Wide1536 => VertexSearch<VertexLimbs24, VertexWideArithmetic<VertexLimbs24>>.Run(constraints, k, d, labelShift, token, progress: progress),
                _ => VertexSearch<BigInteger, VertexBigArithmetic>.Run(constraints, k, d, labelShift, token, progress: progress),
            };
            if (result is not null)
            {
                result.Tier = tier;
                return result;
            }

            tier++;
        }
    }
}
