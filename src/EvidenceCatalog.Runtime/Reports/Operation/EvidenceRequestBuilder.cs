using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;

namespace EvidenceCatalog.Runtime.Reports.Operation;

/// <summary>
/// The evidence requests of the manual controls (the auditor's "provided by client" list): one for every period of a
/// control's cadence that overlaps the window, with its days inside the window — a request asks for what was done in the
/// period, so the partial periods at the window's edges are asked for too — and one for the whole window of an
/// on-occurrence control. In control id order, then period order.
/// </summary>
internal static class EvidenceRequestBuilder
{
    public static List<EvidenceRequest> Build(ReportWindow window, IEnumerable<Control> controls, PeriodCache periods)
    {
        var requests = new List<EvidenceRequest>();
        foreach (var control in controls.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            if (control.Manual is not { } manual)
            {
                continue;
            }

            foreach (var period in periods.Of(control.Cadence))
            {
                requests.Add(new EvidenceRequest(
                    control.Id,
                    period.Label,
                    window.DateOf(window.WindowOffset + period.FirstDay).ToString(),
                    window.DateOf(window.WindowOffset + period.LastDay).ToString(),
                    manual.Documents,
                    manual.ProvidedBy ?? control.Owner,
                    control.Criteria.ToArray()));
            }
        }

        return requests;
    }
}
