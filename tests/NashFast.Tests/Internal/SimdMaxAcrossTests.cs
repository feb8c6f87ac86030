using System.Runtime.Intrinsics;
using NashFast.Internal.Simd;

namespace NashFast.Tests.Internal;

/// <summary>
/// <c>MaxAcross</c> of the double vectors (the interval tableau's pivot maxima): the largest lane, wherever it sits,
/// for non-negative and mixed finite values, at every width the machine runs.
/// </summary>
public class SimdMaxAcrossTests
{
    [Fact]
    public void MaxAcross_IsTheLargestLane_AtEveryPosition()
    {
        var rng = new System.Random(31);
        for (int trial = 0; trial < 2000; trial++)
        {
            double[] lanes = new double[8];
            for (int l = 0; l < lanes.Length; l++)
            {
                lanes[l] = trial % 3 == 0 ? rng.NextDouble() * Math.ScaleB(1.0, rng.Next(-500, 400)) : (rng.NextDouble() - 0.5) * 1e6;
            }

            // The maximum at each position in turn, and ties.
            int at = trial % 8;
            lanes[at] = lanes.Max() + (trial % 5 == 0 ? 0 : Math.Abs(lanes[at]) + 1);
            if (trial % 7 == 0)
            {
                lanes[(at + 3) % 8] = lanes[at];
            }

            Assert.Equal(lanes.Max(), Doubles512.MaxAcross(new(Vector512.Create(lanes))));
            Assert.Equal(lanes[..4].Max(), Doubles256.MaxAcross(new(Vector256.Create(lanes[..4]))));
            Assert.Equal(lanes[4..].Max(), Doubles256.MaxAcross(new(Vector256.Create(lanes[4..]))));
            Assert.Equal(lanes[..2].Max(), Doubles128.MaxAcross(new(Vector128.Create(lanes[..2]))));
        }
    }
}
