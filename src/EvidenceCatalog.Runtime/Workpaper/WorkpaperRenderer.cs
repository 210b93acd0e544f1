using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Workpaper.Views;

namespace EvidenceCatalog.Runtime.Workpaper;

/// <summary>
/// The auditor's HTML workpaper (docs/workpaper.md): one self-contained page made from a signed report. The tables are
/// rendered here, from the report, so the page reads without script; the report's exact signed JSON is embedded in the
/// page, with the public key of the ES256 signer, for the page's Verify button, which checks the signature in the
/// browser. Nothing is fetched: a strict content security policy allows only the page's own style and script. The same
/// report and key give the same bytes.
/// </summary>
public static class WorkpaperRenderer
{
    /// <summary>The file name the CLI and the package give the workpaper.</summary>
    public const string DefaultFileName = "evidence-workpaper.html";

    /// <summary>The workpaper of <paramref name="reportJson"/>, UTF-8.</summary>
    /// <param name="reportJson">The report as written (signed, or unsigned when no key signed it).</param>
    /// <param name="keys">
    /// The keys the report was signed with: each must verify it, so no page is made of a report that would read as
    /// changed. The public half of the ES256 key is embedded for the Verify button; an HMAC key is only checked here,
    /// never written into the page.
    /// </param>
    /// <exception cref="WorkpaperException">The text is not a report that can be signed, or a key does not verify it.</exception>
    public static byte[] Render(ReadOnlySpan<byte> reportJson, IReadOnlyList<SigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (reportJson.StartsWith("\xEF\xBB\xBF"u8))
        {
            reportJson = reportJson[3..];
        }

        try
        {
            JsonCanonicalizer.Canonicalize(reportJson, CanonicalJsonOptions.SignedReport);
        }
        catch (CanonicalJsonException exception)
        {
            throw new WorkpaperException("the report cannot be made into a workpaper: " + exception.Message, exception);
        }

        foreach (var key in keys)
        {
            using var verification = key.ToVerificationKey();
            var result = ReportVerifier.Verify(reportJson, verification);
            if (!result.IsIntact)
            {
                throw new WorkpaperException("the report does not verify with " + key.Algorithm + " key " + key.KeyId + ": " + result.Reason);
            }
        }

        using var document = JsonDocument.Parse(reportJson.ToArray(), new JsonDocumentOptions { MaxDepth = JsonTokenTable.MaxDepth });
        var report = document.RootElement;
        if (report.ValueKind != JsonValueKind.Object || report.Object("meta") is null)
        {
            throw new WorkpaperException("the JSON is not an evidence report: it has no 'meta' object");
        }

        string? jwk = keys.OfType<EcdsaSigningKey>().Select(PublicJwk.Of).FirstOrDefault();
        string page = Page(report, Encoding.UTF8.GetString(reportJson), jwk, keys.OfType<EcdsaSigningKey>().FirstOrDefault()?.KeyId);
        return Encoding.UTF8.GetBytes(page);
    }

    private static string Page(JsonElement report, string reportText, string? jwk, string? embeddedKeyId)
    {
        var meta = report.Object("meta")!.Value;
        string organisation = meta.String("orgName") ?? meta.String("orgId") ?? "(no organisation)";
        var window = meta.Object("window");
        var html = new HtmlBuilder();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").Raw(PageAssets.ContentSecurityPolicy).Raw("\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Raw("<title>").Text("SOC 2 evidence workpaper: " + organisation + ", " + window?.String("from") + " to " + window?.String("to")).Raw("</title>\n")
            .Raw("<style>").Raw(PageAssets.Style).Raw("</style>\n</head>\n<body>\n");

        SummaryView.Write(html, report, embeddedKeyId);
        CriteriaView.Write(html, report);
        EvidenceRequestsView.Write(html, report);
        ControlView.WriteAll(html, report);
        SectionsView.Write(html, report);
        ProvenanceView.Write(html, report);
        html.Raw("<footer><p>Made by EvidenceCatalog from the signed report embedded at the end of this file (docs/workpaper.md). ")
            .Raw("Verify checks that embedded report; the tables were rendered from it when the page was made. The page itself is ")
            .Raw("covered by the package's signed manifest (bundle.dsse.json) when it comes in an evidence package.</p></footer>\n");

        // Script data ends only at "</script" (or changes state at "<!--"): with every "<" escaped, neither can occur, and the
        // JSON value (and so its canonical form and signature) is unchanged.
        html.Raw("<script type=\"application/json\" id=\"evidence-report\">")
            .Raw(reportText.Replace("<", "\\u003c", StringComparison.Ordinal))
            .Raw("</script>\n");
        if (jwk is not null)
        {
            html.Raw("<script type=\"application/json\" id=\"evidence-public-key\">").Raw(jwk).Raw("</script>\n");
        }

        html.Raw("<script>").Raw(PageAssets.Script).Raw("</script>\n</body>\n</html>\n");
        return html.ToString();
    }
}
