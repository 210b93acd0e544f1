using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Workpaper;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Workpaper;

/// <summary>What the workpaper renderer makes of a report, without a browser (the browser tests open the pages).</summary>
public sealed class WorkpaperRendererTests
{
    private static readonly EcdsaSigningKey Key = NewKey();

    private static readonly Lazy<byte[]> March = new(() =>
    {
        var options = Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31));
        string events = string.Join("\n", EvidenceForEveryControl(new CalendarDate(2026, 3, 1), 31, day => day is 9 or 10)) + "\n";
        return new ReportJob(Catalog, options) { SigningKeys = [Key] }.RunAsync(Source(events)).GetAwaiter().GetResult().Json;
    });

    [Fact]
    public void The_same_report_and_key_give_the_same_bytes()
    {
        Assert.Equal(WorkpaperRenderer.Render(March.Value, [Key]), WorkpaperRenderer.Render(March.Value, [Key]));
    }

    [Fact]
    public void The_page_embeds_the_signed_report_with_only_its_less_than_signs_escaped()
    {
        string page = Encoding.UTF8.GetString(WorkpaperRenderer.Render(March.Value, [Key]));
        string embedded = Between(page, "<script type=\"application/json\" id=\"evidence-report\">", "</script>");

        Assert.DoesNotContain("<", embedded, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetString(March.Value), embedded.Replace("\\u003c", "<", StringComparison.Ordinal));
    }

    [Fact]
    public void The_content_security_policy_allows_exactly_the_pages_own_script_and_style()
    {
        string page = Encoding.UTF8.GetString(WorkpaperRenderer.Render(March.Value, [Key]));
        string policy = Regex.Match(page, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"").Groups[1].Value;
        string script = Between(page, "<script>", "</script>");
        string style = Between(page, "<style>", "</style>");

        Assert.StartsWith("default-src 'none'; ", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'sha256-" + Sha256(script) + "'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'sha256-" + Sha256(style) + "'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", page);
    }

    [Fact]
    public void The_public_key_of_the_es256_signer_is_embedded_as_a_jwk_whose_thumbprint_is_its_key_id()
    {
        string page = Encoding.UTF8.GetString(WorkpaperRenderer.Render(March.Value, [Key]));
        string jwk = Between(page, "<script type=\"application/json\" id=\"evidence-public-key\">", "</script>");

        Assert.StartsWith("{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"", jwk, StringComparison.Ordinal);
        Assert.Equal(Key.KeyId, Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(jwk))).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }

    [Fact]
    public void A_report_that_does_not_verify_with_the_key_given_is_refused()
    {
        using var other = NewKey();
        var refused = Assert.Throws<WorkpaperException>(() => WorkpaperRenderer.Render(March.Value, [other]));
        Assert.StartsWith("the report does not verify with ES256 key " + other.KeyId + ": ", refused.Message, StringComparison.Ordinal);

        byte[] edited = Encoding.UTF8.GetBytes(new Regex("\"evidenceCount\": 29,").Replace(Encoding.UTF8.GetString(March.Value), "\"evidenceCount\": 30,", 1));
        Assert.Contains(ReportVerifier.MismatchReason, Assert.Throws<WorkpaperException>(() => WorkpaperRenderer.Render(edited, [Key])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_a_report_is_refused_with_what_is_wrong()
    {
        Assert.StartsWith("the report cannot be made into a workpaper: ", Assert.Throws<WorkpaperException>(() => WorkpaperRenderer.Render("{\"meta\": 1.5}"u8, [])).Message, StringComparison.Ordinal);
        Assert.StartsWith("the report cannot be made into a workpaper: ", Assert.Throws<WorkpaperException>(() => WorkpaperRenderer.Render("{\"a\":1,\"a\":2}"u8, [])).Message, StringComparison.Ordinal);
        Assert.Equal("the JSON is not an evidence report: it has no 'meta' object", Assert.Throws<WorkpaperException>(() => WorkpaperRenderer.Render("[1]"u8, [])).Message);
    }

    [Fact]
    public void Without_a_criteria_view_the_table_is_derived_from_the_controls_and_says_so()
    {
        // A 1.0.0-shaped report: no criteria view (and, edited, no signature).
        var report = System.Text.Json.Nodes.JsonNode.Parse(March.Value)!.AsObject();
        report.Remove("criteria");
        report.Remove("signatures");
        string page = Encoding.UTF8.GetString(WorkpaperRenderer.Render(Encoding.UTF8.GetBytes(report.ToJsonString()), []));

        Assert.Contains("<table id=\"criteria-table\" data-source=\"derived\">", page, StringComparison.Ordinal);
        Assert.Contains("carries no criteria view", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("map")]
    [InlineData("array")]
    public void A_criteria_view_in_the_report_is_rendered_as_it_says(string shape)
    {
        var report = JsonNode.Parse(March.Value)!.AsObject();
        report.Remove("signatures");
        var entry = new JsonObject
        {
            ["title"] = "Logical access security",
            ["status"] = "exceptions",
            ["controls"] = new JsonArray("IAM-01", "CRY-01"),
            ["evidenceCount"] = 3333,
            ["periodsOperated"] = 92,
            ["periodsRequired"] = 94,
            ["exceptions"] = 2,
        };
        report["criteria"] = shape == "map" ? new JsonObject { ["CC6.1"] = entry } : new JsonArray(new JsonObject { ["id"] = "CC6.1" }.Merge(entry));
        byte[] signed = ReportSigner.Sign(Encoding.UTF8.GetBytes(report.ToJsonString()), Key);

        string page = Encoding.UTF8.GetString(WorkpaperRenderer.Render(signed, [Key]));
        string row = Between(page, "<tr data-criterion=\"CC6.1\">", "</tr>");

        Assert.Contains("<table id=\"criteria-table\" data-source=\"report\">", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status exceptions\">exceptions</span>", row, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#control-IAM-01\">IAM-01</a>, <a href=\"#control-CRY-01\">CRY-01</a>", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">3,333</td><td class=\"num\">92 / 94</td><td class=\"num\">2</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Gap_days_of_a_control_are_marked_in_its_heat_map()
    {
        string page = Encoding.UTF8.GetString(WorkpaperRenderer.Render(March.Value, [Key]));
        string heat = Between(page, "<table class=\"heat\" aria-label=\"Daily evidence of IAM-01\"", "</table>");

        Assert.Equal(31, Regex.Matches(heat, "<td class=\"d ").Count);
        Assert.Equal(
            ["2026-03-10", "2026-03-11"],
            Regex.Matches(heat, "<td class=\"d l0 x\" data-date=\"([0-9-]+)\"").Select(m => m.Groups[1].Value).ToArray());
    }

    [Fact]
    public async System.Threading.Tasks.Task An_unsigned_report_renders_and_says_it_is_not_signed()
    {
        var unsigned = (await new ReportJob(Catalog, Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 2))).RunAsync(Source("\n"))).Json;
        string page = Encoding.UTF8.GetString(WorkpaperRenderer.Render(unsigned, []));

        Assert.Contains("none: this report is not signed", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"evidence-public-key\"", page, StringComparison.Ordinal);
    }

    private static EcdsaSigningKey NewKey()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return EcdsaSigningKey.FromPem(ecdsa.ExportPkcs8PrivateKeyPem());
    }

    private static string Between(string text, string start, string end)
    {
        int from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, "the page holds " + start);
        from += start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

internal static class JsonObjectMerging
{
    public static JsonObject Merge(this JsonObject target, JsonObject source)
    {
        foreach (var (name, value) in source)
        {
            target[name] = value?.DeepClone();
        }

        return target;
    }
}
