using System;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Diff.Findings;

/// <summary>ECD006: a vendor at high or critical risk without a current SOC 2 Type II report enters the register.</summary>
internal static class VendorFindings
{
    public static void Run(FindingCollector findings)
    {
        var baseVendors = findings.Base.Model.Vendors.ToDictionary(v => v.Id, StringComparer.Ordinal);
        foreach (var vendor in findings.Head.Model.Vendors.Where(Unassured))
        {
            string state = $"at {KebabCase.FromEnum(vendor.Risk)} risk with SOC 2 Type II '{KebabCase.FromEnum(vendor.Soc2TypeII)}'";
            string? message = !baseVendors.TryGetValue(vendor.Id, out var was)
                ? $"vendor '{vendor.Id}' was added {state}"
                : Unassured(was)
                    ? null
                    : $"vendor '{vendor.Id}' is now {state} (BASE: {KebabCase.FromEnum(was.Risk)} risk, SOC 2 Type II '{KebabCase.FromEnum(was.Soc2TypeII)}')";
            if (message is not null)
            {
                findings.Report(
                    DiffFindingClass.HighRiskVendorWithoutSoc2,
                    vendor.Id,
                    message + "; obtain a current report or lower the risk with recorded mitigations",
                    findings.Head.Locations.Find(EntryCollection.Vendors, vendor.Id, "/soc2TypeII/status"));
            }
        }
    }

    private static bool Unassured(Vendor vendor) => vendor.RequiresSoc2Report && vendor.Soc2TypeII != Soc2Status.Current;
}
