using NashFast.Games;

namespace NashFast.Fuzz;

/// <summary>
/// The games drawn from one seed: a shape up to m + n = 11 (the reference's comfortable range), one of twelve payoff
/// families (continuous, small integers, huge and tiny scales, subnormals, signed zeros, 30-bit integers, decimals)
/// and one of nine twists that make games degenerate in ways support pairs do not always show (a copied row or
/// column, a B column copied from A, a row or column that is the average of two others, a copied row of A only).
/// </summary>
internal static class FuzzGames
{
    public const int Families = 12;

    public static (BimatrixGame Game, string Description) Draw(int seed)
    {
        var rng = new System.Random(seed);
        int m = rng.Next(1, 8), n = rng.Next(1, 8);
        if (m + n > 11)
        {
            n = 11 - m;
        }

        int family = rng.Next(Families);
        var a = new double[m * n];
        var b = new double[m * n];
        double scale = Math.Pow(2, rng.Next(-1000, 1000));
        for (int k = 0; k < a.Length; k++)
        {
            (a[k], b[k]) = family switch
            {
                0 => (rng.NextDouble(), rng.NextDouble()),
                1 => (rng.Next(4), rng.Next(4)),
                2 => (rng.Next(2), rng.Next(2)),
                3 => (rng.NextDouble() * scale, rng.NextDouble() * scale),
                4 => (rng.NextDouble() - 0.5, (rng.NextDouble() - 0.5) * 1e300),
                5 => (Math.Pow(2, rng.Next(-1070, 1020)) * ((rng.Next(2) * 2) - 1), Math.Pow(2, rng.Next(-60, 60)) * rng.NextDouble()),
                6 => (rng.Next(-3, 4) * 1e-310, rng.Next(-3, 4) * 1e-310),
                7 => (rng.Next(1, 1 << 10) / 1024.0, rng.Next(1, 1 << 10) / 1024.0),
                8 => (rng.Next(3) == 0 ? 0.0 : rng.NextDouble(), rng.Next(3) == 0 ? -0.0 : rng.NextDouble()),
                9 => (double.MaxValue * (rng.NextDouble() - 0.5), double.Epsilon * rng.Next(5)),
                10 => (rng.Next(-1_000_000_000, 1_000_000_000) * 2.0, rng.Next(-1_000_000_000, 1_000_000_000) * 2.0),
                _ => (rng.Next(5) * 0.1, rng.Next(5) * 0.1),
            };
        }

        int twist = rng.Next(9);
        int r = rng.Next(m), s = rng.Next(m), c = rng.Next(n), d = rng.Next(n);
        switch (twist)
        {
            case 0 when m > 1:
                CopyRow(a, b, n, from: r, to: s, both: true);
                break;
            case 1 when n > 1:
                for (int i = 0; i < m; i++)
                {
                    a[(i * n) + d] = a[(i * n) + c];
                    b[(i * n) + d] = b[(i * n) + c];
                }

                break;
            case 2:
                for (int i = 0; i < m; i++)
                {
                    b[(i * n) + c] = a[c];
                }

                break;
            case 3 when m > 2:
                for (int j = 0; j < n; j++)
                {
                    a[(r * n) + j] = (a[(((r + 1) % m) * n) + j] + a[(((r + 2) % m) * n) + j]) / 2;
                }

                break;
            case 4 when n > 2:
                for (int i = 0; i < m; i++)
                {
                    b[(i * n) + c] = (b[(i * n) + ((c + 1) % n)] + b[(i * n) + ((c + 2) % n)]) / 2;
                }

                break;
            case 5 when m > 1:
                CopyRow(a, b, n, from: r, to: s, both: false);
                break;
        }

        return (BimatrixGame.FromRowMajor(m, n, a, b), $"seed {seed}: {m}x{n}, family {family}, twist {twist}");
    }

    private static void CopyRow(double[] a, double[] b, int n, int from, int to, bool both)
    {
        for (int j = 0; j < n; j++)
        {
            a[(to * n) + j] = a[(from * n) + j];
            if (both)
            {
                b[(to * n) + j] = b[(from * n) + j];
            }
        }
    }
}
