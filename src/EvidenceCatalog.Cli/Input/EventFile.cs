using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Commands;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Cli.Input;

/// <summary>An events input as given on the command line (a file, or <c>-</c> for standard input) and where it is.</summary>
/// <param name="Name">As given: how rejections and summaries name it.</param>
/// <param name="Path">Absolute path, or <c>-</c>.</param>
internal sealed record EventFile(string Name, string Path)
{
    public bool IsStandardInput => Path == "-";

    /// <summary>Bytes to read, for a progress bar; 0 when unknown (standard input).</summary>
    public long Size => IsStandardInput ? 0 : new FileInfo(Path).Length;

    /// <summary>The inputs, resolved against the working directory; a usage error naming the first that does not exist.</summary>
    public static IReadOnlyList<EventFile> Resolve(CommandContext context, IEnumerable<string> names)
    {
        var files = names.Select(name => new EventFile(name, CommandOptions.FullPath(context, name))).ToList();
        foreach (var file in files.Where(f => !f.IsStandardInput && !File.Exists(f.Path)))
        {
            throw new CommandInputException($"events file '{file.Name}' does not exist");
        }

        return files;
    }

    /// <summary>Opens the input for one sequential read, decompressing gzip, reporting each read's bytes to <paramref name="advance"/>.</summary>
    public Stream Open(Action<long> advance)
    {
        Stream raw = IsStandardInput
            ? Console.OpenStandardInput()
            : new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return EventInput.Decompressed(new CountingStream(raw, advance));
    }
}
