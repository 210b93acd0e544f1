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

/// <summary>
/// Reads files as bytes, at most the size limit of each whatever length it reports, and decodes them strictly. A file
/// that is too large or not text is a diagnostic; a file that cannot be read stops the command.
/// </summary>
internal static class SourceFileReader
{
    private const int ChunkBytes = 81920;

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

    /// <summary>
    /// All of <paramref name="stream"/> when it holds at most <paramref name="limit"/> bytes; else null, with
    /// <paramref name="seen"/> the bytes read before stopping (one more than the limit). Never trusts a length.
    /// </summary>
    internal static byte[]? ReadAtMost(Stream stream, int limit, out long seen)
    {
        using var content = new MemoryStream();
        byte[] chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, (long)limit + 1 - content.Length))) > 0)
        {
            content.Write(chunk, 0, read);
            if (content.Length > limit)
            {
                seen = content.Length;
                return null;
            }
        }

        seen = content.Length;
        return content.ToArray();
    }

    private static SourceFile? ReadOne(DiscoveredFile file, YamlLimits limits, out CatalogDiagnostic? diagnostic)
    {
        try
        {
            switch (FileTypes.Of(file.FullPath))
            {
                case FileType.EmptyOrSpecial:
                    // Where the type cannot be asked, an entry of no length is never opened: it may be a pipe or a device.
                    return SourceDecoder.Decode(file.DisplayPath, [], limits, out diagnostic);
                case FileType.Regular:
                    break;
                case var changed:
                    throw new CommandInputException("'" + file.DisplayPath + "' is now " + FileTypes.InWords(changed) + ", no longer a regular file");
            }

            // Checked before reading, so that a huge file costs nothing.
            long reported = new FileInfo(file.FullPath).Length;
            diagnostic = SourceDecoder.CheckSize(file.DisplayPath, reported, limits);
            if (diagnostic is not null)
            {
                return null;
            }

            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            byte[]? bytes = ReadAtMost(stream, limits.MaxFileBytes, out long seen);
            if (bytes is null)
            {
                // It grew while being read, or reported less than it holds.
                diagnostic = SourceDecoder.CheckSize(file.DisplayPath, Math.Max(seen, reported), limits);
                return null;
            }

            return SourceDecoder.Decode(file.DisplayPath, bytes, limits, out diagnostic);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandInputException("cannot read '" + file.DisplayPath + "': " + EvidenceCli.OneLine(exception.Message), exception);
        }
    }
}
