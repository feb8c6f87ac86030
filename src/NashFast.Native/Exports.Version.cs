using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace NashFast.Native;

/// <summary>The <c>nf_*</c> entry points of libnashfast (declared in include/nashfast.h).</summary>
/// <remarks>
/// Rules every entry point keeps: no exception leaves it (each body is wrapped, and a surprise becomes
/// <c>NF_E_INTERNAL</c>); every pointer and length is checked before use; on failure the return value is a negative
/// <c>NF_E_*</c> code and <see cref="LastError"/> says what was wrong, naming the C parameter; on success this
/// thread's last error is emptied. Nothing is allocated for the caller to free.
/// </remarks>
public static unsafe partial class Exports
{
    /// <summary>The ABI version: bumped on any incompatible change to include/nashfast.h (<c>NF_ABI_VERSION</c>).</summary>
    public const int AbiVersion = 1;

    // "major.minor.patch" of the NashFast library, NUL-terminated, pinned for the life of the process.
    private static readonly byte[] _versionText = MakeVersionText();

    /// <summary><c>int32_t nf_abi_version(void)</c>: the ABI version the library implements.</summary>
    [UnmanagedCallersOnly(EntryPoint = "nf_abi_version")]
    public static int AbiVersionExport() => AbiVersion;

    /// <summary><c>int32_t nf_version(void)</c>: the library version as <c>major·10000 + minor·100 + patch</c>.</summary>
    [UnmanagedCallersOnly(EntryPoint = "nf_version")]
    public static int VersionExport()
    {
        Version v = LibraryVersion();
        return (v.Major * 10000) + (v.Minor * 100) + Math.Max(v.Build, 0);
    }

    /// <summary><c>const char *nf_version_string(void)</c>: "major.minor.patch", static, never freed.</summary>
    [UnmanagedCallersOnly(EntryPoint = "nf_version_string")]
    public static byte* VersionStringExport() => (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_versionText));

    /// <summary>
    /// <c>const char *nf_last_error(void)</c>: why this thread's last failing call failed ("" after a success);
    /// valid until this thread's next <c>nf_*</c> call.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "nf_last_error")]
    public static byte* LastErrorExport() => LastError.Pointer();

    private static Version LibraryVersion() => typeof(NashSolver).Assembly.GetName().Version ?? new Version(0, 0, 0);

    private static byte[] MakeVersionText()
    {
        Version v = LibraryVersion();
        string text = $"{v.Major}.{v.Minor}.{Math.Max(v.Build, 0)}";
        byte[] bytes = GC.AllocateArray<byte>(Encoding.UTF8.GetByteCount(text) + 1, pinned: true);
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    // Records the message and returns the code, so a failure path reads `return Fail(code, "...")`.
    private static int Fail(int code, string message) => LastError.Set(code, message);

    // The single place where an unexpected exception is turned into a status code.
    private static int FromException(string function, Exception exception) => exception switch
    {
        OutOfMemoryException => Fail(NativeStatus.NoMemory, $"{function}: out of memory."),
        NotSupportedException => Fail(NativeStatus.Unsupported, $"{function}: {exception.Message}"),
        _ => Fail(NativeStatus.Internal, $"{function}: internal error ({exception.GetType().Name}): {exception.Message}"),
    };
}
