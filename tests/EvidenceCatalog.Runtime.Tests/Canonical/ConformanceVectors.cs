using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EvidenceCatalog.Runtime.Tests.Canonical;

/// <summary>
/// The published RFC 8785 vectors in <c>shared/conformance/jcs</c>, found by walking up from the test binaries (the
/// folder sits beside the checkout, which CI clones under another name).
/// </summary>
internal static class ConformanceVectors
{
    private static readonly Lazy<string?> Folder = new(() => Infrastructure.SharedFolder.Find(System.IO.Path.Combine("conformance", "jcs")));

    /// <summary>What the theory gets when the folder is missing, so that it fails rather than runs no case.</summary>
    public const string MissingFolder = "(conformance folder not found)";

    public static string MissingMessage => "No ancestor of " + AppContext.BaseDirectory + " has shared/conformance/jcs; the RFC 8785 vectors are required.";

    public static string Path => Folder.Value ?? throw new InvalidOperationException(MissingMessage);

    public static IEnumerable<object[]> Names()
    {
        if (Folder.Value is null)
        {
            return [[MissingFolder]];
        }

        return Directory.GetFiles(System.IO.Path.Combine(Folder.Value, "input"), "*.json")
            .Select(System.IO.Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .Select(name => new object[] { name! });
    }

    public static byte[] Input(string name) => File.ReadAllBytes(System.IO.Path.Combine(Path, "input", name + ".json"));

    public static byte[] Output(string name) => File.ReadAllBytes(System.IO.Path.Combine(Path, "output", name + ".json"));
}
