using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Tests.Sources;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Server.Tests.Infrastructure.ServerHarness;

namespace EvidenceCatalog.Server.Tests;

/// <summary>
/// POST /api/events?source=ID: a log source's records (the real samples of shared/samples/source-events), mapped and
/// stored with the same validation, duplicates, limits and permissions as events; the answer counts the unmapped
/// records with their most frequent native names, and the counts add up. An unknown source is 400 naming the known ones.
/// </summary>
public sealed class LogSourceIngestionTests
{
    /// <summary>The sample catalogs with the runtime tests' log sources.</summary>
    private static readonly IEvidenceCatalog WithSources = new ModelEvidenceCatalog(
        Catalog.Model with { Sources = new[] { TestLogSources.CloudTrail, TestLogSources.Okta, TestLogSources.GitHub }.ToEquatableArray() });

    private static Task<ServerHarness> StartAsync() => ServerHarness.StartAsync(o => o with { Catalog = WithSources }, withEvents: false);

    private static ByteArrayContent Body(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-ndjson") } };

    private static byte[] Gzip(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    private static (long Read, long Accepted, long Duplicates, long Rejected, long Unmapped) Counts(JsonElement root) =>
        (root.GetProperty("read").GetInt64(), root.GetProperty("accepted").GetInt64(), root.GetProperty("duplicates").GetInt64(),
            root.GetProperty("rejected").GetInt64(), root.GetProperty("unmapped").GetInt64());

    private static void AssertAddsUp(JsonElement root)
    {
        var (read, accepted, duplicates, rejected, unmapped) = Counts(root);
        Assert.Equal(read, accepted + duplicates + rejected + unmapped);
        Assert.Equal(unmapped, root.GetProperty("unmappedNames").EnumerateArray().Sum(n => n.GetProperty("count").GetInt64()) + root.GetProperty("unmappedOther").GetInt64());
    }

    [Fact]
    public async Task CloudTrail_records_are_mapped_stored_and_counted_with_the_unmapped_names()
    {
        await using var server = await StartAsync();
        byte[] sample = SourceSamples.Read("aws-cloudtrail.jsonl");
        int records = Encoding.UTF8.GetString(sample).Split('\n').Count(l => l.Trim().Length > 0);

        using var response = await server.PostEventsAsync(Body(sample), query: "?source=aws-cloudtrail");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("aws-cloudtrail", root.GetProperty("source").GetString());
        Assert.Equal("json-lines", root.GetProperty("format").GetString());
        Assert.Equal(records, root.GetProperty("read").GetInt64());
        AssertAddsUp(root);
        Assert.True(root.GetProperty("unmapped").GetInt64() > 0);
        Assert.Equal(10, root.GetProperty("unmappedNames").GetArrayLength());
        var names = root.GetProperty("unmappedNames").EnumerateArray().Select(n => n.GetProperty("count").GetInt64()).ToArray();
        Assert.Equal(names.OrderDescending(), names);
        Assert.Contains("fed06f42-cb12-4764-8c69-121063dc79b9", server.StoredIds()); // a console sign-in of the sample
        Assert.Equal(root.GetProperty("accepted").GetInt64(), server.StoredIds().Count);
        Assert.Contains(root.GetProperty("rejections").EnumerateArray(), r => r.GetProperty("reason").GetString() == "not an AWS CloudTrail record: /eventSource is missing");
    }

    [Fact]
    public async Task Sending_the_same_records_again_adds_nothing()
    {
        await using var server = await StartAsync();
        byte[] sample = SourceSamples.Read("okta-system-log.jsonl");
        using var first = await server.PostEventsAsync(Body(sample), query: "?source=okta-system-log");
        using var firstJson = JsonDocument.Parse(await first.Content.ReadAsStringAsync());

        using var again = await server.PostEventsAsync(Body(sample), query: "?source=okta-system-log");

        using var json = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        var (_, accepted, duplicates, _, unmapped) = Counts(json.RootElement);
        Assert.Equal(0, accepted);
        Assert.Equal(Counts(firstJson.RootElement).Accepted + Counts(firstJson.RootElement).Duplicates, duplicates);
        Assert.Equal(Counts(firstJson.RootElement).Unmapped, unmapped);
        AssertAddsUp(json.RootElement);
    }

    [Fact]
    public async Task A_CloudTrail_file_as_S3_delivers_it_gzip_compressed_is_read_by_its_magic_bytes_and_by_its_header()
    {
        await using var server = await StartAsync();
        var lines = Encoding.UTF8.GetString(SourceSamples.Read("aws-cloudtrail.jsonl")).Split('\n').Where(l => l.Trim().Length > 0).ToArray();
        byte[] records = Gzip(Encoding.UTF8.GetBytes("{\"Records\": [" + string.Join(",\n", lines) + "]}"));

        using var bare = await server.PostEventsAsync(Body(records), query: "?source=aws-cloudtrail");
        var labelled = Body(records);
        labelled.Headers.ContentEncoding.Add("gzip");
        using var withHeader = await server.PostEventsAsync(labelled, query: "?source=aws-cloudtrail");

        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
        using var json = JsonDocument.Parse(await bare.Content.ReadAsStringAsync());
        Assert.Equal("cloudtrail-records", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(lines.Length, json.RootElement.GetProperty("read").GetInt64());
        AssertAddsUp(json.RootElement);
        using var again = JsonDocument.Parse(await withHeader.Content.ReadAsStringAsync());
        Assert.Equal(0, again.RootElement.GetProperty("accepted").GetInt64());
    }

    [Fact]
    public async Task A_gzip_json_array_of_events_is_read_as_an_array()
    {
        await using var server = await StartAsync();

        using var response = await server.PostEventsAsync(Body(Gzip(Encoding.UTF8.GetBytes("[" + Line("g1") + ",\n" + Line("g2") + "]"))));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("json-array", json.RootElement.GetProperty("format").GetString());
        Assert.Equal((2, 2), (json.RootElement.GetProperty("read").GetInt32(), json.RootElement.GetProperty("accepted").GetInt32()));
        Assert.Equal(["g1", "g2"], server.StoredIds());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?source=native")]
    public async Task Without_a_source_or_with_native_the_body_is_evidence_events_as_before(string query)
    {
        await using var server = await StartAsync();

        using var response = await server.PostEventsAsync(Content.JsonLines(Line("n1"), Line("n2")), query: query);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("native", json.RootElement.GetProperty("source").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("accepted").GetInt32());
        Assert.False(json.RootElement.TryGetProperty("unmapped", out _));
        Assert.Equal(["n1", "n2"], server.StoredIds());
    }

    [Fact]
    public async Task Auto_recognises_the_source_of_the_body()
    {
        await using var server = await StartAsync();

        using var response = await server.PostEventsAsync(Body(SourceSamples.Read("github-audit-log.jsonl")), query: "?source=auto");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("github-audit-log", json.RootElement.GetProperty("source").GetString());
        AssertAddsUp(json.RootElement);
    }

    [Fact]
    public async Task Auto_refuses_a_body_of_no_known_source_with_400_naming_the_sources()
    {
        await using var server = await StartAsync();

        using var response = await server.PostEventsAsync(Body(SourceSamples.Read("azure-signin.jsonl")), query: "?source=auto");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("is not recognised", detail, StringComparison.Ordinal);
        Assert.Contains("aws-cloudtrail (AWS CloudTrail): cloudtrail-records, json-lines or json-array, each record with /eventSource and /eventName", detail, StringComparison.Ordinal);
        Assert.Contains("native (the product's own evidence events)", detail, StringComparison.Ordinal);
        Assert.Empty(server.StoredIds());
    }

    [Fact]
    public async Task An_unknown_source_is_400_naming_the_known_ones_before_the_body_is_read()
    {
        await using var server = await StartAsync();

        using var response = await server.PostEventsAsync(Body(SourceSamples.Read("aws-cloudtrail.jsonl")), query: "?source=aws-cloudtrial");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            "there is no log source 'aws-cloudtrial'; did you mean 'aws-cloudtrail'? (the catalog's sources are aws-cloudtrail, okta-system-log, github-audit-log, and 'native' is the product's own evidence events); give 'source' one of them, or leave it out for evidence events",
            problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(
            ["aws-cloudtrail", "okta-system-log", "github-audit-log", "native"],
            problem.RootElement.GetProperty("knownSources").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(server.StoredIds());
    }

    [Fact]
    public async Task A_source_needs_the_ingest_permission_like_events()
    {
        await using var server = await StartAsync();

        using var response = await server.PostEventsAsync(Body(SourceSamples.Read("okta-system-log.jsonl")), role: "auditor", query: "?source=okta-system-log");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(server.StoredIds());
    }

    [Fact]
    public async Task A_source_whose_records_are_of_another_account_is_rejected_record_by_record()
    {
        // The test sources give every record the account northwind-cloud: another tenant's token may not add them.
        await using var server = await StartAsync();

        using var response = await server.PostEventsAsync(Body(SourceSamples.Read("okta-system-log.jsonl")), account: OtherOrg, query: "?source=okta-system-log");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var (_, accepted, _, rejected, _) = Counts(json.RootElement);
        Assert.Equal(0, accepted);
        Assert.True(rejected > 0);
        AssertAddsUp(json.RootElement);
        Assert.Empty(server.StoredIds());
        Assert.Empty(server.StoredIds(OtherOrg));
    }

    [Fact]
    public async Task A_content_encoding_other_than_gzip_is_415()
    {
        await using var server = await StartAsync();
        var body = Content.JsonLines(Line("e1"));
        body.Headers.ContentEncoding.Add("br");

        using var response = await server.PostEventsAsync(body, query: "?source=native");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Content-Encoding 'br'", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(server.StoredIds());
    }

    [Fact]
    public async Task A_body_labelled_gzip_that_is_not_is_400_and_nothing_is_stored()
    {
        await using var server = await StartAsync();
        var body = Content.JsonLines(Line("e1"));
        body.Headers.ContentEncoding.Add("gzip");

        using var response = await server.PostEventsAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("labelled Content-Encoding: gzip but is not gzip", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(server.StoredIds());
    }

    [Fact]
    public async Task A_truncated_gzip_body_keeps_the_records_before_the_damage_and_is_400_with_the_counts()
    {
        await using var server = await StartAsync();
        byte[] whole = Gzip(SourceSamples.Read("aws-cloudtrail.jsonl"));
        byte[] cut = whole[..(whole.Length * 2 / 3)];

        using var response = await server.PostEventsAsync(Body(cut), query: "?source=aws-cloudtrail");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("not valid gzip", problem.RootElement.GetProperty("damaged").GetString(), StringComparison.Ordinal);
        AssertAddsUp(problem.RootElement);
        Assert.True(problem.RootElement.GetProperty("accepted").GetInt64() > 0);
        Assert.Equal(problem.RootElement.GetProperty("accepted").GetInt64(), server.StoredIds().Count);
    }
}
