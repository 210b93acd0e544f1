namespace EvidenceCatalog.Compiler;

/// <summary>A file handed to the compiler: its path as diagnostics should show it, and its decoded text.</summary>
public sealed record SourceFile(string Path, string Text);
