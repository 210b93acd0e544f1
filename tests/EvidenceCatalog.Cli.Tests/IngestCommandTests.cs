using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>evidence ingest</c>: events validated as a report would, appended to a SQLite store; a summary line per file, exit 0
/// even with rejected lines (quarantined), 1 for catalog errors, 2 for an unusable input or store.
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
    public void Each_file_gets_a_summary_and_rejected_lines_are_quarantined_beside_the_store()
    {
        using var workspace = WithEvents(Line("a"), Line("b"), Line("a"), "not json", Line("c"));

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ingested events.jsonl: read 5, accepted 3, duplicates 1, rejected 1 (quarantined in evidence.db.quarantine.jsonl)\n", result.Stdout);
        Assert.Contains("\"line\":4", Assert.Single(File.ReadAllLines(workspace.Combine("evidence.db.quarantine.jsonl"))));
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

        Assert.Equal(0, result.ExitCode);
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

        Assert.Equal(0, result.ExitCode);
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
    public void A_corrupt_gzip_file_exits_2_keeping_what_was_stored_before_it()
    {
        using var workspace = WithEvents(Line("a"));
        // A gzip header, then a deflate block of a type that does not exist.
        workspace.AddBytes("broken.jsonl.gz", [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff]);

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl", "broken.jsonl.gz");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("ingested events.jsonl: read 1, accepted 1", result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("evidence: 'broken.jsonl.gz' is not valid gzip (", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("); the events before the damage are stored, and ingesting again adds nothing twice\n", result.Stderr, StringComparison.Ordinal);
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
