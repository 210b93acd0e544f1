using System;
using System.Linq;
using System.Threading;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Pipeline;

/// <summary>
/// The schema files, equal when their paths and texts are equal. The <see cref="SchemaSet"/> (NJsonSchema objects,
/// not equatable) is built once per distinct set, on first use, and takes no part in equality.
/// With no schema files the schemas shipped inside the compiler are used, as <c>evidence validate</c> does.
/// </summary>
internal sealed class SchemaSetInput : IEquatable<SchemaSetInput>
{
    private readonly Lazy<SchemaSet> schemas;

    public SchemaSetInput(EquatableArray<SourceFile> files)
    {
        Files = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray();
        var sorted = Files;
        schemas = new Lazy<SchemaSet>(() => sorted.Count == 0 ? SchemaSet.Embedded : SchemaSet.Load(sorted), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public EquatableArray<SourceFile> Files { get; }

    public SchemaSet Schemas => schemas.Value;

    public bool Equals(SchemaSetInput? other) => other is not null && Files.Equals(other.Files);

    public override bool Equals(object? obj) => Equals(obj as SchemaSetInput);

    public override int GetHashCode() => Files.GetHashCode();
}
