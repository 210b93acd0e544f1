using System;

namespace EvidenceCatalog.Runtime.Access.Imports;

/// <summary>One export to import.</summary>
/// <param name="Format">What the file holds.</param>
/// <param name="Path">Where it is.</param>
/// <param name="Name">How messages name it: never an absolute path (default: its file name).</param>
public sealed record AccessImportInput(AccessImportFormat Format, string Path, string Name)
{
    public static AccessImportInput FromFile(AccessImportFormat format, string path, string? name = null) =>
        new(format, path ?? throw new ArgumentNullException(nameof(path)), name ?? System.IO.Path.GetFileName(path));
}
