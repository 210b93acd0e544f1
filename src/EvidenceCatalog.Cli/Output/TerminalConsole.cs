using System;
using System.IO;
using Spectre.Console;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// Spectre.Console over a command's writer: colours, live progress and wide tables on a terminal; plain text, no
/// progress and a fixed width when the output is redirected (CI logs, tests, pipes).
/// </summary>
internal static class TerminalConsole
{
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
            console.Profile.Width = 120;
        }

        return console;
    }

    /// <summary>True when both standard streams are terminals, so a live progress bar will not garble a log.</summary>
    public static bool IsTerminal(TextWriter stdout, TextWriter stderr) =>
        ReferenceEquals(stdout, Console.Out) && ReferenceEquals(stderr, Console.Error)
        && !Console.IsOutputRedirected && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("CI") is null;
}
