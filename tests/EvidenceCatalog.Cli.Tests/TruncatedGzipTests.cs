using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// The attack: a .jsonl.gz cut right after a flush point (<c>gzip -t</c>: unexpected end of file), which .NET's own
/// gzip reader ends without complaint. <c>report --require-complete</c> fails and the signed report names the damage;
/// <c>ingest</c> exits 1; the 600 records before the cut are kept and counted.
/// </summary>
public sealed class TruncatedGzipTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private const string Damage = "not valid gzip: the input ends inside member 1's compressed data: it was cut off (gzip -t: unexpected end of file); the records before the damage were read";

    private static CatalogWorkspace WithEventsCutAfter600()
    {
        var compressed = new MemoryStream();
        long flushPoint;
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Events(0, 600));
            gzip.Flush();
            flushPoint = compressed.Length;
            gzip.Write(Events(600, 400));
        }

        var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddBytes("events.jsonl.gz", compressed.ToArray()[..(int)flushPoint]);
        workspace.AddBytes("hmac.key", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        workspace.AddText("access.json", "{\"users\":[]}");
        return workspace;
    }

    private static byte[] Events(int first, int count) => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(first, count).Select(i =>
        ReportCommandTests.Line("e" + i, $"2026-03-{1 + (i % 28):D2}T{i % 24:D2}:00:00Z") + "\n")));

    [Fact]
    public void Report_require_complete_fails_and_the_signed_report_names_the_damaged_input()
    {
        using var workspace = WithEventsCutAfter600();

        var result = Evidence.Run(workspace.Path, Clock, ["report", "--events", "events.jsonl.gz", .. ReportCommandTests.Window, "--require-complete", "--access", "access.json", "--hmac-key-file", "hmac.key", "--out", "report.json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"evidence: --require-complete: input events.jsonl.gz is damaged ({Damage})\n", result.Stderr);
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, "verify", "report.json", "--hmac-key-file", "hmac.key").ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json")));
        var ingestion = report.RootElement.GetProperty("meta").GetProperty("ingestion");
        Assert.Equal((600, 600), (ingestion.GetProperty("read").GetInt32(), ingestion.GetProperty("inWindow").GetInt32()));
        Assert.Equal(Damage, ingestion.GetProperty("inputs")[0].GetProperty("damaged").GetString());
    }

    [Fact]
    public void Ingest_exits_1_keeping_the_records_before_the_cut()
    {
        using var workspace = WithEventsCutAfter600();

        var result = Evidence.Run(workspace.Path, Clock, "ingest", "--store", "evidence.db", "events.jsonl.gz");
        var report = Evidence.Run(workspace.Path, Clock, ["report", "--store", "evidence.db", .. ReportCommandTests.Window, "--out", "report.json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"ingested events.jsonl.gz: read 600, accepted 600, duplicates 0, rejected 0; damaged: {Damage}\n", result.Stdout);
        Assert.Equal(0, report.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("report.json")));
        Assert.Equal(600, json.RootElement.GetProperty("meta").GetProperty("ingestion").GetProperty("inWindow").GetInt32());
    }
}
