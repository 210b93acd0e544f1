using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace EvidenceCatalog.Compiler.Model;

/// <summary>
/// The catalog fingerprint: SHA-256 over the canonical JSON (RFC 8785 rules) of the whole model, with each kind's
/// entries ordered by id, so that neither file names nor the order of files or entries change it.
/// </summary>
public static class CatalogFingerprint
{
    internal static string Compute(
        EquatableArray<Framework> frameworks,
        EquatableArray<Control> controls,
        EquatableArray<EventType> eventTypes,
        EquatableArray<SecurityMetric> metrics,
        EquatableArray<EncryptionControl> encryption,
        EquatableArray<Vendor> vendors,
        EquatableArray<Severity> severities,
        EquatableArray<Procedure> procedures,
        EquatableArray<Role> roles,
        EquatableArray<PermissionCategory> permissionCategories,
        CompliancePolicies? policies)
    {
        var canonical = new JObject
        {
            ["frameworks"] = ById(frameworks, f => f.Id, f => new JObject
            {
                ["id"] = f.Id, ["name"] = f.Name, ["version"] = f.Version, ["publisher"] = f.Publisher, ["description"] = f.Description,
                ["criteria"] = new JArray(f.Criteria.Select(c => new JObject { ["id"] = c.Id, ["category"] = KebabCase.FromEnum(c.Category), ["title"] = c.Title })),
            }),
            ["controls"] = ById(controls, c => c.Id, c => new JObject
            {
                ["id"] = c.Id, ["name"] = c.Name, ["description"] = c.Description, ["owner"] = c.Owner, ["criteria"] = Strings(c.Criteria),
                ["cadence"] = KebabCase.FromEnum(c.Cadence),
                ["evidence"] = new JArray(c.Evidence.Select(r => new JObject { ["eventType"] = r.EventType, ["outcomes"] = Strings(r.Outcomes), ["description"] = r.Description })),
            }),
            ["eventTypes"] = ById(eventTypes, e => e.Id, e => new JObject
            {
                ["id"] = e.Id, ["description"] = e.Description, ["category"] = e.Category, ["outcomes"] = Strings(e.Outcomes),
            }),
            ["metrics"] = ById(metrics, m => m.Id, m => new JObject
            {
                ["id"] = m.Id, ["name"] = m.Name, ["description"] = m.Description, ["eventType"] = m.EventType, ["outcomes"] = Strings(m.Outcomes),
            }),
            ["encryption"] = ById(encryption, e => e.Id, e => new JObject
            {
                ["id"] = e.Id, ["name"] = e.Name, ["algorithm"] = e.Algorithm, ["keySizeBits"] = e.KeySizeBits, ["scope"] = e.Scope,
                ["managedBy"] = e.ManagedBy, ["sourceModule"] = e.SourceModule, ["coverage"] = KebabCase.FromEnum(e.Coverage),
                ["criteria"] = Strings(e.Criteria), ["notes"] = e.Notes,
            }),
            ["vendors"] = ById(vendors, v => v.Id, v => new JObject
            {
                ["id"] = v.Id, ["name"] = v.Name, ["service"] = v.Service, ["risk"] = KebabCase.FromEnum(v.Risk),
                ["soc2TypeII"] = new JObject { ["status"] = KebabCase.FromEnum(v.Soc2TypeII), ["periodEnd"] = v.Soc2PeriodEnd?.ToString() },
                ["certifications"] = Strings(v.Certifications), ["dataAccess"] = Strings(v.DataAccess), ["mitigations"] = Strings(v.Mitigations),
                ["lastReview"] = v.LastReview.ToString(), ["nextReview"] = v.NextReview.ToString(),
            }),
            ["severities"] = ById(severities, s => s.Id, s => new JObject
            {
                ["id"] = s.Id, ["name"] = s.Name, ["responseMinutes"] = s.ResponseMinutes, ["description"] = s.Description,
            }),
            ["procedures"] = ById(procedures, p => p.Id, p => new JObject
            {
                ["id"] = p.Id, ["name"] = p.Name, ["phase"] = KebabCase.FromEnum(p.Phase), ["severity"] = p.Severity, ["description"] = p.Description,
                ["steps"] = new JArray(p.Steps.Select(s => new JObject
                {
                    ["action"] = s.Action, ["role"] = s.Role, ["slaMinutes"] = s.SlaMinutes, ["tools"] = Strings(s.Tools), ["escalation"] = s.Escalation,
                })),
            }),
            ["roles"] = ById(roles, r => r.Id, r => new JObject
            {
                ["id"] = r.Id, ["name"] = r.Name, ["level"] = r.Level, ["description"] = r.Description, ["permissions"] = Strings(r.Permissions),
            }),
            ["permissionCategories"] = ById(permissionCategories, c => c.Id, c => new JObject
            {
                ["id"] = c.Id, ["name"] = c.Name, ["description"] = c.Description,
                ["permissions"] = new JArray(c.Permissions.Select(p => new JObject { ["id"] = p.Id, ["description"] = p.Description })),
            }),
            ["policies"] = policies is null ? JValue.CreateNull() : new JObject
            {
                ["organization"] = new JObject { ["id"] = policies.Organization.Id, ["name"] = policies.Organization.Name },
                ["activeFrameworks"] = Strings(policies.ActiveFrameworks),
                ["dataCategories"] = ById(policies.DataCategories, d => d.Id, d => new JObject
                {
                    ["id"] = d.Id, ["name"] = d.Name, ["residency"] = KebabCase.FromEnum(d.Residency), ["description"] = d.Description,
                }),
                ["piiDetection"] = new JObject
                {
                    ["enabled"] = policies.PiiDetection.Enabled, ["mode"] = KebabCase.FromEnum(policies.PiiDetection.Mode),
                    ["entities"] = Strings(policies.PiiDetection.Entities), ["minConfidencePercent"] = policies.PiiDetection.MinConfidencePercent,
                },
                ["retention"] = new JObject
                {
                    ["auditLogDays"] = policies.Retention.AuditLogDays, ["evidenceDays"] = policies.Retention.EvidenceDays,
                    ["incidentRecordDays"] = policies.Retention.IncidentRecordDays,
                },
            },
        };

        return Sha256Hex(CanonicalJson.Write(canonical));
    }

    public static string Sha256Hex(string text)
    {
        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(hash.Length * 2);
        foreach (byte b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    private static JArray Strings(EquatableArray<string> values) => new(values.Select(v => (object)v));

    private static JArray ById<T>(IEnumerable<T> items, Func<T, string> id, Func<T, JObject> write) =>
        new(items.OrderBy(id, StringComparer.Ordinal).Select(write));
}
