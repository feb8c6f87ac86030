namespace NashFast.Enumeration;

/// <summary>Arithmetic on little-endian 64-bit limb spans shared by the fixed-width tiers and the power-of-two solve.</summary>
internal static class VertexLimbSpans
{
    /// <summary>x −= y modulo 2^(64·x.Length) (same length; two's complement).</summary>
    public static void Subtract(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        ulong borrow = 0;
        for (int i = 0; i < x.Length; i++)
        {
            ulong xi = x[i], yi = y[i];
            ulong v = xi - yi - borrow;
            borrow = (xi < yi || (xi == yi && borrow != 0)) ? 1UL : 0UL;
            x[i] = v;
        }
    }
}
