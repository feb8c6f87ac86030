namespace NashFast.TwoByTwo;

/// <summary>
/// The implementations of the 2×2 batch solver. All produce bit-identical results; they differ only in speed.
/// </summary>
/// <remarks>
/// <see cref="TwoByTwoSolver.ActiveKernel"/> is the widest one the hardware accelerates, unless the environment
/// variable <c>NASHFAST_KERNEL</c> names another. A kernel that the hardware does not accelerate still runs (the
/// runtime executes the wider vector operations in software), correctly but slowly.
/// </remarks>
public enum TwoByTwoKernel
{
    /// <summary>One game at a time (<see cref="TwoByTwoSolver"/>'s closed form, the specification of the others).</summary>
    Scalar = 0,

    /// <summary>128-bit vectors: 2 double or 4 float games per step (SSE2/AVX, AdvSimd).</summary>
    Vector128 = 1,

    /// <summary>256-bit vectors: 4 double or 8 float games per step (AVX2).</summary>
    Vector256 = 2,

    /// <summary>512-bit vectors: 8 double or 16 float games per step (AVX-512).</summary>
    Vector512 = 3,
}
