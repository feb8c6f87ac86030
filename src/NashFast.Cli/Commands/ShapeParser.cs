using System.Globalization;

namespace NashFast.Cli.Commands;

/// <summary>Parses "MxN" shapes ("2x2", "3x4").</summary>
internal static class ShapeParser
{
    public static bool TryParse(string? text, out int rows, out int columns)
    {
        rows = columns = 0;
        if (text is null)
        {
            return false;
        }

        int x = text.IndexOfAny(['x', 'X', '×']);
        return x > 0
            && int.TryParse(text.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out rows)
            && int.TryParse(text.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out columns)
            && rows >= 1 && columns >= 1 && (long)rows * columns <= NashFast.Games.BimatrixGame.MaxEntries;
    }
}
