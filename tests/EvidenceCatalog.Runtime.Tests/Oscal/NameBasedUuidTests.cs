using System;
using EvidenceCatalog.Runtime.Oscal;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Oscal;

public sealed class NameBasedUuidTests
{
    [Fact]
    public void RFC_9562_example_of_a_version_5_uuid_is_reproduced()
    {
        // RFC 9562, Appendix A.4: the DNS namespace and the name "www.example.com".
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal("2ed6657d-e927-568b-95e1-2665a8aea6a2", NameBasedUuid.Create(dns, "www.example.com"));
    }

    [Fact]
    public void Identifiers_differ_by_fingerprint_and_by_how_parts_are_split()
    {
        var one = new OscalIdentifiers("aa");
        Assert.Equal(one.Uuid("component", "IAM-01"), new OscalIdentifiers("aa").Uuid("component", "IAM-01"));
        Assert.NotEqual(one.Uuid("component", "IAM-01"), new OscalIdentifiers("ab").Uuid("component", "IAM-01"));
        Assert.NotEqual(one.Uuid("a/b", "c"), one.Uuid("a", "b/c"));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", one.Uuid("x"));
    }
}
