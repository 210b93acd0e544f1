using System.IO;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// Summary lines in Spectre markup: coloured on a terminal; plain text, one line each and never wrapped, elsewhere.
/// </summary>
internal sealed class SummaryOutput(TextWriter writer, bool interactive)
{
    private readonly IAnsiConsole console = TerminalConsole.Create(writer, interactive);

    /// <summary>Writes a line given in markup (escape plain text with <see cref="Markup.Escape"/>).</summary>
    public void Line(string markup)
    {
        if (interactive)
        {
            console.MarkupLine(markup);
        }
        else
        {
            writer.WriteLine(Markup.Remove(markup));
        }
    }

    public void Table(IRenderable table) => console.Write(table);
}
