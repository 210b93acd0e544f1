using System;
using System.IO;
using System.Linq;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Cli.Caching;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Yaml;
using EvidenceCatalog.Model;
using Xunit;
using static EvidenceCatalog.Cli.Tests.Infrastructure.SourceFiles;

namespace EvidenceCatalog.Cli.Tests.Caching;

/// <summary>
/// The compiled-catalog cache (<see cref="CompiledCatalogCache"/>): a key for every input the compilation reads, entries
/// that load only when whole and under their own key, a bounded folder, and, through the commands, the same results as
/// compiling, with a catalog changed after it was cached compiled again.
/// </summary>
public sealed class CompiledCatalogCacheTests : IDisposable
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private static readonly CompilerOptions Options = new() { AsOf = new CalendarDate(2026, 11, 23) };
    private static readonly SourceFile[] Files = [new("catalogs/a.yaml", "kind: events\n"), new("catalogs/b.yaml", "kind: controls\n")];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "evidence-catalog-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static CatalogModel Sample => GeneratedEvidenceCatalog.Instance.Model;

    private string[] Entries() => Directory.Exists(folder) ? Directory.GetFiles(folder) : [];

    [Fact]
    public void The_key_changes_with_every_input_of_the_compilation_and_only_with_them()
    {
        string key = CompiledCatalogCache.Key(Files, Options);

        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(key, CompiledCatalogCache.Key([.. Files.Select(f => f with { })], Options with { }));
        string[] others =
        [
            CompiledCatalogCache.Key([Files[0] with { Text = "kind: events \n" }, Files[1]], Options),
            CompiledCatalogCache.Key([Files[0] with { Path = "catalogs/c.yaml" }, Files[1]], Options),
            CompiledCatalogCache.Key([Files[1], Files[0]], Options),
            CompiledCatalogCache.Key([Files[0]], Options),
            CompiledCatalogCache.Key([new("catalogs/a.yaml", "kind: events\ncatalogs/b.yaml"), new("", "kind: controls\n")], Options),
            CompiledCatalogCache.Key(Files, Options with { AsOf = new CalendarDate(2026, 11, 24) }),
            CompiledCatalogCache.Key(Files, Options with { AsOf = null }),
            CompiledCatalogCache.Key(Files, Options with { Strict = true }),
            CompiledCatalogCache.Key(Files, Options with { Limits = YamlLimits.Default with { MaxDepth = 63 } }),
            CompiledCatalogCache.Key([Files[0] with { Text = "kind: events\uD800\n" }, Files[1]], Options),
            CompiledCatalogCache.Key([Files[0] with { Text = "kind: events\uFFFD\n" }, Files[1]], Options),
        ];
        Assert.DoesNotContain(key, others);
        Assert.Equal(others.Length, others.Distinct().Count());
    }

    [Fact]
    public void A_stored_model_loads_equal_under_its_key_and_no_other()
    {
        var cache = new CompiledCatalogCache(folder);
        string key = CompiledCatalogCache.Key(Files, Options);

        Assert.Null(cache.TryLoad(key));
        cache.Store(key, Sample);

        Assert.Equal(Sample, cache.TryLoad(key));
        Assert.Null(cache.TryLoad(CompiledCatalogCache.Key([Files[0]], Options)));
    }

    [Fact]
    public void An_entry_moved_under_another_key_cut_short_or_changed_is_a_miss()
    {
        var cache = new CompiledCatalogCache(folder);
        string key = CompiledCatalogCache.Key(Files, Options);
        string other = CompiledCatalogCache.Key([Files[0]], Options);
        cache.Store(key, Sample);
        string entry = Assert.Single(Entries());
        byte[] bytes = File.ReadAllBytes(entry);

        File.Copy(entry, Path.Combine(folder, other + Path.GetExtension(entry)));
        Assert.Null(cache.TryLoad(other));

        File.WriteAllBytes(entry, bytes[..(bytes.Length / 2)]);
        Assert.Null(cache.TryLoad(key));

        // A changed character of a name: whole bytes, but no longer the ones whose SHA-256 is stored with them.
        string text = new(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(bytes));
        int at = text.IndexOf("Access enforcement", StringComparison.Ordinal);
        Assert.True(at > 0);
        bytes[(at * 2) + 1] ^= 0x01;
        File.WriteAllBytes(entry, bytes);
        Assert.Null(cache.TryLoad(key));

        File.WriteAllText(entry, "not an entry");
        Assert.Null(cache.TryLoad(key));
    }

    [Fact]
    public void A_folder_that_cannot_be_made_stores_nothing_and_finds_nothing()
    {
        Directory.CreateDirectory(folder);
        string blocked = Path.Combine(folder, "a-file");
        File.WriteAllText(blocked, "in the way");
        var cache = new CompiledCatalogCache(Path.Combine(blocked, "catalogs"));
        string key = CompiledCatalogCache.Key(Files, Options);

        cache.Store(key, Sample);

        Assert.Null(cache.TryLoad(key));
    }

    [Fact]
    public void The_folder_keeps_the_most_recently_used_entries()
    {
        var cache = new CompiledCatalogCache(folder);
        string[] keys = [.. Enumerable.Range(0, CompiledCatalogCache.Kept + 1).Select(i => CompiledCatalogCache.Key([new("catalogs/a.yaml", i.ToString(System.Globalization.CultureInfo.InvariantCulture))], Options))];
        var empty = CatalogModel.Empty;
        for (int i = 0; i < CompiledCatalogCache.Kept; i++)
        {
            cache.Store(keys[i], empty);
            File.SetLastWriteTimeUtc(Path.Combine(folder, keys[i] + ".model"), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i));
        }

        // Using the oldest makes it the newest: the second oldest goes when one more is stored.
        Assert.NotNull(cache.TryLoad(keys[0]));
        cache.Store(keys[^1], empty);

        Assert.Equal(CompiledCatalogCache.Kept, Entries().Length);
        Assert.NotNull(cache.TryLoad(keys[0]));
        Assert.Null(cache.TryLoad(keys[1]));
        Assert.NotNull(cache.TryLoad(keys[^1]));
    }

    [Fact]
    public void Off_or_a_folder_from_the_environment()
    {
        Assert.Null(UserCache.Folder("off", "catalogs"));
        Assert.Null(UserCache.Folder("0", "catalogs"));
        Assert.Equal(Path.GetFullPath(folder), UserCache.Folder(folder, "catalogs"));
        Assert.EndsWith(Path.Combine("evidence", "catalogs"), UserCache.Folder(null, "catalogs"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_process_keeps_its_cache_in_the_user_cache_folder_and_off_keeps_none()
    {
        var byDefault = Process(("XDG_CACHE_HOME", Path.Combine(folder, "cache")), (CompiledCatalogCache.Variable, null));
        var again = Process(("XDG_CACHE_HOME", Path.Combine(folder, "cache")), (CompiledCatalogCache.Variable, null));
        var elsewhere = Process((CompiledCatalogCache.Variable, Path.Combine(folder, "elsewhere")));
        var off = Process(("XDG_CACHE_HOME", Path.Combine(folder, "off")), (CompiledCatalogCache.Variable, "off"));

        Assert.Equal(0, byDefault.ExitCode);
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "cache", "evidence", "catalogs")));
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "elsewhere")));
        Assert.False(Directory.Exists(Path.Combine(folder, "off")));
        Assert.Equal(byDefault, again);
        Assert.Equal(byDefault, elsewhere);
        Assert.Equal(byDefault, off);
    }

    /// <summary>The <c>evidence</c> process itself, with the repository's catalogs, start-up profiles off.</summary>
    private static (int ExitCode, string Stdout, string Stderr) Process(params (string Name, string? Value)[] environment)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "evidence.dll"), "sources", "list", "--catalogs", RepositoryRoot.Catalogs })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["EVIDENCE_STARTUP_PROFILE"] = "off";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return ChildProcess.Run(start);
    }

    private CliResult Coverage(CatalogWorkspace workspace) =>
        Evidence.RunWithCatalogCache(
            workspace.Path, Clock, folder, "sources", "coverage", "--source", "aws-cloudtrail", Sample(CloudTrail), "--catalogs", CatalogWorkspace.SourceCatalogs);

    [Fact]
    public void A_command_run_again_loads_the_model_it_stored_and_prints_the_same()
    {
        using var workspace = CatalogWorkspace.WithTestSources();

        var first = Coverage(workspace);
        string entry = Assert.Single(Entries());
        var second = Coverage(workspace);
        var compiled = Evidence.Run(workspace.Path, Clock, "sources", "coverage", "--source", "aws-cloudtrail", Sample(CloudTrail), "--catalogs", CatalogWorkspace.SourceCatalogs);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first, second);
        Assert.Equal(compiled, second);
        Assert.Equal([entry], Entries());

        // What the second run printed came from the entry: one whose model names the source otherwise is used as it is.
        var cache = new CompiledCatalogCache(folder);
        string key = Path.GetFileNameWithoutExtension(entry);
        var model = cache.TryLoad(key)!;
        cache.Store(key, model with { Sources = new([.. model.Sources.Select(s => s.Id == "aws-cloudtrail" ? s with { Name = "Cached CloudTrail" } : s)]) });
        Assert.StartsWith("Cached CloudTrail (aws-cloudtrail): ", Coverage(workspace).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_changed_after_it_was_cached_is_compiled_again_errors_and_all()
    {
        using var workspace = CatalogWorkspace.WithTestSources();
        string sources = workspace.Combine(Path.Combine(CatalogWorkspace.SourceCatalogs, "sources", "test-sources.yaml"));
        string original = File.ReadAllText(sources);
        Assert.Equal(0, Coverage(workspace).ExitCode);

        File.WriteAllText(sources, original.Replace("name: AWS CloudTrail", "name: AWS CloudTrail (edited)", StringComparison.Ordinal));
        var edited = Coverage(workspace);
        File.WriteAllText(sources, original.Replace("type: auth.login", "type: auth.logn", StringComparison.Ordinal));
        var broken = Coverage(workspace);
        File.WriteAllText(sources, original);
        var restored = Coverage(workspace);

        Assert.StartsWith("AWS CloudTrail (edited) (aws-cloudtrail): ", edited.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("error EC", broken.Stderr, StringComparison.Ordinal);
        Assert.Contains("auth.logn", broken.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("AWS CloudTrail (aws-cloudtrail): ", restored.Stdout, StringComparison.Ordinal);
        // The original and the edit are kept; the catalog with errors is never stored.
        Assert.Equal(2, Entries().Length);
    }
}
