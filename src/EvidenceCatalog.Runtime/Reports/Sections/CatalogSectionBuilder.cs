using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>The sections that come from the catalogs themselves; degraded when the catalogs declare nothing of the kind.</summary>
internal static class CatalogSectionBuilder
{
    public static EncryptionInventorySection Encryption(CatalogModel model)
    {
        var entries = model.Encryption.Select(e => new EncryptionEntry(
            e.Id, e.Name, e.Algorithm, e.KeySizeBits, e.Scope, e.ManagedBy, e.SourceModule, KebabCase.FromEnum(e.Coverage), e.Criteria.ToArray(), e.Notes)).ToList();
        var section = new EncryptionInventorySection(
            entries,
            new EncryptionSummary(
                entries.Count,
                model.Encryption.Count(e => e.Coverage == EncryptionCoverage.AtRest),
                model.Encryption.Count(e => e.Coverage == EncryptionCoverage.InTransit),
                model.Encryption.Count(e => e.Coverage == EncryptionCoverage.Both)));
        return entries.Count == 0 ? (EncryptionInventorySection)section.AsDegraded("the catalogs declare no encryption inventory") : section;
    }

    public static VendorRegisterSection Vendors(CatalogModel model, CalendarDate asOf)
    {
        var vendors = model.Vendors.Select(v => new VendorEntry(
            v.Id,
            v.Name,
            v.Service,
            KebabCase.FromEnum(v.Risk),
            KebabCase.FromEnum(v.Soc2TypeII),
            v.Soc2PeriodEnd?.ToString(),
            v.Certifications.ToArray(),
            v.DataAccess.ToArray(),
            v.Mitigations.ToArray(),
            v.LastReview.ToString(),
            v.NextReview.ToString(),
            v.NextReview < asOf)).ToList();
        var byRisk = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var vendor in vendors)
        {
            byRisk[vendor.Risk] = byRisk.GetValueOrDefault(vendor.Risk) + 1;
        }

        var section = new VendorRegisterSection(
            vendors,
            new VendorSummary(vendors.Count, byRisk, vendors.Count(v => v.ReviewOverdue), model.Vendors.Count(v => v.Soc2TypeII != Soc2Status.Current)));
        return vendors.Count == 0 ? (VendorRegisterSection)section.AsDegraded("the catalogs declare no vendor register") : section;
    }

    public static IncidentResponseSection IncidentResponse(CatalogModel model, IReadOnlyDictionary<string, long> activity)
    {
        var section = new IncidentResponseSection(
            model.Severities.Select(s => new SeverityEntry(s.Id, s.Name, s.ResponseMinutes, s.Description)).ToList(),
            model.Responders.Select(r => new ResponderEntry(r.Id, r.Name, r.OnCall, r.Escalation)).ToList(),
            model.Procedures.Select(p => new ProcedureEntry(
                p.Id,
                p.Name,
                p.Description,
                KebabCase.FromEnum(p.Phase),
                p.Severity,
                p.Severities.Count > 0 ? p.Severities.ToArray() : null,
                p.LastTested?.ToString(),
                p.Steps.Select(s => new ProcedureStepEntry(s.Action, s.Role, s.SlaMinutes, s.Tools.ToArray(), s.Escalation)).ToList())).ToList(),
            activity);
        return model.Severities.Count == 0 && model.Procedures.Count == 0
            ? (IncidentResponseSection)section.AsDegraded("the catalogs declare no incident-response runbooks")
            : section;
    }
}
