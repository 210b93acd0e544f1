namespace EvidenceCatalog.Generator.Pipeline;

/// <summary>What an AdditionalFile is to the generator, from its <c>EvidenceCatalogItem</c> metadata.</summary>
internal enum CatalogItemKind
{
    Catalog,
    Schema,
}

/// <summary>
/// An AdditionalFile the generator takes: its item kind, its path and its text. <see cref="Text"/> is null when the
/// compiler could not read the file; <see cref="Encoding"/> names the encoding it fell back to when the file is not UTF-8.
/// </summary>
internal sealed record CatalogFileInput(CatalogItemKind Item, string Path, string? Text, string? Encoding);
