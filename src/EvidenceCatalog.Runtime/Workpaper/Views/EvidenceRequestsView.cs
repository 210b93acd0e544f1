using System.Text.Json;

namespace EvidenceCatalog.Runtime.Workpaper.Views;

/// <summary>The documents to be supplied by hand for the controls proven by documents (<c>evidenceRequests</c>), when the report has them.</summary>
internal static class EvidenceRequestsView
{
    public static void Write(HtmlBuilder html, JsonElement report)
    {
        if (report.Member("evidenceRequests") is not { ValueKind: JsonValueKind.Array })
        {
            return;
        }

        var requests = report.Items("evidenceRequests");
        html.Raw("<section id=\"evidence-requests\">\n<h2>Evidence requests</h2>\n<p>").Number(requests.Count)
            .Raw(" request(s) for documents that manual controls are proven by; they are not tested from events.</p>\n");
        if (requests.Count > 0)
        {
            html.Raw("<table><thead><tr><th>Control</th><th>Period</th><th>Days</th><th>Documents</th><th>Provided by</th><th>Criteria</th></tr></thead><tbody>\n");
            foreach (var request in requests)
            {
                html.Raw("<tr><td>");
                CriteriaView.ControlLinks(html, [request.String("control") ?? string.Empty]);
                html.Raw("</td><td>").Text(request.String("period")).Raw("</td><td>").Text(request.String("from")).Raw(" to ").Text(request.String("to"))
                    .Raw("</td><td>").Text(request.String("documents")).Raw("</td><td>").Text(request.String("providedBy"))
                    .Raw("</td><td>").Text(string.Join(", ", request.Strings("criteria"))).Raw("</td></tr>\n");
            }

            html.Raw("</tbody></table>\n");
        }

        html.Raw("</section>\n");
    }
}
