using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Model;
using Newtonsoft.Json.Linq;

namespace EvidenceCatalog.Compiler.Reading;

/// <summary>
/// Reads the JSON of one schema-valid catalog file into model records. The schema has already guaranteed the
/// shape, so this only maps names to fields; it never sees a file that failed validation.
/// </summary>
internal static class CatalogFragmentReader
{
    public static CatalogFragment Read(string kind, JToken json)
    {
        var root = (JObject)json;
        return kind switch
        {
            "framework" => new CatalogFragment { Frameworks = One(ReadFramework((JObject)root["framework"]!)) },
            "controls" => new CatalogFragment { Controls = List(root, "controls", ReadControl) },
            "events" => new CatalogFragment { EventTypes = List(root, "eventTypes", ReadEventType), Metrics = List(root, "metrics", ReadMetric) },
            "encryption" => new CatalogFragment { Encryption = List(root, "encryption", ReadEncryption) },
            "vendors" => new CatalogFragment { Vendors = List(root, "vendors", ReadVendor) },
            "runbooks" => new CatalogFragment
            {
                Severities = List(root, "severities", ReadSeverity),
                Procedures = List(root, "procedures", ReadProcedure),
                Responders = List(root, "responders", r => new Responder(Str(r, "id"), Str(r, "name"), Str(r, "onCall"), OptStr(r, "escalation"))),
            },
            "access" => new CatalogFragment
            {
                AccessLastReviewed = OptDate(root, "lastReviewed"),
                Roles = List(root, "roles", ReadRole),
                PermissionCategories = List(root, "permissionCategories", ReadPermissionCategory),
                RoleMappings = List(root, "roleMappings", ReadRoleMapping),
            },
            "policies" => new CatalogFragment { Policies = ReadPolicies(root) },
            "sources" => new CatalogFragment { Sources = List(root, "sources", ReadSource) },
            _ => new CatalogFragment(),
        };
    }

    private static Framework ReadFramework(JObject o) => new(
        Str(o, "id"), Str(o, "name"), Str(o, "version"), Str(o, "publisher"), OptStr(o, "description") ?? string.Empty,
        List(o, "criteria", c => new Criterion(Str(c, "id"), KebabCase.ToEnum<CriterionCategory>(Str(c, "category")), Str(c, "title"))));

    private static Control ReadControl(JObject o) => new(
        Str(o, "id"), Str(o, "name"), Str(o, "description"), Str(o, "owner"), Strings(o, "criteria"),
        KebabCase.ToEnum<Cadence>(Str(o, "cadence")),
        List(o, "evidence", ReadEvidenceRule),
        o["manual"] is JObject manual ? new ManualEvidence(Str(manual, "documents"), OptStr(manual, "providedBy")) : null,
        OptDate(o, "lastReviewed"),
        OptInt(o, "reviewEveryMonths"));

    private static EvidenceRule ReadEvidenceRule(JObject r) => new(
        Str(r, "eventType"), Strings(r, "outcomes"), OptStr(r, "description"),
        r["minimum"] is JObject minimum ? new EvidenceMinimum(OptStr(minimum, "outcome"), Int(minimum, "atLeast")) : null,
        r["failures"] is JObject failures ? new FailureLimit(Strings(failures, "outcomes"), Int(failures, "maxPercent")) : null);

    private static EventType ReadEventType(JObject o) => new(Str(o, "id"), Str(o, "description"), OptStr(o, "category"), Strings(o, "outcomes"));

    private static SecurityMetric ReadMetric(JObject o) => new(Str(o, "id"), Str(o, "name"), Str(o, "description"), Str(o, "eventType"), Strings(o, "outcomes"));

    private static EncryptionControl ReadEncryption(JObject o) => new(
        Str(o, "id"), Str(o, "name"), Str(o, "algorithm"), OptInt(o, "keySizeBits"), Str(o, "scope"), Str(o, "managedBy"),
        Str(o, "sourceModule"), KebabCase.ToEnum<EncryptionCoverage>(Str(o, "coverage")), Strings(o, "criteria"), OptStr(o, "notes"),
        OptDate(o, "rotatedAt"), OptInt(o, "rotationDays"));

