using EvidenceCatalog.Runtime.Reports;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>A message that leaves the machine keeps the names of files, never the folders they are in.</summary>
public sealed class PathRedactionTests
{
    [Theory]
    [InlineData("Could not find file '/srv/evidence/access/acme.json'.", "Could not find file 'acme.json'.")]
    [InlineData("event store '/var/lib/evidence/events.db': database is locked", "event store 'events.db': database is locked")]
    [InlineData("Data Source=/var/lib/evidence/events.db;Mode=ReadWrite", "Data Source=events.db;Mode=ReadWrite")]
    [InlineData("Access to the path '/tmp/x/' is denied.", "Access to the path 'x' is denied.")]
    [InlineData(@"Could not find a part of the path 'C:\evidence\access\acme.json'.", "Could not find a part of the path 'acme.json'.")]
    [InlineData(@"cannot read \\fileserver\share\acme.json now", "cannot read acme.json now")]
    [InlineData("two: /a/b.txt and (/c/d/e.txt)", "two: b.txt and (e.txt)")]
    public void An_absolute_path_becomes_its_last_segment(string message, string redacted) =>
        Assert.Equal(redacted, PathRedaction.Redact(message));

    [Theory]
    [InlineData("see https://example.com/docs/server.md for the limits")]
    [InlineData("GET /healthz and /readyz answer without a token")]
    [InlineData("read and/or write catalogs/controls/access.yaml at 1/2 speed")]
    [InlineData("the access snapshot acme.json is not valid JSON (line 3)")]
    public void Text_that_names_no_absolute_path_stays_as_it_is(string message) =>
        Assert.Equal(message, PathRedaction.Redact(message));
}
