using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Runtime.Packages;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Server.Tests;

/// <summary>GET /api/soc2-evidence/package: the auditor's package as a zip, for callers with audit:read of that account only.</summary>
public sealed class PackageEndpointTests
{
    private const string Package = "/api/soc2-evidence/package?accountId=" + ServerHarness.Org;

    [Fact]
    public async Task An_auditor_gets_a_zip_that_verifies_with_the_servers_key()
    {
        await using var server = await ServerHarness.StartAsync();

        using var response = await server.GetAsync(Package + "&from=2026-11-01&to=2026-11-22");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("evidence-package-northwind-cloud-2026-11-01-2026-11-22.zip", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        string zip = Path.Combine(server.Folder, "downloaded.zip");
        await File.WriteAllBytesAsync(zip, await response.Content.ReadAsByteArrayAsync());
        using (var archive = ZipFile.OpenRead(zip))
        {
            // The files of 'evidence package': the population as one CSV per control with evidence rules, none for manual controls.
            string[] populations = [.. GeneratedEvidenceCatalog.Instance.Model.Controls.Where(c => c.Evidence.Count > 0).Select(c => PackagePath.PopulationOf(c.Id))];
            Assert.Equal(
                new[] { PackagePath.Bundle, PackagePath.Report, PackagePath.Samples, PackagePath.Workpaper, PackagePath.Manifest,
                    "oscal/assessment-results.json", "oscal/catalog-soc2.json", "oscal/component-definition.json" }.Concat(populations).Order(StringComparer.Ordinal),
                archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            Assert.Contains("population/IAM-01.csv", populations);
            Assert.DoesNotContain("population/BRD-01.csv", populations);

            // Each control's rows are its evidence count in the report.
            using var report = System.Text.Json.JsonDocument.Parse(archive.GetEntry(PackagePath.Report)!.Open());
            foreach (string file in populations)
            {
                using var reader = new StreamReader(archive.GetEntry(file)!.Open());
                long rows = reader.ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
                string id = Path.GetFileNameWithoutExtension(file);
                Assert.Equal(report.RootElement.GetProperty("controls").GetProperty(id).GetProperty("evidenceCount").GetInt64(), rows);
            }
        }

        using var package = PackageContent.Open(zip);
        var verification = PackageVerifier.Verify(package, ServerHarness.VerificationKey);
        Assert.True(verification.IsIntact, string.Join("; ", verification.Problems));
        Assert.Equal(25, verification.Subjects);
    }

    [Theory]
    [InlineData("member", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Callers_without_audit_read_get_no_package(string? role, HttpStatusCode expected)
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);

        using var response = await server.GetAsync(Package, role);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_package_is_403_and_a_bad_window_400()
    {
        await using var server = await ServerHarness.StartAsync(withEvents: false);

        using var other = await server.GetAsync("/api/soc2-evidence/package?accountId=" + ServerHarness.OtherOrg);
        using var window = await server.GetAsync(Package + "&from=2026-13-01");

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, window.StatusCode);
        Assert.Contains("from must be a real calendar date", (await AuthenticationTests.Problem(window)).GetProperty("detail").GetString());
    }
}
