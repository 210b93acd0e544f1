using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Commands;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Cli.Input;

/// <summary>The events inputs given on the command line: files, or <c>-</c> for standard input.</summary>
internal static class EventInputs
{
    /// <summary>The inputs, resolved against the working directory; a usage error naming the first that does not exist.</summary>
    public static IReadOnlyList<JsonLinesInput> Resolve(CommandContext context, IEnumerable<string> names) =>
        names.Select(name => name == "-"
                ? JsonLinesInput.Stream("-", Console.OpenStandardInput)
                : File.Exists(CommandOptions.FullPath(context, name))
                    ? JsonLinesInput.File(name, context.WorkingDirectory)
                    : throw new CommandInputException($"events file '{name}' does not exist"))
            .ToList();

    /// <summary>The bytes all the inputs hold, for a progress bar; 0 when one is unknown (standard input).</summary>
    public static long TotalSize(IReadOnlyList<JsonLinesInput> inputs) => inputs.All(i => i.Size is not null) ? inputs.Sum(i => i.Size!.Value) : 0;
}
