using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace EvidenceCatalog.Model;

/// <summary>
/// The catalog fingerprint: SHA-256 over the canonical JSON (RFC 8785 rules) of the whole model, with each kind's
/// entries ordered by id, so that neither file names nor the order of files or entries change it.
/// </summary>
public static class CatalogFingerprint
{
    internal static string Compute(CatalogModel model) => Sha256Hex(CanonicalJson.Write(CanonicalForm(model)));

    /// <summary>
    /// The model as the value the fingerprint hashes: member names as the catalogs write them, each kind's entries ordered
    /// by id; objects are <see cref="IReadOnlyDictionary{TKey, TValue}"/>, lists are arrays. <c>evidence diff</c> compares these.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> CanonicalForm(CatalogModel model)
    {
        var (frameworks, controls, eventTypes, metrics, encryption, vendors, severities, procedures, roles, permissionCategories, roleMappings, policies, sources, responders, accessLastReviewed) = model;
        var canonical = new Obj
        {
            ["frameworks"] = ById(frameworks, f => f.Id, f => new Obj
            {
                ["id"] = f.Id, ["name"] = f.Name, ["version"] = f.Version, ["publisher"] = f.Publisher, ["description"] = f.Description,
                ["criteria"] = Array(f.Criteria.Select(c => new Obj { ["id"] = c.Id, ["category"] = KebabCase.FromEnum(c.Category), ["title"] = c.Title })),
            }),
            ["controls"] = ById(controls, c => c.Id, Control),
            ["eventTypes"] = ById(eventTypes, e => e.Id, e => new Obj
            {
                ["id"] = e.Id, ["description"] = e.Description, ["category"] = e.Category, ["outcomes"] = Strings(e.Outcomes),
            }),
            ["metrics"] = ById(metrics, m => m.Id, m => new Obj
            {
                ["id"] = m.Id, ["name"] = m.Name, ["description"] = m.Description, ["eventType"] = m.EventType, ["outcomes"] = Strings(m.Outcomes),
            }),
            ["encryption"] = ById(encryption, e => e.Id, Encryption),
            ["vendors"] = ById(vendors, v => v.Id, v => new Obj
            {
                ["id"] = v.Id, ["name"] = v.Name, ["service"] = v.Service, ["risk"] = KebabCase.FromEnum(v.Risk),
                ["soc2TypeII"] = new Obj { ["status"] = KebabCase.FromEnum(v.Soc2TypeII), ["periodEnd"] = v.Soc2PeriodEnd?.ToString() },
                ["certifications"] = Strings(v.Certifications), ["dataAccess"] = Strings(v.DataAccess), ["mitigations"] = Strings(v.Mitigations),
                ["lastReview"] = v.LastReview.ToString(), ["nextReview"] = v.NextReview.ToString(),
            }),
            ["severities"] = ById(severities, s => s.Id, s => new Obj
            {
                ["id"] = s.Id, ["name"] = s.Name, ["responseMinutes"] = s.ResponseMinutes, ["description"] = s.Description,
            }),
            ["procedures"] = ById(procedures, p => p.Id, Procedure),
            ["roles"] = ById(roles, r => r.Id, r => new Obj
            {
                ["id"] = r.Id, ["name"] = r.Name, ["level"] = r.Level, ["description"] = r.Description, ["permissions"] = Strings(r.Permissions),
            }),
            ["permissionCategories"] = ById(permissionCategories, c => c.Id, c => new Obj
            {
                ["id"] = c.Id, ["name"] = c.Name, ["description"] = c.Description,
                ["permissions"] = Array(c.Permissions.Select(p => new Obj { ["id"] = p.Id, ["description"] = p.Description })),
            }),
            ["policies"] = policies is null ? null : new Obj
            {
                ["organization"] = new Obj { ["id"] = policies.Organization.Id, ["name"] = policies.Organization.Name },
                ["activeFrameworks"] = Strings(policies.ActiveFrameworks),
                ["dataCategories"] = ById(policies.DataCategories, d => d.Id, d => new Obj
                {
                    ["id"] = d.Id, ["name"] = d.Name, ["residency"] = KebabCase.FromEnum(d.Residency), ["description"] = d.Description,
                }),
                ["piiDetection"] = new Obj
                {
                    ["enabled"] = policies.PiiDetection.Enabled, ["mode"] = KebabCase.FromEnum(policies.PiiDetection.Mode),
                    ["entities"] = Strings(policies.PiiDetection.Entities), ["minConfidencePercent"] = policies.PiiDetection.MinConfidencePercent,
                },
                ["retention"] = new Obj
                {
                    ["auditLogDays"] = policies.Retention.AuditLogDays, ["evidenceDays"] = policies.Retention.EvidenceDays,
                    ["incidentRecordDays"] = policies.Retention.IncidentRecordDays,
                },
            },
        };

        if (policies is not null && policies.CategoriesInScope.Count > 0)
        {
            // Only when declared, so that a policies catalog without the declaration keeps the fingerprint it had before it existed.
            ((Obj)canonical["policies"]!)["categoriesInScope"] = Strings(policies.CategoriesInScope);
        }

        if (policies?.Staleness is { } staleness)
        {
            // Only when declared, like categoriesInScope; the thresholds as they apply, defaults filled in.
            ((Obj)canonical["policies"]!)["staleness"] = new Obj
            {
                ["soc2ReportMonths"] = staleness.Soc2ReportMonths, ["runbookTestMonths"] = staleness.RunbookTestMonths,
                ["controlReviewMonths"] = staleness.ControlReviewMonths, ["accessReviewMonths"] = staleness.AccessReviewMonths,
            };
        }

        // Responders and the access review date are written only when declared, so that catalogs without them keep their fingerprint.
        if (responders.Count > 0)
        {
            canonical["responders"] = ById(responders, r => r.Id, r => new Obj
            {
                ["id"] = r.Id, ["name"] = r.Name, ["onCall"] = r.OnCall, ["escalation"] = r.Escalation,
            });
        }

        if (accessLastReviewed is { } accessReviewed)
        {
            canonical["accessLastReviewed"] = accessReviewed.ToString();
        }

        if (roleMappings.Count > 0)
        {
            // Only when declared, so that a catalog without mappings keeps the fingerprint it had before they existed.
            // Mappings have no id: ordered by system and group, the pair the compiler keeps unique.
            canonical["roleMappings"] = ById(roleMappings, m => KebabCase.FromEnum(m.System) + "\n" + m.Group, m => new Obj
            {
                ["system"] = KebabCase.FromEnum(m.System), ["group"] = m.Group, ["role"] = m.Role,
            });
        }

        // Written only when there are sources, so that catalogs without any keep the fingerprint they had before the kind existed.
        if (sources.Count > 0)
        {
            canonical["sources"] = ById(sources, s => s.Id, Source);
        }

        return canonical;
    }

