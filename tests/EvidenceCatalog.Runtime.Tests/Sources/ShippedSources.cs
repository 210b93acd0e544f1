using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Events;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// The log sources this repository ships (catalogs/sources/*.yaml, compiled into <c>EvidenceCatalog.Catalogs.LogSources</c>)
/// and the records they are judged on: the shared real-shaped samples and the OCSF fixtures.
/// </summary>
internal static class ShippedSources
{
    public const string Account = "northwind-cloud";

    public static LogSource Get(string id) => Catalogs.LogSources.All.Single(s => s.Id == id);

    /// <summary>The first line of a shared sample file that holds every one of <paramref name="contains"/>.</summary>
    public static string SampleLine(string file, params string[] contains) =>
        Encoding.UTF8.GetString(SourceSamples.Read(file)).Split('\n')
            .First(l => contains.All(c => l.Contains(c, StringComparison.Ordinal)));

    /// <summary>The first line of an OCSF fixture file whose text holds <paramref name="contains"/>.</summary>
    public static string OcsfLine(string file, string contains) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ocsf", file)).First(l => l.Contains(contains, StringComparison.Ordinal));

    /// <summary>SHA-256 (hex) of the record's RFC 8785 canonical form, as provenance names it.</summary>
    public static string RecordSha256(string line) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(line.Trim()))));

    /// <summary>Asserts the provenance attributes of an event mapped from <paramref name="line"/>.</summary>
    public static void AssertProvenance(AuditEvent e, string sourceId, string? nativeName, string line)
    {
        using var attributes = System.Text.Json.JsonDocument.Parse(e.Attributes!);
        var root = attributes.RootElement;
        Assert.Equal(sourceId, root.GetProperty("source").GetString());
        if (nativeName is null)
        {
            Assert.False(root.TryGetProperty("nativeName", out _), "a record without a native name has none in its attributes");
        }
        else
        {
            Assert.Equal(nativeName, root.GetProperty("nativeName").GetString());
        }

        Assert.Equal(RecordSha256(line), root.GetProperty("recordSha256").GetString());
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second, int millisecond = 0) =>
        new(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
}
