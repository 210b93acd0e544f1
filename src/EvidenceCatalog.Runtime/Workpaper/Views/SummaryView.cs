using System.Linq;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Workpaper.Views;

/// <summary>The top of the page: who, which window, from which catalog, the Type II verdict and why, and the Verify button.</summary>
internal static class SummaryView
{
    public static void Write(HtmlBuilder html, JsonElement report, string? embeddedKeyId)
    {
        var meta = report.Object("meta")!.Value;
        var window = meta.Object("window") ?? default;
        string? orgName = meta.String("orgName");
        string orgId = meta.String("orgId") ?? string.Empty;

        html.Raw("<header>\n<p class=\"muted\">SOC 2 evidence workpaper</p>\n<h1 id=\"organisation\">").Text(orgName ?? orgId).Raw("</h1>\n<dl class=\"facts\">");
        Fact(html, "Account", orgId);
        html.Raw("<dt>Window</dt><dd id=\"window\">").Text(window.String("from")).Raw(" to ").Text(window.String("to"))
            .Raw(" (").Number(window.Integer("days") ?? 0).Raw(" days, ").Text(window.String("tz")).Raw(": ")
            .Text(window.String("startUtc")).Raw(" to ").Text(window.String("endUtc")).Raw(")</dd>");
        html.Raw("<dt>Catalog fingerprint</dt><dd><code id=\"fingerprint\">").Text(meta.String("catalogFingerprint")).Raw("</code>");
        if (meta.String("catalogSource") is { } source)
        {
            html.Raw(" <span class=\"muted\">(").Text(source).Raw(")</span>");
        }

        html.Raw("</dd>");
        Fact(html, "Report", "version " + meta.String("reportVersion") + ", generated " + meta.String("generatedAt"));
        var signatures = report.Items("signatures");
        html.Raw("<dt>Signatures</dt><dd>");
        if (signatures.Count == 0)
        {
            html.Raw("<strong>none: this report is not signed</strong>");
        }

        foreach (var signature in signatures)
        {
            html.Text(signature.String("algorithm")).Raw(" key <code>").Text(signature.String("keyId")).Raw("</code><br>");
        }

        html.Raw("</dd></dl>\n");
        html.Raw("<div class=\"verify\"><button type=\"button\" id=\"verify-button\">Verify signature</button>")
            .Raw("<output id=\"verify-result\" role=\"status\" data-state=\"idle\">");
        html.Text(embeddedKeyId is null
            ? "This page holds no public key; Verify can say only what the report's signatures are."
            : "Checks the ES256 signature of key " + embeddedKeyId + " in this browser, offline.");
        html.Raw("</output><noscript>Verify needs JavaScript; everything else on this page reads without it. Or run evidence verify on the report (docs/verifying.md).</noscript></div>\n</header>\n");

        WriteVerdict(html, report);
    }

    private static void WriteVerdict(HtmlBuilder html, JsonElement report)
    {
        var validation = report.Object("validation") ?? default;
        bool pass = validation.Boolean("typeII") == true;
        html.Raw("<section id=\"verdict\" class=\"verdict ").Raw(pass ? "pass" : "fail").Raw("\">\n<strong>Type II: ").Raw(pass ? "pass" : "fail").Raw("</strong>");
        long observation = validation.Integer("observationDays") ?? 0;
        long minimum = validation.Integer("minimumObservationDays") ?? 90;
        html.Raw("<p>").Number(observation).Raw(" observation days (at least ").Number(minimum).Raw(" needed), ")
            .Number(validation.Integer("daysWithEvidence") ?? 0).Raw(" with evidence for some control; ")
            .Number(validation.Items("coverageGaps").Count).Raw(" coverage gap(s)");
        if (validation.Integer("controlExceptions") is { } exceptions)
        {
            html.Raw("; ").Number(exceptions).Raw(" exception(s) of in-scope controls");
        }

        html.Raw(".</p>");
        var warnings = validation.Strings("warnings");
        if (warnings.Count > 0)
        {
            html.Raw("<p>Why:</p><ul id=\"verdict-reasons\">");
            foreach (string warning in warnings)
            {
                html.Element("li", warning);
            }

            html.Raw("</ul>");
        }

        var controls = report.Members("controls");
        var sections = report.Members("sections");
        int degraded = sections.Count(s => s.Value.String("status") == "degraded");
        html.Raw("<p class=\"muted\">").Number(controls.Count).Raw(" controls, ")
            .Number(controls.Sum(c => c.Value.Integer("evidenceCount") ?? 0)).Raw(" control × evidence events, ")
            .Number(sections.Count).Raw(" sections (").Number(degraded).Raw(" degraded). Contents: ")
            .Raw("<a href=\"#criteria\">criteria</a>, <a href=\"#controls\">controls</a>, <a href=\"#sections\">sections</a>, <a href=\"#provenance\">provenance</a>.</p>\n</section>\n");
    }

    private static void Fact(HtmlBuilder html, string name, string? value) =>
        html.Raw("<dt>").Text(name).Raw("</dt><dd>").Text(value).Raw("</dd>");
}