    /// <summary>
    /// A control; its manual declaration and each rule's minimum and failure limit are written only when declared, so
    /// that a catalog without them keeps the fingerprint it had before they existed.
    /// </summary>
    private static Obj Control(Control c)
    {
        var control = new Obj
        {
            ["id"] = c.Id, ["name"] = c.Name, ["description"] = c.Description, ["owner"] = c.Owner, ["criteria"] = Strings(c.Criteria),
            ["cadence"] = KebabCase.FromEnum(c.Cadence),
            ["evidence"] = Array(c.Evidence.Select(EvidenceRule)),
        };
        if (c.Manual is { } manual)
        {
            control["manual"] = new Obj { ["documents"] = manual.Documents, ["providedBy"] = manual.ProvidedBy };
        }

        if (c.LastReviewed is { } lastReviewed)
        {
            control["lastReviewed"] = lastReviewed.ToString();
        }

        if (c.ReviewEveryMonths is { } months)
        {
            control["reviewEveryMonths"] = months;
        }

        return control;
    }

    /// <summary>An encryption entry; its rotation fields are written only when declared, so that existing fingerprints hold.</summary>
    private static Obj Encryption(EncryptionControl e)
    {
        var entry = new Obj
        {
            ["id"] = e.Id, ["name"] = e.Name, ["algorithm"] = e.Algorithm, ["keySizeBits"] = e.KeySizeBits, ["scope"] = e.Scope,
            ["managedBy"] = e.ManagedBy, ["sourceModule"] = e.SourceModule, ["coverage"] = KebabCase.FromEnum(e.Coverage),
            ["criteria"] = Strings(e.Criteria), ["notes"] = e.Notes,
        };
        if (e.RotatedAt is { } rotatedAt)
        {
            entry["rotatedAt"] = rotatedAt.ToString();
        }

        if (e.RotationDays is { } days)
        {
            entry["rotationDays"] = days;
        }

        return entry;
    }

