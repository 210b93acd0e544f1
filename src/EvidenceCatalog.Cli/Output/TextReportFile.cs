using System;
using System.IO;
using System.Text;
using EvidenceCatalog.Cli.Commands;

namespace EvidenceCatalog.Cli.Output;

/// <summary>Where a checking command's report goes: standard output, or the <c>--output</c> file (UTF-8, LF) with the summary line on standard output.</summary>
internal static class TextReportFile
{
    /// <exception cref="CommandInputException">The file cannot be written.</exception>
    public static void Write(CommandContext context, string? outputPath, Action<TextWriter> write, string summaryLine)
    {
        if (outputPath is null)
        {
            write(context.Output);
            return;
        }

        string fullPath = Path.GetFullPath(outputPath, context.WorkingDirectory);
        try
        {
            if (Path.GetDirectoryName(fullPath) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            using var file = new StreamWriter(fullPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
            write(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandInputException("cannot write '" + outputPath + "': " + EvidenceCli.OneLine(exception.Message), exception);
        }

        context.Output.WriteLine(summaryLine);
    }
}