    private static Vendor ReadVendor(JObject o)
    {
        var soc2 = (JObject)o["soc2TypeII"]!;
        return new Vendor(
            Str(o, "id"), Str(o, "name"), Str(o, "service"), KebabCase.ToEnum<RiskLevel>(Str(o, "risk")),
            KebabCase.ToEnum<Soc2Status>(Str(soc2, "status")), OptDate(soc2, "periodEnd"),
            Strings(o, "certifications"), Strings(o, "dataAccess"), Strings(o, "mitigations"),
            CalendarDate.Parse(Str(o, "lastReview")), CalendarDate.Parse(Str(o, "nextReview")));
    }

    private static Severity ReadSeverity(JObject o) => new(Str(o, "id"), Str(o, "name"), Int(o, "responseMinutes"), OptStr(o, "description"));

    private static Procedure ReadProcedure(JObject o) => new(
        Str(o, "id"), Str(o, "name"), KebabCase.ToEnum<IncidentPhase>(Str(o, "phase")), OptStr(o, "severity"), OptStr(o, "description"),
        List(o, "steps", s => new ProcedureStep(Str(s, "action"), Str(s, "role"), Int(s, "slaMinutes"), Strings(s, "tools"), OptStr(s, "escalation"))),
        Strings(o, "severities"), OptDate(o, "lastTested"));

    private static Role ReadRole(JObject o) => new(Str(o, "id"), Str(o, "name"), Int(o, "level"), OptStr(o, "description"), Strings(o, "permissions"));

    private static PermissionCategory ReadPermissionCategory(JObject o) => new(
        Str(o, "id"), Str(o, "name"), OptStr(o, "description"), List(o, "permissions", p => new Permission(Str(p, "id"), Str(p, "description"))));

    private static RoleMapping ReadRoleMapping(JObject o) => new(KebabCase.ToEnum<IdentitySystem>(Str(o, "system")), Str(o, "group"), Str(o, "role"));

    private static CompliancePolicies ReadPolicies(JObject o)
    {
        var organization = (JObject)o["organization"]!;
        var pii = (JObject)o["piiDetection"]!;
        var retention = (JObject)o["retention"]!;
        return new CompliancePolicies(
            new Organization(Str(organization, "id"), Str(organization, "name")),
            Strings(o, "activeFrameworks"),
            List(o, "dataCategories", d => new DataCategory(Str(d, "id"), Str(d, "name"), KebabCase.ToEnum<DataResidency>(Str(d, "residency")), OptStr(d, "description"))),
            new PiiDetection((bool)pii["enabled"]!, KebabCase.ToEnum<PiiDetectionMode>(Str(pii, "mode")), Strings(pii, "entities"), Int(pii, "minConfidencePercent")),
            new RetentionPolicy(Int(retention, "auditLogDays"), Int(retention, "evidenceDays"), Int(retention, "incidentRecordDays")),
            Strings(o, "categoriesInScope"),
            o["staleness"] is JObject staleness ? ReadStaleness(staleness) : null);
    }

    /// <summary>Each threshold the catalog leaves out keeps its default.</summary>
    private static StalenessPolicy ReadStaleness(JObject o)
    {
        var defaults = StalenessPolicy.Default;
        return new StalenessPolicy(
            OptInt(o, "soc2ReportMonths") ?? defaults.Soc2ReportMonths,
            OptInt(o, "runbookTestMonths") ?? defaults.RunbookTestMonths,
            OptInt(o, "controlReviewMonths") ?? defaults.ControlReviewMonths,
            OptInt(o, "accessReviewMonths") ?? defaults.AccessReviewMonths);
    }

