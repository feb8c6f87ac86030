using System.Numerics;
using System.Runtime.CompilerServices;

namespace NashFast.TwoByTwo;

/// <summary>
/// The closed form of a 2×2 game, one game at a time. Every decision is a comparison of two payoffs (exact in
/// floating point); arithmetic is used only for the values of P, Q and the payoffs.
/// </summary>
/// <remarks>
/// With <c>x</c> = P(row 0) and <c>y</c> = P(column 0):
/// <list type="bullet">
/// <item>cell (i, j) is a pure equilibrium when <c>Aij ≥ A(1−i)j</c> and <c>Bij ≥ Bi(1−j)</c>;</item>
/// <item>the row player's best-response polytope has an interior vertex <c>p*</c> (the column player indifferent)
/// exactly when <c>B00 − B01</c> and <c>B10 − B11</c> have strictly opposite signs ("hasP"); likewise <c>q*</c>
/// (the row player indifferent) when <c>A00 − A10</c> and <c>A01 − A11</c> do ("hasQ");</item>
/// <item>the extreme equilibria are the pure ones, <c>(p*, q*)</c> when both exist, <c>(p*, column j)</c> when hasP
/// and <c>A0j == A1j</c>, and <c>(row i, q*)</c> when hasQ and <c>Bi0 == Bi1</c>;</item>
/// <item>so <c>count = popcount(mask) + hasP·(tieA0 + tieA1) + hasQ·(tieB0 + tieB1) + hasP·hasQ</c>.</item>
/// </list>
/// <c>p* = d1 / (d1 − d0)</c> with <c>di = s·Bi0 − s·Bi1</c>, <c>q* = e1 / (e1 − e0)</c> with
/// <c>ej = s'·A0j − s'·A1j</c>, where the player's scale <c>s</c> is 1 when every one of its payoffs has magnitude at
/// most MaxValue/4 (the differences are then correctly rounded, exact in the subnormal range, and nothing overflows) and
/// 1/4 otherwise (no overflow for any finite payoffs; a product may lose half a subnormal, negligible beside a
/// payoff above MaxValue/4). A fixed quarter would turn differences of a few subnormals into 0/0.
/// </remarks>
internal static class Scalar2x2
{
    /// <summary>Solves one game into the batch fields; returns false for a non-finite payoff.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Solve<T>(T a00, T a01, T a10, T a11, T b00, T b01, T b10, T b11,
                                out byte mask, out byte count, out Solution2x2Flags flags, out T p, out T q, out T rowPayoff, out T columnPayoff)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(T.IsFinite(a00) & T.IsFinite(a01) & T.IsFinite(a10) & T.IsFinite(a11) &
              T.IsFinite(b00) & T.IsFinite(b01) & T.IsFinite(b10) & T.IsFinite(b11)))
        {
            mask = 0;
            count = 0;
            flags = Solution2x2Flags.Invalid;
            p = q = rowPayoff = columnPayoff = T.NaN;
            return;
        }

        int m = (a00 >= a10 && b00 >= b01 ? 1 : 0)
              | (a01 >= a11 && b01 >= b00 ? 2 : 0)
              | (a10 >= a00 && b10 >= b11 ? 4 : 0)
              | (a11 >= a01 && b11 >= b10 ? 8 : 0);
        int tieA = (a00 == a10 ? 1 : 0) + (a01 == a11 ? 1 : 0);
        int tieB = (b00 == b01 ? 1 : 0) + (b10 == b11 ? 1 : 0);
        bool hasP = (b00 > b01 && b10 < b11) || (b00 < b01 && b10 > b11);
        bool hasQ = (a00 > a10 && a01 < a11) || (a00 < a10 && a01 > a11);

        mask = (byte)m;
        count = (byte)(BitOperations.PopCount((uint)m) + (hasP ? tieA : 0) + (hasQ ? tieB : 0) + (hasP && hasQ ? 1 : 0));
        flags = (tieA + tieB > 0 ? Solution2x2Flags.Degenerate : Solution2x2Flags.None)
              | (hasP && hasQ ? Solution2x2Flags.CompletelyMixed : Solution2x2Flags.None);
        if (hasP && hasQ)
        {
            p = MixP(b00, b01, b10, b11);
            q = MixQ(a00, a01, a10, a11);
            rowPayoff = Blend(q, a00, a01);
            columnPayoff = Blend(p, b00, b10);
        }
        else
        {
            p = q = rowPayoff = columnPayoff = T.NaN;
        }
    }

    /// <summary>
    /// Lists every extreme equilibrium of one game in the solvers' order (P descending, then Q descending).
    /// Returns the count, or -1 for a non-finite payoff.
    /// </summary>
    public static int List<T>(in Game2x2<T> g, Span<Equilibrium2x2<T>> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Solve(g.A00, g.A01, g.A10, g.A11, g.B00, g.B01, g.B10, g.B11,
              out byte mask, out byte count, out Solution2x2Flags flags, out _, out _, out _, out _);
        if ((flags & Solution2x2Flags.Invalid) != 0)
        {
            return -1;
        }

        Span<Equilibrium2x2<T>> found = stackalloc Equilibrium2x2<T>[TwoByTwoSolver.MaxEquilibria];
        int k = 0;
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                if ((mask & (1 << ((2 * i) + j))) != 0)
                {
                    found[k++] = new Equilibrium2x2<T>(i == 0 ? T.One : T.Zero, j == 0 ? T.One : T.Zero, Entry(g, true, i, j), Entry(g, false, i, j));
                }
            }
        }

        bool hasP = (g.B00 > g.B01 && g.B10 < g.B11) || (g.B00 < g.B01 && g.B10 > g.B11);
        bool hasQ = (g.A00 > g.A10 && g.A01 < g.A11) || (g.A00 < g.A10 && g.A01 > g.A11);
        T p = hasP ? MixP(g.B00, g.B01, g.B10, g.B11) : T.NaN;
        T q = hasQ ? MixQ(g.A00, g.A01, g.A10, g.A11) : T.NaN;
        if (hasP)
        {
            // Row player mixes at p*, column player pure j: needs the row player indifferent at j (a tie in A).
            if (g.A00 == g.A10)
            {
                found[k++] = new Equilibrium2x2<T>(p, T.One, g.A00, Blend(p, g.B00, g.B10));
            }

            if (g.A01 == g.A11)
            {
                found[k++] = new Equilibrium2x2<T>(p, T.Zero, g.A01, Blend(p, g.B01, g.B11));
            }
        }

        if (hasQ)
        {
            if (g.B00 == g.B01)
            {
                found[k++] = new Equilibrium2x2<T>(T.One, q, Blend(q, g.A00, g.A01), g.B00);
            }

            if (g.B10 == g.B11)
            {
                found[k++] = new Equilibrium2x2<T>(T.Zero, q, Blend(q, g.A10, g.A11), g.B10);
            }
        }

        if (hasP && hasQ)
        {
            found[k++] = new Equilibrium2x2<T>(p, q, Blend(q, g.A00, g.A01), Blend(p, g.B00, g.B10));
        }

        System.Diagnostics.Debug.Assert(k == count, "listing and count disagree");
        found = found[..k];
        SortDescending(found);
        found.CopyTo(destination);
        return k;
    }

    /// <summary>p* = d1 / (d1 − d0), di = s·Bi0 − s·Bi1: the row mix that makes the column player indifferent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MixP<T>(T b00, T b01, T b10, T b11)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T scale = Scale(b00, b01, b10, b11);
        T d0 = (scale * b00) - (scale * b01);
        T d1 = (scale * b10) - (scale * b11);
        return d1 / (d1 - d0);
    }

    /// <summary>q* = e1 / (e1 − e0), ej = s·A0j − s·A1j: the column mix that makes the row player indifferent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MixQ<T>(T a00, T a01, T a10, T a11)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T scale = Scale(a00, a01, a10, a11);
        T e0 = (scale * a00) - (scale * a10);
        T e1 = (scale * a01) - (scale * a11);
        return e1 / (e1 - e0);
    }

    /// <summary>1 when every magnitude is at most <see cref="ScaleLimit{T}"/> (MaxValue/4), else 1/4 (see the remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Scale<T>(T w, T x, T y, T z)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        T.Max(T.Max(T.Abs(w), T.Abs(x)), T.Max(T.Abs(y), T.Abs(z))) <= ScaleLimit<T>() ? T.One : T.CreateTruncating(0.25);

    /// <summary>MaxValue/4: below it, a difference of two payoffs and a difference of two such differences stay finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ScaleLimit<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(double) ? T.CreateTruncating(double.MaxValue / 4)                // literals: folded by the JIT
        : typeof(T) == typeof(float) ? T.CreateTruncating(float.MaxValue / 4)
        : T.BitDecrement(T.PositiveInfinity) * T.CreateTruncating(0.25);

    /// <summary>t·x + (1 − t)·y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Blend<T>(T t, T x, T y)
        where T : unmanaged, IFloatingPointIeee754<T> => (t * x) + ((T.One - t) * y);

    private static T Entry<T>(in Game2x2<T> g, bool row, int i, int j)
        where T : unmanaged, IFloatingPointIeee754<T> => (row, i, j) switch
        {
            (true, 0, 0) => g.A00,
            (true, 0, 1) => g.A01,
            (true, 1, 0) => g.A10,
            (true, _, _) => g.A11,
            (false, 0, 0) => g.B00,
            (false, 0, 1) => g.B01,
            (false, 1, 0) => g.B10,
            _ => g.B11,
        };

    private static void SortDescending<T>(Span<Equilibrium2x2<T>> items)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int a = 1; a < items.Length; a++)
        {
            Equilibrium2x2<T> x = items[a];
            int b = a - 1;
            while (b >= 0 && (items[b].P < x.P || (items[b].P == x.P && items[b].Q < x.Q)))
            {
                items[b + 1] = items[b];
                b--;
            }

            items[b + 1] = x;
        }
    }
}
