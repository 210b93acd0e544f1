using System;
using System.Collections.Generic;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>The report's sections, each built on its own and each with its own time and status.</summary>
public sealed record ReportSections(
    AccessReviewSection AccessReview,
    SecurityMetricsSection SecurityMetrics,
    EncryptionInventorySection EncryptionInventory,
    VendorRegisterSection VendorRegister,
    IncidentResponseSection IncidentResponse,
    ComplianceConfigSection ComplianceConfig,
    DataResidencySection DataResidency,
    RetentionPolicySection RetentionPolicy,
    AuditLogSummarySection AuditLogSummary)
{
    /// <summary>Section names as the API and docs spell them, in report order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "access-review", "security-metrics", "encryption-inventory", "vendor-register", "incident-response",
        "compliance-config", "data-residency", "retention-policy", "audit-log-summary",
    ];

    /// <summary>The JSON member of a section (<c>access-review</c> is <c>accessReview</c>).</summary>
    public static string MemberName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var member = new System.Text.StringBuilder(name.Length);
        bool upper = false;
        foreach (char c in name)
        {
            if (c == '-')
            {
                upper = true;
                continue;
            }

            member.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return member.ToString();
    }

    /// <summary>Every section with its name, in report order.</summary>
    public IEnumerable<(string Name, ReportSection Section)> All()
    {
        yield return (Names[0], AccessReview);
        yield return (Names[1], SecurityMetrics);
        yield return (Names[2], EncryptionInventory);
        yield return (Names[3], VendorRegister);
        yield return (Names[4], IncidentResponse);
        yield return (Names[5], ComplianceConfig);
        yield return (Names[6], DataResidency);
        yield return (Names[7], RetentionPolicy);
        yield return (Names[8], AuditLogSummary);
    }
}

/// <summary>What every section carries: when it was built, and whether its source was whole.</summary>
public abstract record ReportSection
{
    public const string Ok = "ok";
    public const string Degraded = "degraded";

    /// <summary>When the section was built (UTC, RFC 3339).</summary>
    public string GeneratedAt { get; init; } = string.Empty;

    /// <summary><c>ok</c>, or <c>degraded</c> when its source was missing or broken and safe defaults fill it.</summary>
    public string Status { get; init; } = Ok;

    /// <summary>Why the section is degraded; absent when ok.</summary>
    public string? Reason { get; init; }

    /// <summary>This section marked degraded, for a reason.</summary>
    public ReportSection AsDegraded(string reason) => this with { Status = Degraded, Reason = reason ?? throw new ArgumentNullException(nameof(reason)) };
}
