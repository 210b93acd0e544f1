using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Compiler.Yaml;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>
/// A folder under Fixtures/ holding catalog files and an <c>expected.txt</c>: the exact diagnostics
/// (<c>file(line,col): severity ID</c>) that compiling the sample catalogs plus the fixture's files must give.
/// Option lines in expected.txt start with <c>#!</c>: <c>base=none</c> (no sample catalogs), <c>schemas=own</c>
/// (use the fixture's schemas/ folder instead of the repository's), <c>as-of=YYYY-MM-DD</c>, <c>strict</c>,
/// <c>max-file-bytes=N</c>, <c>max-depth=N</c>, <c>max-aliases=N</c>, <c>max-nodes=N</c>.
/// </summary>
internal sealed class DiagnosticFixture
{
    private DiagnosticFixture(string name, string directory)
    {
        Name = name;
        Directory = directory;
        var lines = File.ReadAllLines(Path.Combine(directory, "expected.txt"));
        Options = lines.Where(l => l.StartsWith("#!", StringComparison.Ordinal))
            .SelectMany(l => l.Substring(2).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(o => o.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "true", StringComparer.Ordinal);
        Expected = lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
    }

    public string Name { get; }

    public string Directory { get; }

    public IReadOnlyDictionary<string, string> Options { get; }

    public IReadOnlyList<string> Expected { get; }

    public static IEnumerable<DiagnosticFixture> All() =>
        System.IO.Directory.EnumerateDirectories(RepositoryFiles.FixturesDirectory)
            .Where(d => File.Exists(Path.Combine(d, "expected.txt")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => new DiagnosticFixture(Path.GetFileName(d), d));

    public static DiagnosticFixture Named(string name) => All().Single(f => f.Name == name);

    public CompilationResult Compile()
    {
        var limits = new YamlLimits
        {
            MaxFileBytes = Int("max-file-bytes", YamlLimits.Default.MaxFileBytes),
            MaxDepth = Int("max-depth", YamlLimits.Default.MaxDepth),
            MaxAliases = Int("max-aliases", YamlLimits.Default.MaxAliases),
            MaxExpandedNodes = Int("max-nodes", YamlLimits.Default.MaxExpandedNodes),
        };
        var options = new CompilerOptions
        {
            AsOf = CalendarDate.Parse(Options.TryGetValue("as-of", out var asOf) ? asOf : "2026-11-23"),
            Strict = Options.ContainsKey("strict"),
            Limits = limits,
        };

        var schemas = Options.TryGetValue("schemas", out var own) && own == "own"
            ? SchemaSet.Load(RepositoryFiles.ReadAll(Path.Combine(Directory, "schemas"), "*.json", Directory))
            : RepositoryFiles.Schemas.Value;

        var catalogs = new List<SourceFile>();
        if (!(Options.TryGetValue("base", out var baseSet) && baseSet == "none"))
        {
            catalogs.AddRange(RepositoryFiles.SampleCatalogs());
        }

        var decodeDiagnostics = new List<CatalogDiagnostic>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.y*ml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            string display = Path.GetRelativePath(Directory, path).Replace('\\', '/');
            var file = SourceDecoder.Decode(display, File.ReadAllBytes(path), limits, out var problem);
            if (file is not null)
            {
                catalogs.Add(file);
            }
            else
            {
                decodeDiagnostics.Add(problem!);
            }
        }

        return CatalogCompiler.Compile(catalogs, schemas, options, decodeDiagnostics);
    }

    /// <summary>A diagnostic in the form expected.txt uses.</summary>
    public static string Format(CatalogDiagnostic d) =>
        string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3} {4}", d.FilePath, d.Span.StartLine, d.Span.StartColumn, d.IsError ? "error" : "warning", d.Id);

    private int Int(string name, int fallback) => Options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public override string ToString() => Name;
}
