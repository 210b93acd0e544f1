using System;
using System.IO;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// The real-world-shaped records of <c>shared/samples/source-events</c> (see its NOTICE.md), found by walking up from
/// the test binaries (the folder sits beside the checkout, which CI clones under another name); never copied here.
/// </summary>
internal static class SourceSamples
{
    private static readonly Lazy<string?> Folder = new(() => Infrastructure.SharedFolder.Find(System.IO.Path.Combine("samples", "source-events")));

    public static string Path => Folder.Value
        ?? throw new InvalidOperationException("No ancestor of " + AppContext.BaseDirectory + " has shared/samples/source-events; the source samples are required.");

    public static byte[] Read(string file) => File.ReadAllBytes(System.IO.Path.Combine(Path, file));
}
