using System.Globalization;
using NashFast.Games;
using Spectre.Console;

namespace NashFast.Cli;

/// <summary>Printing helpers shared by the commands.</summary>
internal static class Output
{
    /// <summary>A Spectre console writing to <paramref name="writer"/>; plain text unless it is the real terminal.</summary>
    public static IAnsiConsole Console(TextWriter writer)
    {
        bool terminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            // Redirected output has no width; wide enough that tables of up to ~10 strategies do not wrap.
            console.Profile.Width = 240;
        }

        return console;
    }

    /// <summary>A probability or payoff for people: exact fractions as they are, doubles to 10 significant digits.</summary>
    public static string Number(double value) => (value == 0 ? 0.0 : value).ToString("G10", CultureInfo.InvariantCulture);

    /// <summary>A vector as <c>(a, b, c)</c>.</summary>
    public static string Vector(double[] values) => "(" + string.Join(", ", Array.ConvertAll(values, Number)) + ")";

    /// <summary>An exact vector as <c>(1/2, 1/2)</c>.</summary>
    public static string Vector(Rational[] values) => "(" + string.Join(", ", Array.ConvertAll(values, v => v.ToString())) + ")";
}
