using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Generator.Emit.Specs;
using EvidenceCatalog.Generator.Pipeline;
using EvidenceCatalog.Model;
using static EvidenceCatalog.Generator.Emit.CSharpLiteral;

namespace EvidenceCatalog.Generator.Emit;

/// <summary>
/// Builds the emission model from the linked catalog: names every entry (reporting collisions at the YAML id) and
/// writes every value as a C# expression. Entries come in the model's order: files by path, entries as written.
/// </summary>
internal static class CatalogSpecBuilder
{
    /// <summary>The top-level classes the generator always writes; a framework class may not take one of these names.</summary>
    public static readonly string[] FixedClasses =
    {
        "CatalogInfo", "Frameworks", "Controls", "EventTaxonomy", "EncryptionInventory", "VendorRegister",
        "IncidentResponse", "AccessModel", "CompliancePolicy", "ControlMappings", "GeneratedEvidenceCatalog", "LogSources",
    };

    private const string All = "All";

    public static CatalogEmission Build(LinkedCatalog catalog, string ns)
    {
        var diagnostics = new List<CatalogDiagnostic>();
        string root = "global::" + ns;
        var files = catalog.Files.Where(f => f.Fragment is not null).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

        var frameworkClasses = new MemberNameScope("namespace " + ns, diagnostics, FixedClasses);
        var frameworks = new List<FrameworkSpec>();
        foreach (var (file, framework, _) in Entries(files, f => f.Frameworks))
        {
            string className = frameworkClasses.Claim(CSharpIdentifier.Pascal(framework.Id), "framework", framework.Id, file, "/framework/id");
            var criteriaNames = new MemberNameScope(className, diagnostics, All, "Framework");
            var criteria = framework.Criteria.Select((c, i) => new CriterionSpec(
                criteriaNames.Claim(CSharpIdentifier.KeepCase(c.Id), "criterion", c.Id, file, "/framework/criteria/" + i + "/id"),
                XmlDoc.Of(c.Id + ": " + c.Title),
                String(c.Id),
                Enum(c.Category),
                String(c.Title))).ToEquatableArray();
            frameworks.Add(new FrameworkSpec(
                className, XmlDoc.Of(framework.Name + " " + framework.Version + ", published by " + framework.Publisher + ".", framework.Description),
                String(framework.Id), String(framework.Name), String(framework.Version), String(framework.Publisher), String(framework.Description), criteria));
        }

        var controlNames = new MemberNameScope("Controls", diagnostics, All);
        var controls = Entries(files, f => f.Controls).Select(e => new ControlSpec(
            controlNames.Claim(CSharpIdentifier.KeepCase(e.Entry.Id), "control", e.Entry.Id, e.File, "/controls/" + e.Index + "/id"),
            XmlDoc.Of(e.Entry.Id + ": " + e.Entry.Name, e.Entry.Description),
            String(e.Entry.Id), String(e.Entry.Name), String(e.Entry.Description), String(e.Entry.Owner), Strings(e.Entry.Criteria), Enum(e.Entry.Cadence),
            Array(ModelNamespace + ".EvidenceRule", e.Entry.Evidence.Select(ControlLiteral.Rule)),
            ControlLiteral.Manual(e.Entry.Manual), Date(e.Entry.LastReviewed), Int(e.Entry.ReviewEveryMonths))).ToList();

        var typeNames = new MemberNameScope("EventTaxonomy.Types", diagnostics, All);
        var eventTypes = Entries(files, f => f.EventTypes).Select(e => new EventTypeSpec(
            typeNames.Claim(CSharpIdentifier.Pascal(e.Entry.Id), "event type", e.Entry.Id, e.File, "/eventTypes/" + e.Index + "/id"),
            XmlDoc.Of(e.Entry.Id + ": " + e.Entry.Description),
            String(e.Entry.Id), String(e.Entry.Description), String(e.Entry.Category), Strings(e.Entry.Outcomes))).ToList();

        var metricNames = new MemberNameScope("EventTaxonomy.Metrics", diagnostics, All);
        var metrics = Entries(files, f => f.Metrics).Select(e => new MetricSpec(
            metricNames.Claim(CSharpIdentifier.Pascal(e.Entry.Id), "metric", e.Entry.Id, e.File, "/metrics/" + e.Index + "/id"),
            XmlDoc.Of(e.Entry.Name, e.Entry.Description),
            String(e.Entry.Id), String(e.Entry.Name), String(e.Entry.Description), String(e.Entry.EventType), Strings(e.Entry.Outcomes))).ToList();

        var encryptionNames = new MemberNameScope("EncryptionInventory", diagnostics, All);
        var encryption = Entries(files, f => f.Encryption).Select(e => new EncryptionSpec(
            encryptionNames.Claim(CSharpIdentifier.Pascal(e.Entry.Id), "encryption", e.Entry.Id, e.File, "/encryption/" + e.Index + "/id"),
            XmlDoc.Of(e.Entry.Name + " (" + e.Entry.Algorithm + ").", e.Entry.Notes),
            String(e.Entry.Id), String(e.Entry.Name), String(e.Entry.Algorithm), Int(e.Entry.KeySizeBits), String(e.Entry.Scope), String(e.Entry.ManagedBy),
            String(e.Entry.SourceModule), Enum(e.Entry.Coverage), Strings(e.Entry.Criteria), String(e.Entry.Notes),
            Date(e.Entry.RotatedAt), Int(e.Entry.RotationDays))).ToList();

        var vendorNames = new MemberNameScope("VendorRegister", diagnostics, All);
        var vendors = Entries(files, f => f.Vendors).Select(e => new VendorSpec(
            vendorNames.Claim(CSharpIdentifier.Pascal(e.Entry.Id), "vendor", e.Entry.Id, e.File, "/vendors/" + e.Index + "/id"),
            XmlDoc.Of(e.Entry.Name, e.Entry.Service),
            String(e.Entry.Id), String(e.Entry.Name), String(e.Entry.Service), Enum(e.Entry.Risk), Enum(e.Entry.Soc2TypeII), Date(e.Entry.Soc2PeriodEnd),
            Strings(e.Entry.Certifications), Strings(e.Entry.DataAccess), Strings(e.Entry.Mitigations), Date(e.Entry.LastReview), Date(e.Entry.NextReview))).ToList();

        var severityNames = new MemberNameScope("IncidentResponse.Severities", diagnostics, All);
        var severities = Entries(files, f => f.Severities).Select(e => new SeveritySpec(
            severityNames.Claim(CSharpIdentifier.Pascal(e.Entry.Id), "severity", e.Entry.Id, e.File, "/severities/" + e.Index + "/id"),
            XmlDoc.Of(e.Entry.Id + ": " + e.Entry.Name + ", response within " + e.Entry.ResponseMinutes + " minutes.", e.Entry.Description),
            String(e.Entry.Id), String(e.Entry.Name), Int(e.Entry.ResponseMinutes), String(e.Entry.Description))).ToList();

        var procedureNames = new MemberNameScope("IncidentResponse.Procedures", diagnostics, All);
        var procedures = Entries(files, f => f.Procedures).Select(e => new ProcedureSpec(
            procedureNames.Claim(CSharpIdentifier.Pascal(e.Entry.Id), "procedure", e.Entry.Id, e.File, "/procedures/" + e.Index + "/id"),
            XmlDoc.Of(e.Entry.Name, e.Entry.Description),
            String(e.Entry.Id), String(e.Entry.Name), Enum(e.Entry.Phase), String(e.Entry.Severity), String(e.Entry.Description),
            Array(ModelNamespace + ".ProcedureStep", e.Entry.Steps.Select(s =>
                "new " + ModelNamespace + ".ProcedureStep(" + String(s.Action) + ", " + String(s.Role) + ", " + Int(s.SlaMinutes) + ", " + Strings(s.Tools) + ", " + String(s.Escalation) + ")")),
            Strings(e.Entry.Severities), Date(e.Entry.LastTested))).ToList();

        var responderNames = new MemberNameScope("IncidentResponse.Responders", diagnostics, All);
        var responders = Entries(files, f => f.Responders).Select(e => new ResponderSpec(
            responderNames.Claim(CSharpIdentifier.Pascal(e.Entry.Id), "responder", e.Entry.Id, e.File, "/responders/" + e.Index + "/id"),
            XmlDoc.Of(e.Entry.Name + " (" + e.Entry.Id + ").", e.Entry.OnCall),
            String(e.Entry.Id), String(e.Entry.Name), String(e.Entry.OnCall), String(e.Entry.Escalation))).ToList();

        var roleNames = new MemberNameScope("AccessModel.Roles", diagnostics, All);
        var roles = Entries(files, f => f.Roles).Select(e => new RoleSpec(
            roleNames.Claim(CSharpIdentifier.Pascal(e.Entry.Id), "role", e.Entry.Id, e.File, "/roles/" + e.Index + "/id"),
            XmlDoc.Of(e.Entry.Name + " (level " + e.Entry.Level + ").", e.Entry.Description),
            String(e.Entry.Id), String(e.Entry.Name), Int(e.Entry.Level), String(e.Entry.Description), Strings(e.Entry.Permissions))).ToList();

        // Permissions first: a category's initializer refers to them by member.
        var permissionNames = new MemberNameScope("AccessModel.Permissions", diagnostics, All);
        var permissions = new List<PermissionSpec>();
        var categoryNames = new MemberNameScope("AccessModel.PermissionCategories", diagnostics, All);
        var categories = new List<PermissionCategorySpec>();
        foreach (var (file, category, i) in Entries(files, f => f.PermissionCategories))
        {
            var members = new List<string>();
            foreach (var (permission, j) in category.Permissions.Select((p, j) => (p, j)))
            {
                string member = permissionNames.Claim(CSharpIdentifier.Pascal(permission.Id), "permission", permission.Id, file, "/permissionCategories/" + i + "/permissions/" + j + "/id");
                members.Add(member);
                permissions.Add(new PermissionSpec(member, XmlDoc.Of(permission.Id + ": " + permission.Description), String(permission.Id), String(permission.Description)));
            }

            categories.Add(new PermissionCategorySpec(
                categoryNames.Claim(CSharpIdentifier.Pascal(category.Id), "permission category", category.Id, file, "/permissionCategories/" + i + "/id"),
                XmlDoc.Of(category.Name, category.Description),
                String(category.Id), String(category.Name), String(category.Description),
                Array(ModelNamespace + ".Permission", members.Select(m => root + ".AccessModel.Permissions." + m))));
        }

        var roleMappings = Entries(files, f => f.RoleMappings).Select(e =>
            "new " + ModelNamespace + ".RoleMapping(" + Enum(e.Entry.System) + ", " + String(e.Entry.Group) + ", " + String(e.Entry.Role) + ")").ToList();

        var sourceNames = new MemberNameScope("LogSources", diagnostics, All);
        var sources = Entries(files, f => f.Sources).Select(e => new LogSourceSpec(
            sourceNames.Claim(CSharpIdentifier.Pascal(e.Entry.Id), "source", e.Entry.Id, e.File, "/sources/" + e.Index + "/id"),
            XmlDoc.Of(e.Entry.Name + " (" + e.Entry.Id + "): " + e.Entry.Rules.Count + (e.Entry.Rules.Count == 1 ? " rule." : " rules."), e.Entry.Description),
            String(e.Entry.Id), String(e.Entry.Name), String(e.Entry.Description), Flags(e.Entry.Containers), LogSourceLiteral.Conditions(e.Entry.Recognize),
            LogSourceLiteral.Time(e.Entry.Time), LogSourceLiteral.Account(e.Entry.Account), LogSourceLiteral.EventId(e.Entry.EventId), String(e.Entry.NativeName),
            Strings(e.Entry.Actor), Strings(e.Entry.Resource), Strings(e.Entry.Ip),
            e.Entry.Rules.Select(LogSourceLiteral.Rule).ToEquatableArray())).ToList();

        var policiesFile = files.FirstOrDefault(f => f.Fragment!.Policies is not null);
        var policies = policiesFile?.Fragment!.Policies;
        var dataCategories = new List<DataCategorySpec>();
        PoliciesSpec? policiesSpec = null;
        if (policiesFile is not null && policies is not null)
        {
            var dataCategoryNames = new MemberNameScope("CompliancePolicy.DataCategories", diagnostics, All);
            dataCategories.AddRange(policies.DataCategories.Select((d, i) => new DataCategorySpec(
                dataCategoryNames.Claim(CSharpIdentifier.Pascal(d.Id), "data category", d.Id, policiesFile, "/dataCategories/" + i + "/id"),
                XmlDoc.Of(d.Name + " (" + d.Id + ").", d.Description),
                String(d.Id), String(d.Name), Enum(d.Residency), String(d.Description))));
            policiesSpec = new PoliciesSpec(
                String(policies.Organization.Id), String(policies.Organization.Name), Strings(policies.ActiveFrameworks),
                Array(ModelNamespace + ".DataCategory", dataCategories.Select(d => root + ".CompliancePolicy.DataCategories." + d.Member)),
                Bool(policies.PiiDetection.Enabled), Enum(policies.PiiDetection.Mode), Strings(policies.PiiDetection.Entities), Int(policies.PiiDetection.MinConfidencePercent),
                Int(policies.Retention.AuditLogDays), Int(policies.Retention.EvidenceDays), Int(policies.Retention.IncidentRecordDays),
                Strings(policies.CategoriesInScope),
                policies.Staleness is { } staleness
                    ? "new " + ModelNamespace + ".StalenessPolicy(" + Int(staleness.Soc2ReportMonths) + ", " + Int(staleness.RunbookTestMonths) + ", "
                        + Int(staleness.ControlReviewMonths) + ", " + Int(staleness.AccessReviewMonths) + ")"
                    : "null");
        }

        var spec = new CatalogSpec(
            ns,
            root,
            String(catalog.Model.Fingerprint),
            String(policies?.Organization.Id),
            String(policies?.Organization.Name),
            frameworks.ToEquatableArray(),
            controls.ToEquatableArray(),
            eventTypes.ToEquatableArray(),
            metrics.ToEquatableArray(),
            encryption.ToEquatableArray(),
            vendors.ToEquatableArray(),
            severities.ToEquatableArray(),
            procedures.ToEquatableArray(),
            responders.ToEquatableArray(),
            roles.ToEquatableArray(),
            permissions.ToEquatableArray(),
            categories.ToEquatableArray(),
            roleMappings.ToEquatableArray(),
            Date(catalog.Model.AccessLastReviewed),
            dataCategories.ToEquatableArray(),
            policiesSpec,
            sources.ToEquatableArray(),
            ControlMappingBuilder.Build(catalog.Model, controls.Select(c => root + ".Controls." + c.Member).ToList()));
        return new CatalogEmission(spec, diagnostics.ToEquatableArray());
    }

    /// <summary>The entries of one kind in model order, each with its file and its index within the file (for the id's pointer).</summary>
    private static IEnumerable<(LoadedCatalogFile File, T Entry, int Index)> Entries<T>(IEnumerable<LoadedCatalogFile> files, Func<CatalogFragment, EquatableArray<T>> select)
        where T : IEquatable<T> =>
        files.SelectMany(file => select(file.Fragment!).Select((entry, index) => (file, entry, index)));
}
