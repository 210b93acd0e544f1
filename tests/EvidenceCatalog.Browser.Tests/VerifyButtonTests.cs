using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EvidenceCatalog.Browser.Tests.Infrastructure;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Tests.Canonical;
using EvidenceCatalog.Runtime.Workpaper;
using Xunit;

namespace EvidenceCatalog.Browser.Tests;

/// <summary>The Verify button checks the embedded report's ES256 signature in the browser, offline, over RFC 8785 exactly as the C# side.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VerifyButtonTests(HeadlessChromium chromium)
{
    [BrowserFact]
    public async Task Verify_says_intact_on_the_demo_report()
    {
        var demo = await DemoReport.GetAsync();
        string file = await demo.WriteWorkpaperAsync("verify-intact.html");

        await using var opened = await chromium.OpenAsync(file);
        var (state, message) = await opened.VerifyAsync();

        Assert.Equal("intact", state);
        Assert.Contains(demo.Key.KeyId, message, StringComparison.Ordinal);
        Assert.Empty(opened.Problems);
    }

    [BrowserFact]
    public async Task Verify_says_changed_when_one_evidence_count_in_the_page_is_changed()
    {
        var demo = await DemoReport.GetAsync();
        string page = Encoding.UTF8.GetString(demo.Workpaper);
        var count = Regex.Match(page, "\"evidenceCount\": ([0-9]+)");
        Assert.True(count.Success, "the embedded report holds evidence counts");
        string edited = page[..count.Index] + "\"evidenceCount\": " + (long.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1) + page[(count.Index + count.Length)..];
        string file = demo.PathOf("verify-changed.html");
        await File.WriteAllTextAsync(file, edited);

        await using var opened = await chromium.OpenAsync(file);
        var (state, message) = await opened.VerifyAsync();

        Assert.Equal("changed", state);
        Assert.Contains("does not match its ES256 signature", message, StringComparison.Ordinal);
        Assert.Empty(opened.Problems);
    }

    [BrowserFact]
    public async Task Verify_says_changed_when_a_member_is_repeated_to_show_another_value()
    {
        var demo = await DemoReport.GetAsync();
        string page = Encoding.UTF8.GetString(demo.Workpaper);

        // JSON.parse keeps the last of two members; the signer never writes two, so the canonical form refuses them.
        int meta = page.IndexOf("\"meta\": {", StringComparison.Ordinal);
        string edited = page[..(meta + 9)] + "\"orgId\": \"someone-else\"," + page[(meta + 9)..];
        string file = demo.PathOf("verify-duplicate.html");
        await File.WriteAllTextAsync(file, edited);

        await using var opened = await chromium.OpenAsync(file);
        var (state, message) = await opened.VerifyAsync();

        Assert.Equal("changed", state);
        Assert.Contains("two members named \"orgId\"", message, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Verify_cannot_check_an_hmac_only_report_in_the_browser()
    {
        var demo = await DemoReport.GetAsync();
        var unsigned = JsonNode.Parse(demo.Json)!.AsObject();
        unsigned.Remove("signatures");
        using var hmac = HmacSigningKey.FromBytes(RandomNumberGenerator.GetBytes(32));
        byte[] signed = ReportSigner.Sign(Encoding.UTF8.GetBytes(unsigned.ToJsonString()), hmac);
        string file = demo.PathOf("verify-hmac.html");
        byte[] html = WorkpaperRenderer.Render(signed, [hmac]);
        await File.WriteAllBytesAsync(file, html);

        await using var opened = await chromium.OpenAsync(file);
        var (state, message) = await opened.VerifyAsync();

        Assert.Equal("unchecked", state);
        Assert.Contains("HMAC-SHA256 key " + hmac.KeyId, message, StringComparison.Ordinal);
        Assert.StartsWith("Cannot check here", message, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"evidence-public-key\"", Encoding.UTF8.GetString(html), StringComparison.Ordinal);
        Assert.Empty(opened.Problems);
    }

    [BrowserFact]
    public async Task The_page_canonicalizes_the_report_to_the_bytes_the_signer_signed()
    {
        var demo = await DemoReport.GetAsync();
        string file = await demo.WriteWorkpaperAsync("canonical.html");

        await using var opened = await chromium.OpenAsync(file);
        string inPage = await opened.EvaluateAsync<string>(
            "window.evidenceWorkpaper.canonicalize(document.getElementById('evidence-report').textContent, { integersOnly: true, excludedMember: 'signatures' })");

        Assert.Equal(Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(demo.Json, CanonicalJsonOptions.SignedReport)), inPage);
    }

    [BrowserTheory]
    [MemberData(nameof(ConformanceVectors.Names), MemberType = typeof(ConformanceVectors))]
    public async Task The_page_canonicalizer_passes_the_RFC_8785_vectors(string name)
    {
        Assert.False(name == ConformanceVectors.MissingFolder, ConformanceVectors.MissingMessage);
        var demo = await DemoReport.GetAsync();
        string file = demo.PathOf("vectors.html");
        if (!File.Exists(file))
        {
            await File.WriteAllBytesAsync(file, demo.Workpaper);
        }

        await using var opened = await chromium.OpenAsync(file);
        string canonical = await opened.Page.EvaluateFunctionAsync<string>(
            "text => window.evidenceWorkpaper.canonicalize(text, {})", Encoding.UTF8.GetString(ConformanceVectors.Input(name)));

        Assert.Equal(Encoding.UTF8.GetString(ConformanceVectors.Output(name)), canonical);
    }
}
