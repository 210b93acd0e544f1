namespace EvidenceCatalog.Generator;

/// <summary>The name of every step of the generator's pipeline, so tests can assert what ran and what was cached.</summary>
public static class TrackingNames
{
    /// <summary>Each AdditionalFile marked as a catalog or a schema, with its text.</summary>
    public const string InputFiles = nameof(InputFiles);

    /// <summary>One catalog file as a <c>SourceFile</c>.</summary>
    public const string CatalogFiles = nameof(CatalogFiles);

    /// <summary>All schema files, as one equatable set.</summary>
    public const string SchemaSet = nameof(SchemaSet);

    /// <summary>The build properties the generator reads.</summary>
    public const string Options = nameof(Options);

    /// <summary>One catalog file loaded and schema-validated on its own.</summary>
    public const string LoadedCatalogFile = nameof(LoadedCatalogFile);

    /// <summary>The cross-file checks and the joined model.</summary>
    public const string LinkedCatalog = nameof(LinkedCatalog);

    /// <summary>The emission model (names and literals) and the naming diagnostics.</summary>
    public const string Emission = nameof(Emission);

    /// <summary>The emission model alone: what the source output depends on.</summary>
    public const string SourceModel = nameof(SourceModel);

    /// <summary>Every diagnostic to report, alone: what the diagnostics output depends on.</summary>
    public const string Diagnostics = nameof(Diagnostics);
}
