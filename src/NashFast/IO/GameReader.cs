using System.Text;

namespace NashFast.IO;

/// <summary>
/// Reads a game in any supported format: JSON (<c>.json</c>, or input whose first non-blank character is
/// <c>{</c>) or Gambit <c>.nfg</c> (everything else).
/// </summary>
public static class GameReader
{
    /// <summary>Reads a game file, choosing the format by its extension (<c>.json</c> or <c>.nfg</c>).</summary>
    /// <exception cref="GameFormatException">The file is not a valid game.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static GameFile ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonGameReader.ReadFile(path)
            : NfgReader.ReadFile(path);
    }

    /// <summary>Reads a game from a stream (standard input, say), choosing the format by its first character.</summary>
    /// <exception cref="GameFormatException">The input is not a valid game.</exception>
    public static GameFile Read(Stream stream, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        byte[] bytes = buffer.ToArray();
        ReadOnlySpan<byte> content = bytes.AsSpan();
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        int first = content.IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8);
        if (first >= 0 && content[first] == (byte)'{')
        {
            return JsonGameReader.Read(content, fileName);
        }

        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return NfgReader.Read(reader, fileName);
    }
}
