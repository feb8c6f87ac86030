using CsCheck;

namespace NashFast.Tests.TwoByTwo;

/// <summary>
/// Payoff generators for the property tests: every family the brief names, for double and float. A game draws all
/// eight payoffs from one family, or (the "mixed" family) each payoff from any family.
/// </summary>
internal static class GameFamilies
{
    public static readonly Gen<double> ContinuousD = Gen.Double[-1.0, 1.0];
    public static readonly Gen<double> SmallIntD = Gen.Int[0, 3].Select(i => (double)i);              // many ties
    public static readonly Gen<double> NegativeD = Gen.OneOf(Gen.Double[-100.0, 0.0], Gen.Int[-3, 0].Select(i => (double)i));
    public static readonly Gen<double> MagnitudesD =                                                   // ±1e-6 … 1e6
        Gen.Select(Gen.Bool, Gen.Double[-6.0, 6.0], (neg, e) => (neg ? -1 : 1) * Math.Pow(10, e));
    public static readonly Gen<double> HugeD =
        Gen.OneOf(Gen.Double[-1e300, 1e300], Gen.Int[-3, 3].Select(i => i * 1e300), Gen.Double[-1.7e308, 1.7e308]);
    public static readonly Gen<double> TinyD =                                                         // subnormal and tiny normal
        Gen.OneOf(Gen.Int[-6, 6].Select(i => i * double.Epsilon), Gen.Double[-1e-300, 1e-300], Gen.Double[-1e-310, 1e-310]);

    public static readonly Gen<double>[] AllD = [ContinuousD, SmallIntD, NegativeD, MagnitudesD, HugeD, TinyD];

    public static readonly Gen<float> ContinuousF = Gen.Float[-1f, 1f];
    public static readonly Gen<float> SmallIntF = Gen.Int[0, 3].Select(i => (float)i);
    public static readonly Gen<float> NegativeF = Gen.OneOf(Gen.Float[-100f, 0f], Gen.Int[-3, 0].Select(i => (float)i));
    public static readonly Gen<float> MagnitudesF =
        Gen.Select(Gen.Bool, Gen.Double[-6.0, 6.0], (neg, e) => (float)((neg ? -1 : 1) * Math.Pow(10, e)));
    public static readonly Gen<float> HugeF =
        Gen.OneOf(Gen.Float[-1e37f, 1e37f], Gen.Int[-3, 3].Select(i => i * 1e37f), Gen.Float[-3.4e38f, 3.4e38f]);
    public static readonly Gen<float> TinyF =
        Gen.OneOf(Gen.Int[-6, 6].Select(i => i * float.Epsilon), Gen.Float[-1e-37f, 1e-37f], Gen.Float[-1e-40f, 1e-40f]);

    public static readonly Gen<float>[] AllF = [ContinuousF, SmallIntF, NegativeF, MagnitudesF, HugeF, TinyF];

    /// <summary>Eight payoffs (a00, a01, a10, a11, b00, b01, b10, b11) from one family, or each from any.</summary>
    public static Gen<T[]> Game<T>(Gen<T>[] families) =>
        Gen.Int[0, families.Length].SelectMany(f => f == families.Length ? Gen.OneOf(families).Array[8] : families[f].Array[8]);

    /// <summary>A batch of <paramref name="games"/> games, flattened game-major (8 payoffs each).</summary>
    public static Gen<T[]> Batch<T>(Gen<T>[] families, int games) =>
        Game(families).Array[games].Select(gs =>
        {
            var flat = new T[8 * games];
            for (int k = 0; k < games; k++)
            {
                gs[k].CopyTo(flat, 8 * k);
            }

            return flat;
        });
}
