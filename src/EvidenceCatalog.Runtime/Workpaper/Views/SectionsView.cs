using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Workpaper.Views;

/// <summary>
/// The report's nine sections as tables (docs/report-format.md, "sections"), each with its status and, when degraded,
/// why. A section this renderer does not know is shown as its members, so nothing in the report is hidden.
/// </summary>
internal static class SectionsView
{
    private static readonly Dictionary<string, (string Title, Action<HtmlBuilder, JsonElement> Body)> Known = new(StringComparer.Ordinal)
    {
        ["accessReview"] = ("Access review", AccessReview),
        ["securityMetrics"] = ("Security metrics", SecurityMetrics),
        ["encryptionInventory"] = ("Encryption inventory", EncryptionInventory),
        ["vendorRegister"] = ("Vendor register", VendorRegister),
        ["incidentResponse"] = ("Incident response", IncidentResponse),
        ["complianceConfig"] = ("Compliance configuration", ComplianceConfig),
        ["dataResidency"] = ("Data residency", DataResidency),
        ["retentionPolicy"] = ("Retention policy", RetentionPolicy),
        ["auditLogSummary"] = ("Audit log summary", AuditLogSummary),
    };

    /// <summary>Members every section has, shown in its heading rather than its body.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal) { "generatedAt", "status", "reason" };

    public static void Write(HtmlBuilder html, JsonElement report)
    {
        html.Raw("<section id=\"sections\">\n<h2>Sections</h2>\n");
        foreach (var section in report.Members("sections"))
        {
            var (title, body) = Known.TryGetValue(section.Name, out var known) ? known : (section.Name, Generic);
            string status = section.Value.String("status") ?? string.Empty;
            html.Raw("<section class=\"report-section\"").Attribute("id", "section-" + section.Name).Raw(">\n<h3>").Text(title).Raw(" ");
            CriteriaView.Status(html, status);
            html.Raw(" <span class=\"muted\">generated ").Text(section.Value.String("generatedAt")).Raw("</span></h3>\n");
            if (section.Value.String("reason") is { } reason)
            {
                html.Raw("<p class=\"degraded-note\">").Text(reason).Raw("</p>\n");
            }

            body(html, section.Value);
            html.Raw("</section>\n");
        }

        html.Raw("</section>\n");
    }

