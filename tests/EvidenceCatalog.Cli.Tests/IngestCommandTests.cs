using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>evidence ingest</c>: events validated as a report would, appended to a SQLite store; a summary line per file, exit 0
/// only when nothing was rejected and every input was whole, 1 otherwise (and for catalog errors), 2 for an unusable
/// input or store. Rejected lines are appended to the quarantine file after a line marking the run.
/// </summary>
public sealed class IngestCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static string Line(string id, string time = "2026-03-02T10:00:00Z") =>
        $"{{\"id\":\"{id}\",\"time\":\"{time}\",\"type\":\"policy.decision\",\"outcome\":\"allow\",\"actor\":\"user:a@northwind.example\",\"account\":\"northwind-cloud\"}}";

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private static CatalogWorkspace WithEvents(params string[] lines)
    {
        var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddText("events.jsonl", Lines(lines));
        return workspace;
    }

    [Fact]
    public void A_rejected_line_exits_1_with_the_counts_and_is_quarantined_beside_the_store()
    {
        using var workspace = WithEvents(Line("a"), Line("b"), Line("a"), "not json", Line("c"));

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ingested events.jsonl: read 5, accepted 3, duplicates 1, rejected 1 (quarantined in evidence.db.quarantine.jsonl)\n", result.Stdout);
        Assert.Equal(
            "evidence: not everything was ingested: 1 of 5 record(s) rejected (quarantined in evidence.db.quarantine.jsonl); the accepted events are stored, and ingesting again adds nothing twice\n",
            result.Stderr);
        var quarantined = File.ReadAllLines(workspace.Combine("evidence.db.quarantine.jsonl"));
        Assert.Equal(["{\"run\":\"2026-11-23T12:00:00Z\",\"inputs\":[\"events.jsonl\"]}"], quarantined[..1]);
        Assert.Contains("\"line\":4", Assert.Single(quarantined[1..]));
    }

    [Fact]
    public void A_second_run_appends_to_the_quarantine_file_instead_of_replacing_it()
    {
        using var workspace = WithEvents(Line("a"), "not json");
        workspace.AddText("more.jsonl", Lines("also not json"));

        Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl");
        var second = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "more.jsonl");

        Assert.Equal(1, second.ExitCode);
        var quarantined = File.ReadAllLines(workspace.Combine("evidence.db.quarantine.jsonl"));
        Assert.Equal(4, quarantined.Length);
        Assert.Contains("[\"events.jsonl\"]", quarantined[0], StringComparison.Ordinal);
        Assert.Contains("\"text\":\"not json\"", quarantined[1], StringComparison.Ordinal);
        Assert.Contains("[\"more.jsonl\"]", quarantined[2], StringComparison.Ordinal);
        Assert.Contains("\"text\":\"also not json\"", quarantined[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_record_rejected_exits_1_not_0()
    {
        using var workspace = WithEvents("not json", "{\"id\":\"x\"}");

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ingested events.jsonl: read 2, accepted 0, duplicates 0, rejected 2 (quarantined in evidence.db.quarantine.jsonl)\n", result.Stdout);
        Assert.Contains("2 of 2 record(s) rejected", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingesting_the_same_file_again_adds_nothing()
    {
        using var workspace = WithEvents(Line("a"), Line("b"), Line("c"));
        Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl");

        var again = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal("ingested events.jsonl: read 3, accepted 0, duplicates 3, rejected 0\n", again.Stdout);
        Assert.False(File.Exists(workspace.Combine("evidence.db.quarantine.jsonl")));
    }

    [Fact]
    public void Several_files_gzip_among_them_get_a_line_each_and_a_total()
    {
        using var workspace = WithEvents(Line("a"), Line("b"));
        var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(Encoding.UTF8.GetBytes(Lines(Line("b"), Line("c"), "{")));
        }

        workspace.AddBytes("more/events-2.jsonl.gz", gzip.ToArray());

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "db/evidence.db", "events.jsonl", "more/events-2.jsonl.gz", "--quarantine", "rejected.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "ingested events.jsonl: read 2, accepted 2, duplicates 0, rejected 0",
                "ingested more/events-2.jsonl.gz: read 3, accepted 1, duplicates 1, rejected 1 (quarantined in rejected.jsonl)",
                "ingested 2 files: read 5, accepted 3, duplicates 1, rejected 1 (quarantined in rejected.jsonl)",
            ],
            result.StdoutLines);
        Assert.Contains("more/events-2.jsonl.gz", File.ReadAllText(workspace.Combine("rejected.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void Events_later_than_the_clock_allows_are_rejected_as_in_the_future()
    {
        using var workspace = WithEvents(Line("a"), Line("b", "2026-11-23T12:30:00Z"));

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("accepted 1, duplicates 0, rejected 1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("in the future", File.ReadAllText(workspace.Combine("evidence.db.quarantine.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_that_is_not_a_database_exits_2_and_is_left_alone()
    {
        using var workspace = WithEvents(Line("a"));

        // The classic slip: the events file given as the store.
        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "events.jsonl", "events.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"evidence: '{workspace.Combine("events.jsonl")}' is not a SQLite database; give the path of an event store written by 'evidence ingest'\n", result.Stderr);
        Assert.Equal(Lines(Line("a")), File.ReadAllText(workspace.Combine("events.jsonl")));
    }

    [Fact]
    public void A_missing_events_file_exits_2_before_a_store_is_created()
    {
        using var workspace = WithEvents(Line("a"));

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl", "missing.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: events file 'missing.jsonl' does not exist\n", result.Stderr);
        Assert.False(File.Exists(workspace.Combine("evidence.db")));
    }

    [Fact]
    public void A_corrupt_gzip_file_exits_1_naming_the_damage_and_keeping_what_was_read()
    {
        using var workspace = WithEvents(Line("a"));
        // A gzip header, then a deflate block of a type that does not exist.
        workspace.AddBytes("broken.jsonl.gz", [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff]);

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl", "broken.jsonl.gz");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("ingested events.jsonl: read 1, accepted 1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("ingested broken.jsonl.gz: read 0, accepted 0, duplicates 0, rejected 0; damaged: not valid gzip: ", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("evidence: not everything was ingested: 1 input(s) damaged; the accepted events are stored, and ingesting again adds nothing twice\n", result.Stderr);
    }

    [Fact]
    public void Catalog_errors_exit_1_without_touching_the_store()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();
        workspace.AddText("events.jsonl", Lines(Line("a")));

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl", "--catalogs", "catalogs");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(Scenarios.SevereVendorMessage, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.Combine("evidence.db")));
    }

    [Fact]
    public void The_store_option_is_required()
    {
        using var workspace = WithEvents(Line("a"));

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "events.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--store", result.Stderr, StringComparison.Ordinal);
    }
}
