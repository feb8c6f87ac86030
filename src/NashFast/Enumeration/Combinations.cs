namespace NashFast.Enumeration;

/// <summary>k-subsets of {0, …, n−1} as ascending index arrays, in lexicographic order.</summary>
internal static class Combinations
{
    /// <summary>C(n, k), saturated at <see cref="long.MaxValue"/>.</summary>
    public static long Binomial(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        k = Math.Min(k, n - k);
        Int128 c = 1;
        for (int t = 1; t <= k; t++)
        {
            c = c * (n - k + t) / t; // exact: c is C(n-k+t-1, t-1) before the step
            if (c > long.MaxValue)
            {
                return long.MaxValue;
            }
        }

        return (long)c;
    }

    /// <summary>Writes the first subset {0, 1, …, k−1}.</summary>
    public static void First(Span<int> subset)
    {
        for (int t = 0; t < subset.Length; t++)
        {
            subset[t] = t;
        }
    }

    /// <summary>Advances to the next subset in lexicographic order; false after the last one.</summary>
    public static bool Next(Span<int> subset, int n) => Advance(subset, n) >= 0;

    /// <summary>
    /// Advances to the next subset in lexicographic order and returns the first position that changed (entries before
    /// it are unchanged), or −1 after the last subset (then <paramref name="subset"/> is left as it was).
    /// </summary>
    public static int Advance(Span<int> subset, int n)
    {
        int k = subset.Length;
        int p = k - 1;
        while (p >= 0 && subset[p] == n - k + p)
        {
            p--;
        }

        if (p < 0)
        {
            return -1;
        }

        subset[p]++;
        for (int q = p + 1; q < k; q++)
        {
            subset[q] = subset[q - 1] + 1;
        }

        return p;
    }

    /// <summary>The subset of lexicographic rank <paramref name="rank"/> (0-based) among the C(n, k) subsets.</summary>
    public static void Unrank(long rank, int n, Span<int> subset)
    {
        int k = subset.Length;
        int c = 0;
        for (int p = 0; p < k; p++)
        {
            while (true)
            {
                long below = Binomial(n - c - 1, k - p - 1);
                if (rank < below)
                {
                    break;
                }

                rank -= below;
                c++;
            }

            subset[p] = c;
            c++;
        }
    }
}