    /// <summary>A procedure; its severity range and last test are written only when declared, so that existing fingerprints hold.</summary>
    private static Obj Procedure(Procedure p)
    {
        var procedure = new Obj
        {
            ["id"] = p.Id, ["name"] = p.Name, ["phase"] = KebabCase.FromEnum(p.Phase), ["severity"] = p.Severity, ["description"] = p.Description,
            ["steps"] = Array(p.Steps.Select(s => new Obj
            {
                ["action"] = s.Action, ["role"] = s.Role, ["slaMinutes"] = s.SlaMinutes, ["tools"] = Strings(s.Tools), ["escalation"] = s.Escalation,
            })),
        };
        if (p.Severities.Count > 0)
        {
            procedure["severities"] = Strings(p.Severities);
        }

        if (p.LastTested is { } lastTested)
        {
            procedure["lastTested"] = lastTested.ToString();
        }

        return procedure;
    }

    private static Obj EvidenceRule(EvidenceRule r)
    {
        var rule = new Obj { ["eventType"] = r.EventType, ["outcomes"] = Strings(r.Outcomes), ["description"] = r.Description };
        if (r.Minimum is { } minimum)
        {
            rule["minimum"] = new Obj { ["outcome"] = minimum.Outcome, ["atLeast"] = minimum.AtLeast };
        }

        if (r.Failures is { } failures)
        {
            rule["failures"] = new Obj { ["outcomes"] = Strings(failures.Outcomes), ["maxPercent"] = failures.MaxPercent };
        }

        return rule;
    }

    /// <summary>
    /// SHA-256 of one log source's definition: the canonical JSON of the object the catalog fingerprint holds for it,
    /// so that a report can name the exact rules that mapped its inputs.
    /// </summary>
    public static string OfLogSource(LogSource source)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        return Sha256Hex(CanonicalJson.Write(Source(source)));
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

    private static Obj Source(LogSource s) => new Obj
    {
        ["id"] = s.Id, ["name"] = s.Name, ["description"] = s.Description, ["containers"] = Flags(s.Containers),
        ["recognize"] = Conditions(s.Recognize),
        ["time"] = new Obj { ["fields"] = Strings(s.Time.Fields), ["formats"] = Flags(s.Time.Formats) },
        ["account"] = new Obj { ["value"] = s.Account.Value, ["field"] = s.Account.Template },
        ["eventId"] = new Obj { ["fields"] = Strings(s.EventId.Templates), ["hashWhenMissing"] = s.EventId.HashWhenMissing },
        ["nativeName"] = s.NativeName, ["actor"] = Strings(s.Actor), ["resource"] = Strings(s.Resource), ["ip"] = Strings(s.Ip),
        ["rules"] = Array(s.Rules.Select(r => new Obj
        {
            ["name"] = r.Name, ["when"] = Conditions(r.When), ["type"] = r.Type,
            ["outcome"] = new Obj
            {
                ["value"] = r.Outcome.Value, ["field"] = r.Outcome.Field, ["default"] = r.Outcome.Default,
                ["map"] = Array(r.Outcome.Map.Select(m => new Obj { ["from"] = m.From, ["to"] = m.To })),
            },
        })),
    };

    private static object?[] Strings(EquatableArray<string> values) => values.Select(v => (object?)v).ToArray();

    private static object?[] Conditions(EquatableArray<FieldCondition> conditions) =>
        Array(conditions.Select(c => new Obj { ["field"] = c.Field, ["kind"] = KebabCase.FromEnum(c.Kind), ["values"] = Strings(c.Values) }));

    /// <summary>A flags value as the list of its flags' kebab-case names, in the enum's order.</summary>
    private static object?[] Flags<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        KebabCase.FromFlags(value).Select(v => (object?)v).ToArray();

    private static object?[] Array<T>(IEnumerable<T> items) => items.Select(i => (object?)i).ToArray();

    private static object?[] ById<T>(IEnumerable<T> items, Func<T, string> id, Func<T, Obj> write) =>
        items.OrderBy(id, StringComparer.Ordinal).Select(i => (object?)write(i)).ToArray();

    /// <summary>A JSON object under construction: member name to value (see <see cref="CanonicalJson"/>).</summary>
    private sealed class Obj : Dictionary<string, object?>, IReadOnlyDictionary<string, object?>
    {
        public Obj()
            : base(StringComparer.Ordinal)
        {
        }
    }
}
