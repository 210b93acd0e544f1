using System;
using EvidenceCatalog.Tests.Shared;
using Npgsql;
using Xunit;

namespace EvidenceCatalog.Stores.Tests;

/// <summary>
/// A PostgreSQL store is shown (messages, /readyz, report inputs) by its parsed connection string without its secrets,
/// whatever quoting the password is written in: the display comes from the parser, not from a pattern over the text.
/// </summary>
public sealed class PostgresStoreDisplayTests
{
    [Theory]
    [InlineData("Host=db;Password=Secret;Database=evidence", "Secret")]
    [InlineData("Host=db;Password=\"x\"\"y;Secret\";Database=evidence", "x\"y;Secret")]
    [InlineData("Host=db;Password='x''y;Secret';Database=evidence", "x'y;Secret")]
    [InlineData("Host=db;Password='x\"y;Secret';Database=evidence", "x\"y;Secret")]
    [InlineData("Host=db;Password=\"x'y;Secret\";Database=evidence", "x'y;Secret")]
    [InlineData("Host=db; password = \" Secret; Username=admin \" ;Database=evidence", " Secret; Username=admin ")]
    [InlineData("Host=db;PASSWORD=Secret", "Secret")]
    [InlineData("Password=Secret;Host=db", "Secret")]
    [InlineData("Host=db;pwd='a;Secret'", "a;Secret")]
    [InlineData("Host=db;Pwd=Secret;", "Secret")]
    [InlineData("Host=db;PSW=\"Secret=1;Host=evil\"", "Secret=1;Host=evil")]
    [InlineData("Host=db;Password=\"Password=Secret\";Database=evidence", "Password=Secret")]
    [InlineData("Host=db;Password=first;Password=Secret", "Secret")]
    [InlineData("Host=db;Password=Secret;Schema=tenant_1", "Secret")]
    public void The_password_appears_in_no_form_of_quoting(string connectionString, string password)
    {
        // The case is real: the parser reads exactly this password from the text.
        Assert.Equal(password, new NpgsqlConnectionStringBuilder(connectionString.Replace(";Schema=tenant_1", string.Empty, StringComparison.Ordinal)).Password);

        using var location = TestStores.Parse("postgres:" + connectionString);

        Assert.DoesNotContain("Secret", location.Display, StringComparison.Ordinal);
        Assert.DoesNotContain("assword", location.Display, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("postgres:Host=db", location.Display, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;SSL Password=Secret;Database=evidence", "postgres:Host=db;Database=evidence")]
    [InlineData("Host=db;Passfile=/home/Secret/.pgpass;Database=evidence", "postgres:Host=db;Database=evidence")]
    [InlineData("Host=db;Username=\"u;x\";Database=\"my db\"", "postgres:Host=db;Username=\"u;x\";Database=\"my db\"")]
    [InlineData("Host=db;Password=Secret;Schema=\"a;b\"", "postgres:Host=db;Schema=\"a;b\"")]
    public void Other_secret_keywords_go_too_and_the_rest_is_shown_as_parsed(string connectionString, string display)
    {
        using var location = TestStores.Parse("postgres:" + connectionString);

        Assert.Equal(display, location.Display);
    }

    [Theory]
    [InlineData("postgres:Hots=db;Password=\"x\"\"y;Secret\"")]
    [InlineData("postgres:Host=db;Password=\"Secret")]
    [InlineData("postgres://admin:Secret@db/evidence")]
    [InlineData("postgres://admin@db/evidence?password=Secret")]
    [InlineData("postgres://admin:Secret@[db/evidence")]
    public void A_location_that_cannot_be_used_never_echoes_its_password(string spec)
    {
        var refused = Assert.Throws<Runtime.Stores.EventStoreException>(() => TestStores.Parse(spec));

        Assert.DoesNotContain("Secret", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", refused.Store ?? string.Empty, StringComparison.Ordinal);
    }
}
