using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace EvidenceCatalog.Runtime.Packages;

/// <summary>
/// One file of an evidence package, written when the package is: its path inside the package (<c>/</c>-separated, see
/// <see cref="PackagePath"/>), its media type for the manifest, and what writes its bytes. Every file added to a package
/// is listed in its manifest and is a subject of its signed statement, with its SHA-256; nothing else needs doing.
/// </summary>
/// <param name="Name">The path inside the package.</param>
/// <param name="MediaType">What the file is, for a person reading the manifest (<c>application/json</c>, <c>text/csv</c>, …).</param>
/// <param name="WriteAsync">Writes the file's bytes to the stream given (not to be disposed).</param>
public sealed record PackageFile(string Name, string MediaType, Func<Stream, CancellationToken, Task> WriteAsync)
{
    /// <summary>A file whose bytes are already at hand.</summary>
    public static PackageFile FromBytes(string name, string mediaType, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new PackageFile(name, mediaType, (stream, cancellationToken) => stream.WriteAsync(bytes, cancellationToken).AsTask());
    }
}

/// <summary>A file as written into a package: its path, size and SHA-256 (lower-case hex).</summary>
public sealed record PackagedFile(string Name, string MediaType, long Bytes, string Sha256);