    private static LogSource ReadSource(JObject o)
    {
        var time = (JObject)o["time"]!;
        var account = (JObject)o["account"]!;
        var eventId = (JObject)o["eventId"]!;
        return new LogSource(
            Str(o, "id"), Str(o, "name"), OptStr(o, "description"), Flags<SourceContainers>(o, "containers"),
            List(o, "recognize", ReadCondition),
            new SourceTime(Strings(time, "fields"), Flags<TimeFormats>(time, "formats")),
            new SourceAccount(OptStr(account, "value"), OptStr(account, "field")),
            new SourceEventId(Strings(eventId, "fields"), eventId["hashWhenMissing"] is JValue { Value: true }),
            Str(o, "nativeName"), Strings(o, "actor"), Strings(o, "resource"), Strings(o, "ip"),
            List(o, "rules", r => new SourceRule(OptStr(r, "name"), List(r, "when", ReadCondition), Str(r, "type"), ReadOutcome(r["outcome"]))));
    }

    /// <summary>The schema allows one test besides 'field'; <c>exists: false</c> is the condition that the field is missing.</summary>
    private static FieldCondition ReadCondition(JObject o)
    {
        string field = Str(o, "field");
        if (o["equals"] is JValue equals)
        {
            return new FieldCondition(field, ConditionKind.Equals, One((string)equals!));
        }

        if (o["prefix"] is JValue prefix)
        {
            return new FieldCondition(field, ConditionKind.Prefix, One((string)prefix!));
        }

        if (o["oneOf"] is JArray)
        {
            return new FieldCondition(field, ConditionKind.OneOf, Strings(o, "oneOf"));
        }

        return new FieldCondition(field, (bool)o["exists"]! ? ConditionKind.Exists : ConditionKind.Missing, EquatableArray<string>.Empty);
    }

    /// <summary>A constant (text), a mapped field (a mapping, its entries in the order written), or no outcome at all.</summary>
    private static SourceOutcome ReadOutcome(JToken? outcome) => outcome switch
    {
        JObject mapped => new SourceOutcome(
            null, Str(mapped, "field"),
            ((JObject)mapped["map"]!).Properties().Select(p => new OutcomeMapping(p.Name, (string)p.Value!)).ToEquatableArray(),
            OptStr(mapped, "default")),
        JValue { Value: not null } constant => new SourceOutcome((string)constant!, null, EquatableArray<OutcomeMapping>.Empty, null),
        _ => new SourceOutcome(null, null, EquatableArray<OutcomeMapping>.Empty, null),
    };

    private static TEnum Flags<TEnum>(JObject o, string name)
        where TEnum : struct, Enum =>
        (TEnum)Enum.ToObject(typeof(TEnum), Strings(o, name).Aggregate(0, (all, value) => all | Convert.ToInt32(KebabCase.ToEnum<TEnum>(value), CultureInfo.InvariantCulture)));

    private static EquatableArray<T> One<T>(T item)
        where T : IEquatable<T> => new[] { item }.ToEquatableArray();

    private static EquatableArray<T> List<T>(JObject o, string name, Func<JObject, T> read)
        where T : IEquatable<T> =>
        o[name] is JArray array ? array.Cast<JObject>().Select(read).ToEquatableArray() : EquatableArray<T>.Empty;

    private static EquatableArray<string> Strings(JObject o, string name) =>
        o[name] is JArray array ? array.Select(t => (string)t!).ToEquatableArray() : EquatableArray<string>.Empty;

    private static string Str(JObject o, string name) => (string)o[name]!;

    private static string? OptStr(JObject o, string name) => o[name] is JValue { Value: not null } v ? (string)v! : null;

    private static int Int(JObject o, string name) => checked((int)(long)o[name]!);

    private static CalendarDate? OptDate(JObject o, string name) => OptStr(o, name) is { } date ? CalendarDate.Parse(date) : null;

    private static int? OptInt(JObject o, string name) => o[name] is JValue { Value: not null } v ? checked((int)(long)v) : null;
}
