using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EvidenceCatalog.Browser.Tests.Infrastructure;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Workpaper;
using Xunit;

namespace EvidenceCatalog.Browser.Tests;

/// <summary>
/// A report whose texts hold markup, quotes and non-ASCII (an organisation's name, a vendor's mitigation): shown as
/// text, never run, and the signature over them still checks in the browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScriptInjectionTests(HeadlessChromium chromium)
{
    private const string OrgName = "<script>window.__xss = 1</script>\"Nörthwind\" & 'Wind' — 北風 ☁ <img src=x onerror=\"window.__xss = 2\">";

    private const string Mitigation = "</script><script>window.__xss = 3</script><b onmouseover='alert(1)'>\"quoted\"</b> \u2028 naïve café 😀";

    [BrowserFact]
    public async Task Markup_in_report_texts_is_shown_as_text_and_never_runs()
    {
        var demo = await DemoReport.GetAsync();
        var report = JsonNode.Parse(demo.Json)!.AsObject();
        report.Remove("signatures");
        report["meta"]!["orgName"] = OrgName;
        report["sections"]!["complianceConfig"]!["organizationName"] = OrgName;
        report["sections"]!["vendorRegister"]!["vendors"]![0]!["mitigations"]![0] = Mitigation;

        // Member names whose UTF-16 order differs from their code point order (U+E000 sorts after the surrogates of U+1F600).
        report["sections"]!["accessReview"]!["users"]![0]!["resourceAccess"] = new JsonObject { ["\uE000 private"] = 1, ["😀 emoji"] = 2, ["<b>"] = 3 };

        // Written with '<', '>', '&' and quotes as they are, so the page must escape them itself.
        string text = report.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true });
        Assert.Contains("</script>", text, StringComparison.Ordinal);
        byte[] signed = ReportSigner.Sign(Encoding.UTF8.GetBytes(text), demo.Key);
        string file = demo.PathOf("hostile.html");
        await File.WriteAllBytesAsync(file, WorkpaperRenderer.Render(signed, [demo.Key]));

        await using var opened = await chromium.OpenAsync(file);
        Assert.Equal("undefined", await opened.EvaluateAsync<string>("typeof window.__xss"));
        Assert.Equal(OrgName, await opened.EvaluateAsync<string>("document.getElementById('organisation').textContent"));
        Assert.Contains(OrgName, await opened.EvaluateAsync<string>("document.title"), StringComparison.Ordinal);
        Assert.Equal(Mitigation, await opened.EvaluateAsync<string>("document.querySelector('#section-vendorRegister table.vendors tbody tr li').textContent"));
        Assert.Equal(3, await opened.EvaluateAsync<int>("document.scripts.length"));
        Assert.Equal(0, await opened.EvaluateAsync<int>("document.querySelectorAll('img, b, [onerror], [onmouseover]').length"));

        var (state, _) = await opened.VerifyAsync();
        Assert.Equal("intact", state);
        Assert.Equal("undefined", await opened.EvaluateAsync<string>("typeof window.__xss"));
        Assert.Empty(opened.Problems);
    }
}
