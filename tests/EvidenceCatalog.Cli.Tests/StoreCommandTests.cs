using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Xunit;
using static EvidenceCatalog.Cli.Tests.ReportCommandTests;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>evidence store init</c>: creates or migrates a store's schema, one line on what it did (exit 0) or why the store
/// cannot be used (exit 2); and <c>ingest</c>/<c>report --store</c> with a PostgreSQL location.
/// </summary>
public sealed class StoreCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("evidence.db", "evidence.db")]
    [InlineData("sqlite:stores/evidence.db", "stores/evidence.db")]
    public void Init_creates_a_sqlite_store_once(string spec, string file)
    {
        using var workspace = CatalogWorkspace.Empty();

        var first = Evidence.Run(workspace.Path, Clock, "store", "init", "--store", spec);
        var again = Evidence.Run(workspace.Path, Clock, "store", "init", "--store", spec);

        Assert.Equal((0, $"event store {spec}: created schema version 2\n", string.Empty), (first.ExitCode, first.Stdout, first.Stderr));
        Assert.Equal((0, $"event store {spec}: schema version 2, already current\n"), (again.ExitCode, again.Stdout));
        Assert.True(File.Exists(workspace.Combine(file)));
    }

    [Theory]
    [InlineData("mysql:Host=db", "evidence: unknown event store kind 'mysql'; give sqlite:PATH")]
    [InlineData("postgres:Hots=db", "evidence: 'postgres:…' is not a valid PostgreSQL connection string: ")]
    [InlineData("notes.txt", "evidence: '")]
    [InlineData("postgres:Host=127.0.0.1;Port=1;Username=evidence;Password=hidden;Timeout=3", "evidence: cannot use event store 'postgres:Host=127.0.0.1;Port=1;Username=evidence;Timeout=3': ")]
    [InlineData("postgres:Host=127.0.0.1;Port=1;Password=\"x\"\"hidden;y\";Timeout=3", "evidence: cannot use event store 'postgres:Host=127.0.0.1;Port=1;Timeout=3': ")]
    [InlineData("postgres:Host=127.0.0.1;Port=1;PWD='x''hidden;y';Timeout=3;SSL Password=hidden", "evidence: cannot use event store 'postgres:Host=127.0.0.1;Port=1;Timeout=3': ")]
    [InlineData("postgres:Hots=db;Password=\"x\"\"hidden;y\"", "evidence: 'postgres:…' is not a valid PostgreSQL connection string: ")]
    public void An_unusable_store_exits_2_with_one_line(string spec, string start)
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddText("notes.txt", new string('x', 4096));

        var result = Evidence.Run(workspace.Path, Clock, "store", "init", "--store", spec);

        Assert.Equal((2, string.Empty), (result.ExitCode, result.Stdout));
        Assert.StartsWith(start, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("hidden", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Store_without_a_subcommand_or_location_is_a_usage_error()
    {
        using var workspace = CatalogWorkspace.Empty();

        Assert.Equal(2, Evidence.Run(workspace.Path, Clock, "store").ExitCode);
        Assert.Equal(2, Evidence.Run(workspace.Path, Clock, "store", "init").ExitCode);
    }

    [PostgresFact]
    public async Task Init_ingest_and_report_work_on_postgres_as_on_sqlite()
    {
        await using var schema = await PostgresTestDatabase.CreateSchemaAsync();
        using var workspace = WithEvents(Enumerable.Range(0, 50).Select(i => Line("e" + i, $"2026-03-{1 + (i % 28):D2}T{i % 24:D2}:00:00Z", outcome: i % 3 == 0 ? "deny" : "allow")).ToArray());

        // Trust authentication ignores the password; it must still appear nowhere.
        string spec = schema.StoreSpec + ";Password=\"top\"\"Zq7Secret;x\"";
        var init = Evidence.Run(workspace.Path, Clock, "store", "init", "--store", spec);
        var ingest = Evidence.Run(workspace.Path, Clock, "ingest", "--store", spec, "events.jsonl");
        var again = Evidence.Run(workspace.Path, Clock, "ingest", "--store", spec, "events.jsonl");
        var fromStore = Evidence.Run(workspace.Path, Clock, ["report", "--store", spec, .. Window, "--out", "from-store.json"]);
        var fromFile = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl", .. Window, "--out", "from-file.json"]);

        Assert.Equal((0, 0, 0, 0, 0), (init.ExitCode, ingest.ExitCode, again.ExitCode, fromStore.ExitCode, fromFile.ExitCode));
        Assert.Equal($"event store postgres:{schema.ConnectionString};Schema={schema.Name}: created schema version 2\n", init.Stdout);
        Assert.Matches("^ingested events.jsonl: read ([0-9]+), accepted \\1, duplicates 0, rejected 0\n$", ingest.Stdout);
        Assert.Matches("^ingested events.jsonl: read ([0-9]+), accepted 0, duplicates \\1, rejected 0\n$", again.Stdout);
        string storeReport = File.ReadAllText(workspace.Combine("from-store.json"));
        Assert.DoesNotContain("Zq7Secret", init.Stdout + init.Stderr + ingest.Stdout + ingest.Stderr + fromStore.Stdout + fromStore.Stderr + storeReport, StringComparison.Ordinal);

        using var store = JsonDocument.Parse(storeReport);
        using var file = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("from-file.json")));
        foreach (string member in new[] { "controls", "validation" })
        {
            Assert.Equal(file.RootElement.GetProperty(member).GetRawText(), store.RootElement.GetProperty(member).GetRawText());
        }
    }

    [PostgresFact]
    public async Task A_report_from_an_uninitialised_schema_says_to_run_store_init()
    {
        await using var schema = await PostgresTestDatabase.CreateSchemaAsync();
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--store", schema.StoreSpec, .. Window, "--out", "report.json"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"evidence: '{schema.StoreSpec}' has no event store in schema '{schema.Name}' yet; create it with 'evidence store init --store {schema.StoreSpec}'\n",
            result.Stderr);
    }
}
