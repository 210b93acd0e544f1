using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Tests.Shared;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Server.Tests.Infrastructure.ServerHarness;

namespace EvidenceCatalog.Server.Tests;

/// <summary>The service over a PostgreSQL store: the same answers as over SQLite.</summary>
public sealed class PostgresServerTests
{
    [PostgresFact]
    public async Task The_same_events_give_the_same_report_over_PostgreSQL_and_SQLite()
    {
        await using var schema = await PostgresTestDatabase.CreateSchemaAsync();
        await using var postgres = await StartAsync(storeSpec: schema.StoreSpec);
        await using var sqlite = await StartAsync();

        using var fromPostgres = await postgres.GetAsync("/api/soc2-evidence?accountId=northwind-cloud");
        using var fromSqlite = await sqlite.GetAsync("/api/soc2-evidence?accountId=northwind-cloud");

        Assert.Equal(HttpStatusCode.OK, fromPostgres.StatusCode);
        using var p = JsonDocument.Parse(await fromPostgres.Content.ReadAsByteArrayAsync());
        using var s = JsonDocument.Parse(await fromSqlite.Content.ReadAsByteArrayAsync());
        foreach (string member in new[] { "controls", "validation", "sections" })
        {
            Assert.Equal(s.RootElement.GetProperty(member).GetRawText(), p.RootElement.GetProperty(member).GetRawText());
        }

        Assert.Equal(9000, p.RootElement.GetProperty("meta").GetProperty("ingestion").GetProperty("inWindow").GetInt64());
        Assert.StartsWith("postgres:", p.RootElement.GetProperty("meta").GetProperty("ingestion").GetProperty("inputs")[0].GetProperty("name").GetString());
    }

    [PostgresFact]
    public async Task A_password_in_doubled_quotes_appears_neither_on_readyz_nor_in_the_signed_report()
    {
        await using var schema = await PostgresTestDatabase.CreateSchemaAsync();
        // The test server trusts local connections and ignores the password; it must still be shown nowhere.
        await using var server = await StartAsync(storeSpec: schema.StoreSpec + ";Password=\"x\"\"y;Secret\"", kestrel: true);

        using var ready = await server.GetAsync("/readyz", role: null);
        using var report = await server.GetAsync("/api/soc2-evidence?accountId=northwind-cloud");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (ready.StatusCode, report.StatusCode));
        string readyBody = await ready.Content.ReadAsStringAsync();
        string reportBody = await report.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Secret", readyBody + reportBody, System.StringComparison.Ordinal);
        using var json = JsonDocument.Parse(reportBody);
        Assert.Equal($"postgres:{schema.ConnectionString};Schema={schema.Name}", json.RootElement.GetProperty("meta").GetProperty("ingestion").GetProperty("inputs")[0].GetProperty("name").GetString());
    }

    [PostgresFact]
    public async Task Events_posted_over_HTTP_are_stored_once_in_PostgreSQL()
    {
        await using var schema = await PostgresTestDatabase.CreateSchemaAsync();
        await using var server = await StartAsync(storeSpec: schema.StoreSpec, withEvents: false);

        using var first = await server.PostEventsAsync(Content.JsonLines(Line("pg1"), Line("pg2"), Line("pg3", account: OtherOrg)));
        using var again = await server.PostEventsAsync(Content.JsonLines(Line("pg1"), Line("pg4")));
        using var ready = await server.GetAsync("/readyz", role: null);

        using var json = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal((1, 1), (json.RootElement.GetProperty("accepted").GetInt32(), json.RootElement.GetProperty("duplicates").GetInt32()));
        Assert.Equal(["pg1", "pg2", "pg4"], server.StoredIds());
        Assert.Empty(server.StoredIds(OtherOrg));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
