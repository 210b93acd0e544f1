using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Server.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Xunit;
using static EvidenceCatalog.Server.Tests.Infrastructure.ServerHarness;

namespace EvidenceCatalog.Server.Tests;

/// <summary>
/// No answer names where the server keeps its files: not a problem detail (a store's error names its file), not a
/// signed degraded reason (an exception names the file it could not read), not a report's provenance, not /readyz.
/// Each surface is provoked as a caller, a broken disk or a failing source would.
/// </summary>
public sealed class ServerPathHygieneTests
{
    [Fact]
    public async Task A_store_that_fails_is_described_by_its_kind_of_failure_never_by_its_path()
    {
        string folder = Directory.CreateTempSubdirectory("evidence-hygiene-").FullName;
        try
        {
            string file = Path.Combine(folder, "events.db");
            File.WriteAllText(file, new string('x', 4096)); // a file that is no SQLite database
            await using var broken = TestStores.Parse("sqlite:" + file, new EventStoreLocationOptions { BatchSize = int.MaxValue });
            await using var server = await StartAsync(o => o with { Store = broken }, withEvents: false);

            var answers = new[]
            {
                await server.PostEventsAsync(Content.JsonLines(Line("h1"))),
                await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud"),
                await server.GetAsync("/readyz", role: null),
            };

            foreach (var answer in answers)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
                string detail = (await AuthenticationTests.Problem(answer)).GetProperty("detail").GetString()!;
                Assert.StartsWith("the event store's location holds something other than an event store (the server's log has the details)", detail);
                AssertNamesNoFolder(detail, folder);
                answer.Dispose();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_spool_folder_that_cannot_be_written_is_503_without_its_path()
    {
        string missing = Path.Combine(Path.GetTempPath(), "evidence-hygiene-" + Guid.NewGuid().ToString("N"), "spool");
        await using var server = await StartAsync(o => o with { SpoolDirectory = missing }, withEvents: false);

        using var answer = await server.PostEventsAsync(Content.JsonLines(Line("h1")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        string detail = (await AuthenticationTests.Problem(answer)).GetProperty("detail").GetString()!;
        Assert.Equal("the server could not set the body aside (its spool space may be full); nothing of this request was kept: send it again later", detail);
    }

    [Fact]
    public async Task A_signed_report_names_its_store_and_a_failed_source_s_file_by_file_name_only()
    {
        var failing = new FileReadingSource("access-review", "idp-export.json");
        await using var server = await StartAsync(o => o with { SectionSources = [failing.In(o.AccessDirectory!)] });

        using var report = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud");
        using var ready = await server.GetAsync("/readyz", role: null);

        string body = await report.Content.ReadAsStringAsync();
        AssertNamesNoFolder(body, server.Folder);
        using var json = JsonDocument.Parse(body);
        string reason = json.RootElement.GetProperty("sections").GetProperty("accessReview").GetProperty("reason").GetString()!;
        Assert.StartsWith("the section could not be built: ", reason);
        Assert.Contains("'idp-export.json'", reason, StringComparison.Ordinal);
        Assert.Equal("sqlite:events.db", json.RootElement.GetProperty("meta").GetProperty("ingestion").GetProperty("inputs")[0].GetProperty("name").GetString());
        string readiness = await ready.Content.ReadAsStringAsync();
        AssertNamesNoFolder(readiness, server.Folder);
        using var readyJson = JsonDocument.Parse(readiness);
        Assert.Equal("sqlite:events.db", readyJson.RootElement.GetProperty("store").GetString());
    }

    [Fact]
    public async Task No_other_error_answer_names_a_server_folder()
    {
        await using var server = await StartAsync(o => o with { MaxEventsBodyBytes = 4096 }, withEvents: false);
        var big = Content.JsonLines([.. Enumerable.Range(0, 100).Select(i => Line($"big{i}"))]);
        var answers = new List<(HttpStatusCode Expected, HttpResponseMessage Answer)>
        {
            (HttpStatusCode.BadRequest, await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud&section=nothing")),
            (HttpStatusCode.BadRequest, await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud&from=2026-02-30")),
            (HttpStatusCode.BadRequest, await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud&tz=Mars/Olympus")),
            (HttpStatusCode.Unauthorized, await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud", role: null)),
            (HttpStatusCode.Unauthorized, await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud", role: "nobody")),
            (HttpStatusCode.Forbidden, await server.GetAsync("/api/soc2-evidence?accountId=contoso-health")),
            (HttpStatusCode.Forbidden, await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud", role: "member")),
            (HttpStatusCode.NotFound, await server.GetAsync("/nothing")),
            (HttpStatusCode.MethodNotAllowed, await server.Client.DeleteAsync("/api/events")),
            (HttpStatusCode.RequestEntityTooLarge, await server.PostEventsAsync(big)),
            (HttpStatusCode.BadRequest, await server.PostEventsAsync(new StringContent("[" + Line("d1") + ",{]", Encoding.UTF8))),
        };

        foreach (var (expected, answer) in answers)
        {
            Assert.Equal(expected, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            AssertNamesNoFolder(await answer.Content.ReadAsStringAsync(), server.Folder);
            answer.Dispose();
        }
    }

    private static void AssertNamesNoFolder(string text, string serverFolder)
    {
        Assert.DoesNotContain(serverFolder, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.CurrentDirectory, text, StringComparison.Ordinal);
    }

    /// <summary>A service's own source for a section, reading a file that is not there: the exception names its full path.</summary>
    private sealed class FileReadingSource(string name, string file, string folder = "") : ISectionSource
    {
        public string Name => name;

        public bool ReadsEvents => false;

        public FileReadingSource In(string directory) => new(name, file, Path.Combine(directory, "missing-folder"));

        public async Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken)
        {
            await File.ReadAllBytesAsync(Path.Combine(folder, file), cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
