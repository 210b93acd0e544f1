using System;
using System.IO;
using Spectre.Console;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// Spectre.Console over a command's writer: colours, live progress and wide tables on a terminal; plain text, no
/// progress and no wrapping when the output is redirected (CI logs, tests, pipes).
/// </summary>
internal static class TerminalConsole
{
    /// <summary>The width assumed when the output is not a terminal: wider than any table a command prints.</summary>
    public const int NonTerminalWidth = 4096;

    public static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            // No terminal to fit: tables take their natural width instead of wrapping cells at a guessed one.
            console.Profile.Width = NonTerminalWidth;
        }

        return console;
    }

    /// <summary>True when both standard streams are terminals, so a live progress bar will not garble a log.</summary>
    public static bool IsTerminal(TextWriter stdout, TextWriter stderr) =>
        ReferenceEquals(stdout, Console.Out) && ReferenceEquals(stderr, Console.Error)
        && !Console.IsOutputRedirected && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("CI") is null;
}
