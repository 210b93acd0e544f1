using System.Collections.Generic;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;

namespace EvidenceCatalog.Runtime.Reports.Operation;

/// <summary>The periods of each cadence over one window, computed once per cadence.</summary>
internal sealed class PeriodCache(ReportWindow window)
{
    private readonly Dictionary<Cadence, IReadOnlyList<CadencePeriod>> periods = new();

    public IReadOnlyList<CadencePeriod> Of(Cadence cadence)
    {
        if (!periods.TryGetValue(cadence, out var found))
        {
            found = CadencePeriods.Of(window, cadence);
            periods[cadence] = found;
        }

        return found;
    }
}
