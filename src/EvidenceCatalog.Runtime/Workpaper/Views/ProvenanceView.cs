using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Workpaper.Views;

/// <summary>
/// Where every population came from (<c>meta.ingestion</c>, and <c>meta.provenance</c> when the report has it): each
/// input with its size and SHA-256, the log sources that mapped them, a store's queries, and the counts, which add up.
/// </summary>
internal static class ProvenanceView
{
    public static void Write(HtmlBuilder html, JsonElement report)
    {
        var meta = report.Object("meta")!.Value;
        html.Raw("<section id=\"provenance\">\n<h2>Provenance</h2>\n<p>Every control's population is its evidence events in the window, read from the inputs below; ")
            .Raw("an auditor can pull them again and compare. The catalogs the events were mapped with have the fingerprint <code>")
            .Text(meta.String("catalogFingerprint")).Raw("</code>.</p>\n");
        if (meta.Object("ingestion") is not { } ingestion)
        {
            html.Raw("<p>The report says nothing of its events (a single section not counted from them).</p>\n</section>\n");
            return;
        }

        html.Raw("<p id=\"ingestion-counts\">From ").Text(ingestion.String("source")).Raw(": read ").Number(ingestion.Integer("read") ?? 0)
            .Raw(" = accepted ").Number(ingestion.Integer("accepted") ?? 0).Raw(" + duplicates ").Number(ingestion.Integer("duplicates") ?? 0)
            .Raw(" + rejected ").Number(ingestion.Integer("rejected") ?? 0);
        if (ingestion.Integer("unmapped") is { } unmapped)
        {
            html.Raw(" + unmapped ").Number(unmapped);
        }

        html.Raw("; accepted = in window ").Number(ingestion.Integer("inWindow") ?? 0).Raw(" + outside the window ").Number(ingestion.Integer("outsideWindow") ?? 0)
            .Raw(" + other accounts ").Number(ingestion.Integer("otherAccounts") ?? 0).Raw(".");
        if (ingestion.Boolean("truncatedLastLine") == true)
        {
            html.Raw(" An input ended in the middle of a record (counted as rejected).");
        }

        if (ingestion.String("quarantine") is { } quarantine)
        {
            html.Raw(" Rejected records were quarantined in <code>").Text(quarantine).Raw("</code>.");
        }

        html.Raw("</p>\n");

        var inputs = ingestion.Items("inputs");
        html.Raw("<table id=\"inputs\"><thead><tr><th>Input</th><th>SHA-256</th><th class=\"num\">Bytes</th><th>Log source</th><th>Damaged</th></tr></thead><tbody>\n");
        foreach (var input in inputs)
        {
            html.Raw(input.String("damaged") is null ? "<tr>" : "<tr class=\"flagged\">").Raw("<td class=\"mono\">").Text(input.String("name")).Raw("</td><td class=\"mono\">")
                .Text(input.String("sha256")).Raw("</td><td class=\"num\">").Text(input.Integer("bytes")?.ToString("N0", CultureInfo.InvariantCulture)).Raw("</td><td>")
                .Text(input.String("logSource") is { } logSource ? logSource + " (" + input.String("container") + ")" : string.Empty).Raw("</td><td>")
                .Text(input.String("damaged")).Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n");

        var unmappedNames = ingestion.Items("unmappedNames");
        if (unmappedNames.Count > 0)
        {
            html.Raw("<p>Unmapped native names: ").Text(string.Join(", ", unmappedNames.Select(n => n.String("name") + " " + n.Integer("count")?.ToString("N0", CultureInfo.InvariantCulture))))
                .Raw(ingestion.Integer("unmappedOther") is > 0 ? "; others " + ingestion.Integer("unmappedOther")!.Value.ToString("N0", CultureInfo.InvariantCulture) : string.Empty).Raw(".</p>\n");
        }

        if (meta.Object("provenance") is { } provenance)
        {
            WritePulls(html, provenance);
        }

        html.Raw("</section>\n");
    }

    private static void WritePulls(HtmlBuilder html, JsonElement provenance)
    {
        var logSources = provenance.Items("logSources");
        if (logSources.Count > 0)
        {
            html.Raw("<h3>Log source definitions</h3>\n<table><thead><tr><th>Log source</th><th>SHA-256 of its definition</th></tr></thead><tbody>\n");
            foreach (var source in logSources)
            {
                html.Raw("<tr><td>").Text(source.String("id")).Raw("</td><td class=\"mono\">").Text(source.String("sha256")).Raw("</td></tr>\n");
            }

            html.Raw("</tbody></table>\n");
        }

        if (provenance.Object("store") is not { } store)
        {
            return;
        }

        html.Raw("<h3>Store queries</h3>\n<p>").Text(store.String("kind")).Raw(" store, schema version ").Text(store.Integer("schemaVersion")?.ToString(CultureInfo.InvariantCulture))
            .Raw(", read in ").Text(store.String("isolation")).Raw(".</p>\n<table class=\"queries\"><thead><tr><th>Purpose</th><th>SQL</th><th>Parameters</th><th>Ran at</th><th class=\"num\">Rows</th></tr></thead><tbody>\n");
        foreach (var query in store.Items("queries"))
        {
            html.Raw("<tr><td>").Text(query.String("purpose")).Raw("</td><td><code>").Text(query.String("sql")).Raw("</code></td><td><code>")
                .Text(query.Member("parameters")?.GetRawText()).Raw("</code>");
            if (query.Integer("executions") is { } executions)
            {
                html.Raw("<br>").Number(executions).Raw(" runs; per run: <code>").Text(query.Member("perExecution")?.GetRawText()).Raw("</code>");
            }

            html.Raw("</td><td>").Text(query.String("ranAt")).Raw("</td>").NumberCell(query.Integer("rows") ?? 0).Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }
}
