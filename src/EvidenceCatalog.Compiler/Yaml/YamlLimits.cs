namespace EvidenceCatalog.Compiler.Yaml;

/// <summary>Bounds on what one catalog file may cost to load. Exceeding one is a diagnostic, never a crash.</summary>
public sealed record YamlLimits
{
    public static readonly YamlLimits Default = new();

    /// <summary>Largest file accepted, in bytes (UTF-8) or characters (already decoded text).</summary>
    public int MaxFileBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most aliases (<c>*name</c>) in one file.</summary>
    public int MaxAliases { get; init; } = 100;

    /// <summary>Most nodes in one document, counting an aliased node each time it is used.</summary>
    public int MaxExpandedNodes { get; init; } = 500_000;
}
