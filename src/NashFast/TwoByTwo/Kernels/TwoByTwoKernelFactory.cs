using System.Runtime.Intrinsics;

namespace NashFast.TwoByTwo.Kernels;

/// <summary>
/// Lists every 2×2 kernel and picks the one used by default (after Sep's parser factory): the widest the hardware
/// accelerates, or the one named by <c>NASHFAST_KERNEL</c> so that each kernel can be tested and benchmarked
/// in-process on any machine.
/// </summary>
internal static class TwoByTwoKernelFactory
{
    /// <summary>The environment variable that forces a kernel.</summary>
    public const string EnvironmentVariable = "NASHFAST_KERNEL";

    /// <summary>Every kernel, narrowest first.</summary>
    public static readonly TwoByTwoKernel[] All =
        [TwoByTwoKernel.Scalar, TwoByTwoKernel.Vector128, TwoByTwoKernel.Vector256, TwoByTwoKernel.Vector512];

    // Resolved once: the environment does not change under a running solver. An invalid value is kept as an error
    // message (not thrown from a static constructor, which would surface as a TypeInitializationException).
    private static readonly TwoByTwoKernel s_active = Resolve(Environment.GetEnvironmentVariable(EnvironmentVariable), out s_error);
    private static readonly string? s_error;

    /// <summary>The kernel used when none is given explicitly.</summary>
    /// <exception cref="InvalidOperationException"><c>NASHFAST_KERNEL</c> holds a value that names no kernel.</exception>
    public static TwoByTwoKernel Active
    {
        get
        {
            if (s_error is not null)
            {
                throw new InvalidOperationException(s_error);
            }

            return s_active;
        }
    }

    /// <summary>True when the hardware runs the kernel's vector operations natively.</summary>
    public static bool IsHardwareAccelerated(TwoByTwoKernel kernel) => kernel switch
    {
        TwoByTwoKernel.Scalar => true,
        TwoByTwoKernel.Vector128 => Vector128.IsHardwareAccelerated,
        TwoByTwoKernel.Vector256 => Vector256.IsHardwareAccelerated,
        TwoByTwoKernel.Vector512 => Vector512.IsHardwareAccelerated,
        _ => false,
    };

    /// <summary>The widest kernel the hardware accelerates.</summary>
    public static TwoByTwoKernel Widest()
    {
        for (int k = All.Length - 1; k > 0; k--)
        {
            if (IsHardwareAccelerated(All[k]))
            {
                return All[k];
            }
        }

        return TwoByTwoKernel.Scalar;
    }

    /// <summary>Parses a kernel name (case-insensitive): Scalar, Vector128, Vector256 or Vector512.</summary>
    public static bool TryParse(string? text, out TwoByTwoKernel kernel)
    {
        foreach (TwoByTwoKernel k in All)
        {
            if (string.Equals(text?.Trim(), k.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kernel = k;
                return true;
            }
        }

        kernel = TwoByTwoKernel.Scalar;
        return false;
    }

    /// <summary>Throws unless <paramref name="kernel"/> is one of <see cref="All"/>.</summary>
    public static void Validate(TwoByTwoKernel kernel, string paramName)
    {
        if ((uint)kernel > (uint)TwoByTwoKernel.Vector512)
        {
            throw new ArgumentOutOfRangeException(paramName, kernel, "Unknown 2x2 kernel; use Scalar, Vector128, Vector256 or Vector512.");
        }
    }

    internal static TwoByTwoKernel Resolve(string? value, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return Widest();
        }

        if (TryParse(value, out TwoByTwoKernel kernel))
        {
            return kernel;
        }

        error = $"Environment variable {EnvironmentVariable}='{value}' names no 2x2 kernel; use Scalar, Vector128, Vector256 or Vector512 (or unset it).";
        return TwoByTwoKernel.Scalar;
    }
}
