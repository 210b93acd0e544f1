using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;
using EvidenceCatalog.Compiler.Reading;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Compiler.Yaml;
using Newtonsoft.Json.Linq;

namespace EvidenceCatalog.Compiler;

/// <summary>The per-file steps: safe YAML load, then schema validation, then reading the file's part of the model.</summary>
public static class CatalogFileLoader
{
    public static LoadedCatalogFile Load(SourceFile file, SchemaSet schemas, YamlLimits limits)
    {
        var diagnostics = new List<CatalogDiagnostic>();
        string? kind = null;
        CatalogFragment? fragment = null;
        var spans = SourceMap.Empty;

        var root = YamlLoader.Load(file, limits, diagnostics);
        if (root is not null)
        {
            kind = KindOf(file.Path, root, schemas, diagnostics);
            var schema = kind is null ? null : schemas.ForKind(kind);
            if (schema is not null)
            {
                var result = CatalogValidator.Validate(file.Path, root, schema, schemas.Patterns, diagnostics);
                var map = result.Spans.Select(s => new SourceMapEntry(s.Key, s.Value)).ToList();
                spans = new SourceMap(map.ToEquatableArray());
                if (result.Valid && !diagnostics.Any(d => d.IsError))
                {
                    fragment = Read(file.Path, kind!, result.Json, diagnostics);
                }
                else if (ValidEntries.Keep(file.Path, result.Json, map, diagnostics) is { } valid)
                {
                    // The entries without errors still enter the model, so one broken entry leaves the others usable.
                    spans = new SourceMap(valid.Spans.ToEquatableArray());
                    fragment = Read(file.Path, kind!, valid.Json, diagnostics);
                }
            }
        }

        return new LoadedCatalogFile(file.Path, kind, fragment, spans, diagnostics.ToEquatableArray());
    }

    private static CatalogFragment? Read(string path, string kind, JToken json, List<CatalogDiagnostic> diagnostics)
    {
        try
        {
            return CatalogFragmentReader.Read(kind, json);
        }
        catch (Exception ex) when (ex is OverflowException or InvalidCastException or ArgumentException or FormatException)
        {
            // Only a schema that leaves a value unbounded (an integer without 'maximum') can get here.
            diagnostics.Add(CatalogDiagnostic.Create(DiagnosticDescriptors.ConstraintViolated, path, SourceSpan.FileStart, "A value", "cannot be represented: " + ex.Message));
            return null;
        }
    }

    private static string? KindOf(string path, YamlNode root, SchemaSet schemas, List<CatalogDiagnostic> diagnostics)
    {
        string known = schemas.Kinds.IsEmpty ? "(none: no schema could be loaded, see the schema diagnostics)" : string.Join(", ", schemas.Kinds);
        if (root is not YamlMapping mapping || mapping["kind"] is not YamlScalar { Value.Length: > 0 } kind)
        {
            // An empty document ('---' alone) has a root of no extent: point at the file's start.
            var at = root is YamlMapping m && m["kind"] is { } node ? node.Span : root is YamlScalar { Value.Length: 0 } ? SourceSpan.FileStart : root.Span;
            diagnostics.Add(CatalogDiagnostic.Create(DiagnosticDescriptors.MissingKind, path, at, known));
            return null;
        }

        if (schemas.ForKind(kind.Value) is null)
        {
            diagnostics.Add(CatalogDiagnostic.Create(DiagnosticDescriptors.UnknownKind, path, kind.Span, kind.Value, known));
            return null;
        }

        return kind.Value;
    }

    /// <summary>A file that could not even be read as text: it takes part in the compilation only through its diagnostic.</summary>
    public static LoadedCatalogFile Unreadable(CatalogDiagnostic problem) =>
        new(problem.FilePath, null, null, SourceMap.Empty, new[] { problem }.ToEquatableArray());
}
