using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using EvidenceCatalog.Cli.Commands;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Compiler.Yaml;

namespace EvidenceCatalog.Cli.Input;

/// <summary>The decoded files, and a diagnostic for each file that could not be decoded (it is left out of the files).</summary>
internal sealed record DecodedSources(ImmutableArray<SourceFile> Files, ImmutableArray<CatalogDiagnostic> Diagnostics);

/// <summary>Reads files as bytes and decodes them strictly. A file that is not text is a diagnostic; a file that cannot be read stops the command.</summary>
internal static class SourceFileReader
{
    public static DecodedSources Read(IEnumerable<DiscoveredFile> files, YamlLimits limits)
    {
        var decoded = ImmutableArray.CreateBuilder<SourceFile>();
        var diagnostics = ImmutableArray.CreateBuilder<CatalogDiagnostic>();
        foreach (var file in files)
        {
            if (ReadOne(file, limits, out var diagnostic) is { } source)
            {
                decoded.Add(source);
            }
            else if (diagnostic is not null)
            {
                diagnostics.Add(diagnostic);
            }
        }

        return new DecodedSources(decoded.ToImmutable(), diagnostics.ToImmutable());
    }

    private static SourceFile? ReadOne(DiscoveredFile file, YamlLimits limits, out CatalogDiagnostic? diagnostic)
    {
        try
        {
            // Checked before reading, so that a huge file costs nothing.
            diagnostic = SourceDecoder.CheckSize(file.DisplayPath, new FileInfo(file.FullPath).Length, limits);
            if (diagnostic is not null)
            {
                return null;
            }

            byte[] bytes = File.ReadAllBytes(file.FullPath);
            return SourceDecoder.Decode(file.DisplayPath, bytes, limits, out diagnostic);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandInputException("cannot read '" + file.DisplayPath + "': " + EvidenceCli.OneLine(exception.Message), exception);
        }
    }
}
