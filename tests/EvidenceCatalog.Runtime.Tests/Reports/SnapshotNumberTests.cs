using System;
using System.Text;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Signing;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>
/// A count in an access snapshot that the signer could not sign (beyond 2^53) is refused when the snapshot is read,
/// naming the field: the access review is degraded, and the report is still signed.
/// </summary>
public sealed class SnapshotNumberTests
{
    private static string Snapshot(string count) =>
        $"{{\"users\":[{{\"id\":\"alice@northwind.example\",\"role\":\"admin\",\"resourceAccess\":{{\"billing-db\":1,\"docs\":{count}}}}}]}}";

    [Theory]
    [InlineData("9007199254740992")]
    [InlineData("9007199254740993")]
    [InlineData("18446744073709551616")]
    [InlineData("1e300")]
    [InlineData("-1")]
    [InlineData("2.5")]
    public void A_count_the_signer_cannot_hold_is_refused_when_read_naming_the_field(string count)
    {
        var refused = Assert.Throws<AccessSnapshotException>(() => AccessSnapshot.Parse(Encoding.UTF8.GetBytes(Snapshot(count)), "acme.json"));

        Assert.Equal($"access snapshot acme.json: users[0].resourceAccess.docs must be an integer from 0 to 9007199254740991 (2^53 - 1), not {count}", refused.Message);
    }

    [Fact]
    public async Task The_largest_count_accepted_is_signed_and_a_larger_one_degrades_only_the_access_review()
    {
        using var key = HmacSigningKey.FromBytes(new byte[32]);
        using var verification = key.ToVerificationKey();

        var largest = await Signed(Snapshot(ReportIntegers.Max.ToString(System.Globalization.CultureInfo.InvariantCulture)), key);
        var beyond = await Signed(Snapshot("9007199254740993"), key);

        Assert.True(ReportVerifier.Verify(largest.Json, verification).IsIntact);
        Assert.Equal(ReportSection.Ok, largest.Report.Sections.Get(SectionDefinitions.AccessReview).Status);
        Assert.True(ReportVerifier.Verify(beyond.Json, verification).IsIntact);
        var access = beyond.Report.Sections.Get(SectionDefinitions.AccessReview);
        Assert.Equal((ReportSection.Degraded, "access snapshot snapshot.json: users[0].resourceAccess.docs must be an integer from 0 to 9007199254740991 (2^53 - 1), not 9007199254740993"), (access.Status, access.Reason));
    }

    [Fact]
    public void The_bound_lies_within_what_the_canonicalizer_accepts()
    {
        _ = JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes($"[{ReportIntegers.Max},{-ReportIntegers.Max}]"), CanonicalJsonOptions.SignedReport);
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes($"[{ReportIntegers.Max + 2}]"), CanonicalJsonOptions.SignedReport));
    }

    private static async Task<ReportResult> Signed(string snapshot, SigningKey key)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evidence-snapshot-" + Guid.NewGuid().ToString("N") + ".json");
        await System.IO.File.WriteAllTextAsync(path, snapshot);
        try
        {
            var options = Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31)) with { AccessSnapshot = AccessSnapshotSource.FromFile(path, "snapshot.json") };
            return await new ReportJob(Catalog, options) { SigningKeys = [key] }.RunAsync(Source(Line("a", "2026-03-02T10:00:00Z")));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
