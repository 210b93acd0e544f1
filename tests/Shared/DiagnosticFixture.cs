using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Compiler.Yaml;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Tests.Shared;

/// <summary>
/// A folder under a test project's Fixtures/ holding catalog files and an <c>expected.txt</c>: the exact diagnostics
/// (<c>file(line,col): severity ID</c>) that compiling the sample catalogs plus the fixture's files must give.
/// Option lines in expected.txt start with <c>#!</c>: <c>base=none</c> (no sample catalogs), <c>schemas=own</c>
/// (use the fixture's schemas/ folder instead of the repository's), <c>as-of=YYYY-MM-DD</c>, <c>strict</c>,
/// <c>max-file-bytes=N</c>, <c>max-depth=N</c>, <c>max-aliases=N</c>, <c>max-nodes=N</c>; a generator fixture may also set
/// build properties (<c>EvidenceCatalogAsOf=...</c>) and list an AdditionalFiles item with no file (<c>missing=PATH</c>);
/// a folder fixture makes a symbolic link (<c>symlink=PATH-&gt;TARGET</c>) or a named pipe (<c>fifo=PATH</c>) in its catalogs folder.
/// Shared by the compiler's and the generator's tests (linked into both), so that both run a fixture the same way.
/// </summary>
internal sealed class DiagnosticFixture
{
    public static readonly string RepositoryRoot = FindRoot();

    private static readonly Lazy<SchemaSet> RepositorySchemas = new(() => SchemaSet.Load(ReadText(Path.Combine(RepositoryRoot, "schemas"), "*.json", RepositoryRoot)));

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

    /// <summary>The compiler's fixtures: every diagnostic the compiler reports.</summary>
    public static string CompilerFixtures => Path.Combine(RepositoryRoot, "tests", "EvidenceCatalog.Compiler.Tests", "Fixtures");

    /// <summary>The fixtures of a catalogs folder made on disk at run time (see FolderFixture), checked by <c>evidence validate</c>.</summary>
    public static string FolderFixtures => Path.Combine(RepositoryRoot, "tests", "EvidenceCatalog.Cli.Tests", "Fixtures");

    /// <summary>The generator's fixtures: the diagnostics only a build reports (EC5xxx).</summary>
    public static string GeneratorFixtures => Path.Combine(RepositoryRoot, "tests", "EvidenceCatalog.Generator.Tests", "Fixtures");

    public string Name { get; }

    public string Directory { get; }

    public IReadOnlyDictionary<string, string> Options { get; }

    public IReadOnlyList<string> Expected { get; }

    public CalendarDate AsOf => CalendarDate.Parse(Options.TryGetValue("as-of", out var asOf) ? asOf : "2026-11-23");

    public bool Strict => Options.ContainsKey("strict");

    public bool OwnSchemas => Options.TryGetValue("schemas", out var own) && own == "own";

    public bool WithSampleCatalogs => !(Options.TryGetValue("base", out var baseSet) && baseSet == "none");

    /// <summary>Whether the fixture changes the YAML limits, which a build cannot (the generator uses the defaults).</summary>
    public bool ChangesLimits => Options.Keys.Any(k => k.StartsWith("max-", StringComparison.Ordinal));

    public YamlLimits Limits => new()
    {
        MaxFileBytes = Int("max-file-bytes", YamlLimits.Default.MaxFileBytes),
        MaxDepth = Int("max-depth", YamlLimits.Default.MaxDepth),
        MaxAliases = Int("max-aliases", YamlLimits.Default.MaxAliases),
        MaxExpandedNodes = Int("max-nodes", YamlLimits.Default.MaxExpandedNodes),
    };

    public static IEnumerable<DiagnosticFixture> All(string fixturesDirectory) =>
        System.IO.Directory.EnumerateDirectories(fixturesDirectory)
            .Where(d => File.Exists(Path.Combine(d, "expected.txt")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => new DiagnosticFixture(Path.GetFileName(d), d));

    public static IEnumerable<DiagnosticFixture> All() => All(CompilerFixtures);

    public static DiagnosticFixture Named(string name) => All().Single(f => f.Name == name);

    /// <summary>The directory's fixture of this name, compiler's or generator's.</summary>
    public static DiagnosticFixture At(string directory) => new(Path.GetFileName(directory.TrimEnd('/', '\\')), directory);

    /// <summary>The repository's sample catalogs when the fixture compiles beside them, else none.</summary>
    public IReadOnlyList<SourceFile> SampleCatalogs() =>
        WithSampleCatalogs ? ReadText(Path.Combine(RepositoryRoot, "catalogs"), "*.yaml", RepositoryRoot) : [];

    /// <summary>The fixture's own catalog files, as bytes: some are not UTF-8 on purpose.</summary>
    public IReadOnlyList<(string Path, byte[] Bytes)> OwnCatalogFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.y*ml", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Relative(Directory, p), File.ReadAllBytes(p)))
            .ToList();

    /// <summary>The schema files the fixture is validated against: its own schemas/ folder, or the repository's.</summary>
    public IReadOnlyList<SourceFile> SchemaFiles() =>
        OwnSchemas ? ReadText(Path.Combine(Directory, "schemas"), "*.json", Directory) : ReadText(Path.Combine(RepositoryRoot, "schemas"), "*.json", RepositoryRoot);

    /// <summary>Compiles the fixture as <c>evidence validate</c> does: each file decoded strictly, then the whole compilation.</summary>
    public CompilationResult Compile()
    {
        var limits = Limits;
        var options = new CompilerOptions { AsOf = AsOf, Strict = Strict, Limits = limits };
        var schemas = OwnSchemas ? SchemaSet.Load(SchemaFiles()) : RepositorySchemas.Value;

        var catalogs = new List<SourceFile>(SampleCatalogs());
        var decodeDiagnostics = new List<CatalogDiagnostic>();
        foreach (var (path, bytes) in OwnCatalogFiles())
        {
            var file = SourceDecoder.Decode(path, bytes, limits, out var problem);
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

    public override string ToString() => Name;

    private static IReadOnlyList<SourceFile> ReadText(string directory, string pattern, string relativeTo) =>
        System.IO.Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SourceFile(Relative(relativeTo, p), File.ReadAllText(p)))
            .ToList();

    private static string Relative(string relativeTo, string path) => Path.GetRelativePath(relativeTo, path).Replace('\\', '/');

    private int Int(string name, int fallback) => Options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EvidenceCatalog.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EvidenceCatalog.sln not found above " + AppContext.BaseDirectory);
    }
}
