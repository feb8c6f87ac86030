using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace NashFast.Native;

/// <summary>
/// The per-thread last-error message behind <c>nf_last_error</c>: a NUL-terminated UTF-8 string in a pinned buffer
/// owned by the calling thread, so the pointer handed to C stays valid until that thread's next <c>nf_*</c> call.
/// </summary>
internal static unsafe class LastError
{
    /// <summary>Buffer size in bytes, terminator included; longer messages are cut at a character boundary.</summary>
    public const int Capacity = 1024;

    // One pinned buffer per thread: pinned so that C may hold the pointer, per thread so that no lock is needed and
    // one thread's error never overwrites another's. It lives as long as the thread does.
    [ThreadStatic]
    private static byte[]? _message;

    /// <summary>Records <paramref name="message"/> for this thread and returns <paramref name="code"/>.</summary>
    public static int Set(int code, string message)
    {
        byte[] buffer = Buffer();
        int written = Encode(message, buffer.AsSpan(0, Capacity - 1));
        buffer[written] = 0;
        return code;
    }

    /// <summary>Empties this thread's message (a successful call).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear()
    {
        byte[]? buffer = _message;
        if (buffer is not null)
        {
            buffer[0] = 0;
        }
    }

    /// <summary>This thread's message, NUL-terminated ("" when there is none).</summary>
    public static byte* Pointer() => (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Buffer()));

    /// <summary>This thread's message as a managed string (for tests).</summary>
    public static string Current() => Marshal.PtrToStringUTF8((nint)Pointer()) ?? string.Empty;

    private static byte[] Buffer()
    {
        byte[]? buffer = _message;
        if (buffer is null)
        {
            buffer = GC.AllocateArray<byte>(Capacity, pinned: true);
            _message = buffer;
        }

        return buffer;
    }

    // UTF-8 of the message, cut to the destination without splitting a character.
    private static int Encode(string message, Span<byte> destination)
    {
        if (Encoding.UTF8.GetByteCount(message) <= destination.Length)
        {
            return Encoding.UTF8.GetBytes(message, destination);
        }

        int written = 0;
        Span<byte> one = stackalloc byte[4];
        foreach (Rune rune in message.EnumerateRunes())
        {
            int length = rune.EncodeToUtf8(one);
            if (written + length > destination.Length)
            {
                break;
            }

            one[..length].CopyTo(destination[written..]);
            written += length;
        }

        return written;
    }
}
