using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Checks;

/// <summary>
/// The staleness gates: dated facts of the catalogs judged against the as-of date, with the thresholds of the policies
/// catalog (or their defaults). None runs without an as-of date, nor while the policies catalog is broken, so that
/// thresholds nobody can read never judge anything.
/// </summary>
internal static class StalenessCheck
{
    public static void Run(CheckContext context)
    {
        if (context.Options.AsOf is not { } asOf || !context.IsComplete("policies"))
        {
            return;
        }

        var policies = context.Fragments.Select(f => f.Fragment.Policies).FirstOrDefault(p => p is not null);
        var limits = policies?.StalenessOrDefault ?? StalenessPolicy.Default;
        foreach (var (file, f) in context.Fragments)
        {
            for (int i = 0; i < f.Vendors.Count; i++)
            {
                var vendor = f.Vendors[i];
                if (vendor.Soc2TypeII == Soc2Status.Current && vendor.Soc2PeriodEnd is { } periodEnd && periodEnd.AddMonths(limits.Soc2ReportMonths) < asOf)
                {
                    context.Report(DiagnosticDescriptors.Soc2ReportOutOfDate, file, CheckContext.Pointer("vendors", i, "soc2TypeII", "periodEnd"), vendor.Id, periodEnd, limits.Soc2ReportMonths, asOf);
                }
                else if (vendor.RequiresSoc2Report && vendor.Soc2TypeII != Soc2Status.Current)
                {
                    context.Report(
                        DiagnosticDescriptors.VendorWithoutCurrentSoc2, file, CheckContext.Pointer("vendors", i, "soc2TypeII", "status"),
                        KebabCase.FromEnum(vendor.Risk), vendor.Id, KebabCase.FromEnum(vendor.Soc2TypeII));
                }
            }

            for (int i = 0; i < f.Encryption.Count; i++)
            {
                var entry = f.Encryption[i];
                if (entry.RotatedAt is { } rotatedAt && entry.RotationDays is { } days && rotatedAt.AddDays(days) < asOf)
                {
                    context.Report(DiagnosticDescriptors.KeyRotationOverdue, file, CheckContext.Pointer("encryption", i, "rotatedAt"), entry.Id, rotatedAt, days, rotatedAt.AddDays(days), asOf);
                }
            }

            for (int i = 0; i < f.Procedures.Count; i++)
            {
                var procedure = f.Procedures[i];
                if (procedure.LastTested is { } lastTested && lastTested.AddMonths(limits.RunbookTestMonths) < asOf)
                {
                    context.Report(DiagnosticDescriptors.RunbookTestOverdue, file, CheckContext.Pointer("procedures", i, "lastTested"), procedure.Id, lastTested, limits.RunbookTestMonths, asOf);
                }
            }

            for (int i = 0; i < f.Controls.Count; i++)
            {
                var control = f.Controls[i];
                int months = control.ReviewEveryMonths ?? limits.ControlReviewMonths;
                if (control.LastReviewed is { } lastReviewed && lastReviewed.AddMonths(months) < asOf)
                {
                    context.Report(DiagnosticDescriptors.ControlReviewOverdue, file, CheckContext.Pointer("controls", i, "lastReviewed"), control.Id, lastReviewed, lastReviewed.AddMonths(months), months, asOf);
                }
            }

            if (f.AccessLastReviewed is { } accessReviewed && accessReviewed.AddMonths(limits.AccessReviewMonths) < asOf)
            {
                context.Report(DiagnosticDescriptors.AccessReviewOverdue, file, "/lastReviewed", accessReviewed, accessReviewed.AddMonths(limits.AccessReviewMonths), limits.AccessReviewMonths, asOf);
            }
        }
    }
}