    private static void AccessReview(HtmlBuilder html, JsonElement section)
    {
        if (section.String("snapshotTakenAt") is { } taken)
        {
            html.Raw("<p>Access snapshot taken ").Text(taken).Raw(".</p>\n");
        }

        var findings = section.Members("findings");
        if (findings.Count > 0)
        {
            html.Raw("<table class=\"findings\"><thead><tr>");
            foreach (var finding in findings)
            {
                html.Raw("<th class=\"num\">").Text(Words(finding.Name)).Raw("</th>");
            }

            html.Raw("</tr></thead><tbody><tr>");
            foreach (var finding in findings)
            {
                html.Raw("<td class=\"num\">").Text(finding.Value.Display()).Raw("</td>");
            }

            html.Raw("</tr></tbody></table>\n");
        }

        var users = section.Items("users");
        html.Raw("<h4>Users (").Number(users.Count).Raw(")</h4>\n");
        if (users.Count > 0)
        {
            html.Raw("<table class=\"users\"><thead><tr><th>User</th><th>Role</th><th class=\"num\">Level</th><th>Departments</th><th>Last active</th>")
                .Raw("<th class=\"num\">Days since</th><th>MFA</th><th>Accounts</th><th>Flags</th></tr></thead><tbody>\n");
            foreach (var user in users)
            {
                var flags = user.Strings("flags");
                html.Raw(flags.Count > 0 ? "<tr class=\"flagged\">" : "<tr>").Raw("<td>").Text(user.String("id"));
                if (user.String("displayName") is { } name)
                {
                    html.Raw("<br><span class=\"muted\">").Text(name).Raw("</span>");
                }

                html.Raw("</td><td>").Text(user.String("role")).Raw("</td><td class=\"num\">").Text(user.Integer("roleLevel")?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Raw("</td><td>").Text(string.Join(", ", user.Strings("departments"))).Raw("</td><td>").Text(user.String("lastActive"))
                    .Raw("</td><td class=\"num\">").Text(user.Integer("daysSinceActive")?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Raw("</td><td>").Text(user.String("mfa")).Raw("</td><td>")
                    .Text(string.Join(", ", user.Items("accounts").Select(a => a.String("system") + ": " + a.String("login") + " (" + a.String("status") + ")")))
                    .Raw("</td><td>");
                Flags(html, flags);
                html.Raw("</td></tr>\n");
            }

            html.Raw("</tbody></table>\n");
        }

        var keys = section.Items("apiKeys");
        html.Raw("<h4>API keys (").Number(keys.Count).Raw(")</h4>\n");
        if (keys.Count > 0)
        {
            html.Raw("<table class=\"api-keys\"><thead><tr><th>Key</th><th>Owner</th><th>Provider</th><th>Created</th><th>Expires</th><th>Last used</th>")
                .Raw("<th class=\"num\">Age (days)</th><th class=\"num\">Since rotation</th><th>Valid</th><th>Flags</th></tr></thead><tbody>\n");
            foreach (var key in keys)
            {
                var flags = key.Strings("flags");
                html.Raw(flags.Count > 0 ? "<tr class=\"flagged\">" : "<tr>").Raw("<td>").Text(key.String("id")).Raw("</td><td>").Text(key.String("owner"))
                    .Raw("</td><td>").Text(key.String("provider")).Raw("</td><td>").Text(key.String("createdAt")).Raw("</td><td>").Text(key.String("expiresAt"))
                    .Raw("</td><td>").Text(key.String("lastUsed")).Raw("</td><td class=\"num\">").Text(key.Integer("ageDays")?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Raw("</td><td class=\"num\">").Text(key.Integer("daysSinceRotation")?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Raw("</td><td>").Text(key.Boolean("valid") == false ? "no" : "yes").Raw("</td><td>");
                Flags(html, flags);
                html.Raw("</td></tr>\n");
            }

            html.Raw("</tbody></table>\n");
        }

        CountTable(html, "Role distribution", "Role", "Users", section.Members("roleDistribution"));
    }

    private static void SecurityMetrics(HtmlBuilder html, JsonElement section)
    {
        var metrics = section.Items("metrics");
        if (metrics.Count == 0)
        {
            return;
        }

        html.Raw("<table><thead><tr><th>Metric</th><th>Event type</th><th>Outcomes</th><th class=\"num\">Count</th><th class=\"num\">Days with events</th><th>Peak day</th></tr></thead><tbody>\n");
        foreach (var metric in metrics)
        {
            var peak = metric.Object("peakDay");
            var outcomes = metric.Strings("outcomes");
            html.Raw("<tr><td>").Text(metric.String("name")).Raw("<br><span class=\"muted\">").Text(metric.String("description")).Raw("</span></td><td>")
                .Text(metric.String("eventType")).Raw("</td><td>").Text(outcomes.Count == 0 ? "all" : string.Join(", ", outcomes)).Raw("</td>")
                .NumberCell(metric.Integer("count") ?? 0).NumberCell(metric.Integer("daysWithEvents") ?? 0).Raw("<td>")
                .Text(peak is { } p ? p.String("date") + " (" + p.Integer("count")?.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : string.Empty)
                .Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void EncryptionInventory(HtmlBuilder html, JsonElement section)
    {
        Summary(html, section.Object("summary"));
        var entries = section.Items("entries");
        if (entries.Count == 0)
        {
            return;
        }

        html.Raw("<table><thead><tr><th>Entry</th><th>Algorithm</th><th class=\"num\">Key bits</th><th>Coverage</th><th>Scope</th><th>Managed by</th>")
            .Raw("<th>Source module</th><th>Criteria</th><th>Notes</th></tr></thead><tbody>\n");
        foreach (var entry in entries)
        {
            html.Raw("<tr><td>").Text(entry.String("name")).Raw("<br><span class=\"muted\">").Text(entry.String("id")).Raw("</span></td><td>").Text(entry.String("algorithm"))
                .Raw("</td><td class=\"num\">").Text(entry.Integer("keySizeBits")?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("</td><td>")
                .Text(entry.String("coverage")).Raw("</td><td>").Text(entry.String("scope")).Raw("</td><td>").Text(entry.String("managedBy"))
                .Raw("</td><td class=\"mono\">").Text(entry.String("sourceModule")).Raw("</td><td>").Text(string.Join(", ", entry.Strings("criteria")))
                .Raw("</td><td>").Text(entry.String("notes")).Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void VendorRegister(HtmlBuilder html, JsonElement section)
    {
        if (section.Object("summary") is { } summary)
        {
            html.Raw("<p>").Number(summary.Integer("total") ?? 0).Raw(" vendors; <strong>").Number(summary.Integer("reviewsOverdue") ?? 0)
                .Raw(" review(s) overdue</strong>; ").Number(summary.Integer("withoutCurrentSoc2") ?? 0).Raw(" without a current SOC 2 Type II report; by risk: ")
                .Text(string.Join(", ", summary.Members("byRisk").Select(r => r.Name + " " + r.Value.Display()))).Raw(".</p>\n");
        }

        var vendors = section.Items("vendors");
        if (vendors.Count == 0)
        {
            return;
        }

        html.Raw("<table class=\"vendors\"><thead><tr><th>Vendor</th><th>Service</th><th>Risk</th><th>SOC 2 Type II</th><th>Certifications</th>")
            .Raw("<th>Data access</th><th>Mitigations</th><th>Last review</th><th>Next review</th></tr></thead><tbody>\n");
        foreach (var vendor in vendors)
        {
            bool overdue = vendor.Boolean("reviewOverdue") == true;
            html.Raw(overdue ? "<tr class=\"overdue\">" : "<tr>").Raw("<td>").Text(vendor.String("name")).Raw("<br><span class=\"muted\">").Text(vendor.String("id"))
                .Raw("</span></td><td>").Text(vendor.String("service")).Raw("</td><td>").Text(vendor.String("risk")).Raw("</td><td>").Text(vendor.String("soc2TypeII"));
            if (vendor.String("soc2PeriodEnd") is { } periodEnd)
            {
                html.Raw(" (to ").Text(periodEnd).Raw(")");
            }

            html.Raw("</td><td>").Text(string.Join(", ", vendor.Strings("certifications"))).Raw("</td><td>").Text(string.Join(", ", vendor.Strings("dataAccess")))
                .Raw("</td><td><ul>");
            foreach (string mitigation in vendor.Strings("mitigations"))
            {
                html.Element("li", mitigation);
            }

            html.Raw("</ul></td><td>").Text(vendor.String("lastReview")).Raw("</td><td class=\"review\">").Text(vendor.String("nextReview"))
                .Raw(overdue ? " (overdue)" : string.Empty).Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void IncidentResponse(HtmlBuilder html, JsonElement section)
    {
        var severities = section.Items("severities");
        if (severities.Count > 0)
        {
            html.Raw("<table><thead><tr><th>Severity</th><th>Name</th><th class=\"num\">Response (minutes)</th><th>Description</th></tr></thead><tbody>\n");
            foreach (var severity in severities)
            {
                html.Raw("<tr><td>").Text(severity.String("id")).Raw("</td><td>").Text(severity.String("name")).Raw("</td>")
                    .NumberCell(severity.Integer("responseMinutes") ?? 0).Raw("<td>").Text(severity.String("description")).Raw("</td></tr>\n");
            }

            html.Raw("</tbody></table>\n");
        }

        foreach (var procedure in section.Items("procedures"))
        {
            html.Raw("<h4>").Text(procedure.String("name")).Raw(" <span class=\"muted\">(").Text(procedure.String("phase"))
                .Text(procedure.String("severity") is { } severity ? ", " + severity : ", any severity").Raw(")</span></h4>\n");
            html.Raw("<table class=\"runbook\"><thead><tr><th class=\"num\">#</th><th>Action</th><th>Role</th><th class=\"num\">SLA (minutes)</th><th>Tools</th><th>Escalation</th></tr></thead><tbody>\n");
            int number = 0;
            foreach (var step in procedure.Items("steps"))
            {
                html.Raw("<tr>").NumberCell(++number).Raw("<td>").Text(step.String("action")).Raw("</td><td>").Text(step.String("role")).Raw("</td>")
                    .NumberCell(step.Integer("slaMinutes") ?? 0).Raw("<td>").Text(string.Join(", ", step.Strings("tools"))).Raw("</td><td>")
                    .Text(step.String("escalation")).Raw("</td></tr>\n");
            }

            html.Raw("</tbody></table>\n");
        }

        CountTable(html, "Incident activity in the window", "Event type", "Events", section.Members("activityInWindow"));
    }

    private static void ComplianceConfig(HtmlBuilder html, JsonElement section)
    {
        var sources = section.Object("sources");
        html.Raw("<dl class=\"facts\">");
        Fact(html, "Organisation", section.String("organizationName") + " (" + section.String("organizationId") + ")", sources?.String("organizationName"));
        Fact(html, "Active frameworks", string.Join(", ", section.Strings("activeFrameworks")), sources?.String("activeFrameworks"));
        if (section.Object("piiDetection") is { } pii)
        {
            Fact(
                html,
                "PII detection",
                (pii.Boolean("enabled") == true ? "enabled" : "disabled") + ", mode " + pii.String("mode") + ", entities " + string.Join(", ", pii.Strings("entities"))
                    + ", minimum confidence " + pii.Integer("minConfidencePercent")?.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%",
                sources?.String("piiDetection"));
        }

        html.Raw("</dl>\n");
    }

    private static void DataResidency(HtmlBuilder html, JsonElement section)
    {
        var categories = section.Items("categories");
        if (section.String("source") is { } source)
        {
            html.Raw("<p class=\"muted\">Source: ").Text(source).Raw("</p>\n");
        }

        if (categories.Count == 0)
        {
            return;
        }

        html.Raw("<table><thead><tr><th>Category</th><th>Residency</th><th>Description</th></tr></thead><tbody>\n");
        foreach (var category in categories)
        {
            html.Raw("<tr><td>").Text(category.String("name")).Raw("<br><span class=\"muted\">").Text(category.String("id")).Raw("</span></td><td>")
                .Text(category.String("residency")).Raw("</td><td>").Text(category.String("description")).Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void RetentionPolicy(HtmlBuilder html, JsonElement section)
    {
        html.Raw("<dl class=\"facts\">");
        Fact(html, "Audit logs kept", Days(section.Integer("auditLogDays")), null);
        Fact(html, "Evidence kept", Days(section.Integer("evidenceDays")), null);
        Fact(html, "Incident records kept", Days(section.Integer("incidentRecordDays")), null);
        Fact(html, "Window within evidence retention", section.Boolean("windowWithinEvidenceRetention") == true ? "yes" : "no", null);
        Fact(html, "Source", section.String("source"), null);
        html.Raw("</dl>\n");
    }

    private static void AuditLogSummary(HtmlBuilder html, JsonElement section)
    {
        html.Raw("<p>").Number(section.Integer("total") ?? 0).Raw(" events from ").Text(section.String("from")).Raw(" to ").Text(section.String("to")).Raw(".</p>\n");
        CountTable(html, "By type", "Event type", "Events", section.Members("byType"));
        var actors = section.Items("topActors");
        if (actors.Count > 0)
        {
            html.Raw("<h4>Most active actors</h4>\n<table><thead><tr><th>Actor</th><th class=\"num\">Events</th></tr></thead><tbody>\n");
            foreach (var actor in actors)
            {
                html.Raw("<tr><td>").Text(actor.String("actor")).Raw("</td>").NumberCell(actor.Integer("count") ?? 0).Raw("</tr>\n");
            }

            html.Raw("</tbody></table>\n");
        }
    }

    private static void Generic(HtmlBuilder html, JsonElement section)
    {
        html.Raw("<dl class=\"facts\">");
        foreach (var member in section.EnumerateObject().Where(m => !Common.Contains(m.Name)))
        {
            Fact(html, member.Name, member.Value.Display(), null);
        }

        html.Raw("</dl>\n");
    }

    private static void Summary(HtmlBuilder html, JsonElement? summary)
    {
        if (summary is { } value)
        {
            html.Raw("<p>").Text(string.Join(", ", value.EnumerateObject().Select(m => Words(m.Name) + " " + m.Value.Display()))).Raw(".</p>\n");
        }
    }

    private static void CountTable(HtmlBuilder html, string title, string keyHeading, string countHeading, IReadOnlyList<JsonProperty> counts)
    {
        if (counts.Count == 0)
        {
            return;
        }

        html.Raw("<h4>").Text(title).Raw("</h4>\n<table><thead><tr><th>").Text(keyHeading).Raw("</th><th class=\"num\">").Text(countHeading).Raw("</th></tr></thead><tbody>\n");
        foreach (var count in counts)
        {
            html.Raw("<tr><td>").Text(count.Name).Raw("</td>").NumberCell(count.Value.TryGetInt64(out long n) ? n : 0).Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void Flags(HtmlBuilder html, IReadOnlyList<string> flags)
    {
        foreach (string flag in flags)
        {
            html.Element("span", flag, "flag");
        }
    }

    private static void Fact(HtmlBuilder html, string name, string? value, string? source)
    {
        html.Raw("<dt>").Text(name).Raw("</dt><dd>").Text(value);
        if (source is not null)
        {
            html.Raw(" <span class=\"muted\">(").Text(source).Raw(")</span>");
        }

        html.Raw("</dd>");
    }

    private static string Days(long? days) => days is { } value ? value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " days" : string.Empty;

    /// <summary><c>staleUsers</c> → <c>stale users</c>.</summary>
    private static string Words(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsAsciiLetterUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
