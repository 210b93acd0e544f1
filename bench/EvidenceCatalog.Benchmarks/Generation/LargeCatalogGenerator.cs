using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Schema;

namespace EvidenceCatalog.Benchmarks.Generation;

/// <summary>What <see cref="LargeCatalogGenerator.Write"/> produced.</summary>
internal sealed record GeneratedCatalogSet(string Directory, int Vendors, int Controls, int Files);

/// <summary>
/// A large but valid catalog set: the repository's sample catalogs, plus one vendors file and one controls file of generated entries
/// that reference only what the samples declare. Deterministic: the same counts give the same bytes.
/// </summary>
internal static class LargeCatalogGenerator
{
    public const string VendorsFile = "vendors/generated-vendors.yaml";
    public const string ControlsFile = "controls/generated-controls.yaml";

    private const int MaxPerPrefix = 999;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly string[] Services =
    [
        "workspace API", "document store", "search service", "billing service", "identity service", "notification service",
        "export service", "LLM gateway", "analytics pipeline", "admin console", "mobile backend", "webhook dispatcher",
        "audit log store", "file upload service", "collaboration service", "integration hub", "data warehouse", "reporting service",
        "scheduler", "support portal",
    ];

    private static readonly string[] Cadences = ["continuous", "continuous", "daily", "weekly", "monthly", "quarterly", "annually"];

    private static readonly string[] VendorWords =
    [
        "Blue", "Cedar", "Granite", "Harbor", "Iron", "Juniper", "Kestrel", "Lumen", "Maple", "Northstar",
        "Orbit", "Pine", "Quartz", "Raven", "Summit", "Tidal", "Umber", "Vector", "Willow", "Zephyr",
        "Alder", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Glacier", "Helix", "Indigo", "Jasper",
        "Keystone", "Lattice", "Meridian", "Nimbus", "Onyx", "Prairie", "Quill", "Redwood", "Sierra", "Tundra",
    ];

    private static readonly (string Noun, string Service)[] VendorKinds =
    [
        ("Analytics", "Product analytics and event collection for the web and mobile apps."),
        ("Mail", "Transactional email delivery for invitations and notifications."),
        ("Cloud", "Managed hosting for internal tools and staging environments."),
        ("Payments", "Invoicing and payment processing for marketplace add-ons."),
        ("Logs", "Log archiving and search for security investigations."),
        ("Identity", "Identity verification for enterprise administrators."),
        ("Support", "Customer support ticketing and live chat."),
        ("Data", "Managed data warehouse for business reporting."),
        ("Security", "Vulnerability scanning of the external attack surface."),
        ("Backup", "Off-site backup storage with immutable retention."),
        ("Translate", "Machine translation of interface strings and help articles."),
        ("Signal", "SMS and voice delivery for MFA codes and on-call paging."),
        ("CDN", "Content delivery and image resizing at the edge."),
        ("HR", "Human resources system for employee records and onboarding."),
        ("Sign", "Electronic signature of customer contracts and DPAs."),
        ("Survey", "In-product surveys and customer feedback collection."),
        ("Search", "Hosted search index for help center articles."),
        ("Queue", "Managed message queues between internal services."),
        ("Flags", "Feature flag management and gradual rollouts."),
        ("Pay", "Payroll processing for employees and contractors."),
        ("Docs", "Internal wiki and engineering documentation."),
        ("Calendar", "Meeting scheduling for sales and support calls."),
        ("Vault", "Password management for employees."),
        ("Device", "Endpoint management and disk encryption for laptops."),
        ("Train", "Security awareness training and phishing simulations."),
    ];

    private static readonly string[] LegalSuffixes = ["Inc.", "Ltd.", "GmbH", "LLC", "S.A.S.", "B.V."];

    private static readonly string[] PeriodEnds = ["2026-03-31", "2026-06-30", "2026-09-30"];

    private static readonly string[] Risks = ["critical", "high", "high", "medium", "medium", "medium", "low", "low"];

    private static readonly string[] Certifications =
        ["ISO 27001", "ISO 27017", "ISO 27018", "ISO 27701", "PCI DSS Level 1", "CSA STAR Level 2", "HIPAA", "FedRAMP Moderate"];

    private static readonly string[] Mitigations =
    [
        "Data processing addendum with standard contractual clauses.",
        "Access through SSO with enforced MFA and role-based access.",
        "Data encrypted in transit with TLS 1.2 or later and at rest with AES-256.",
        "Annual review of the vendor's SOC 2 report and bridge letter.",
        "API keys scoped to the minimum needed and rotated every 90 days.",
        "No customer content is sent to the vendor; only identifiers and metadata.",
        "Contract requires breach notification within 72 hours.",
        "Vendor access logged and reviewed monthly by Security Engineering.",
        "Data deleted by the vendor within 30 days of contract end, with a certificate of deletion.",
    ];

    /// <summary>Copies <paramref name="sampleCatalogs"/> into <paramref name="outputDirectory"/> (which must be empty or absent) and adds the generated files.</summary>
    public static GeneratedCatalogSet Write(string outputDirectory, string sampleCatalogs, string schemasDirectory, int vendors, int controls)
    {
        if (vendors < 0 || controls < 0 || controls > ControlThemes.All.Length * MaxPerPrefix)
        {
            throw new ArgumentException("counts must be 0 or more, and at most " + MaxControls(ControlThemes.All.Length) + " controls");
        }

        string output = Path.GetFullPath(outputDirectory);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            throw new IOException("output directory '" + output + "' is not empty; remove it or choose another");
        }

        int copied = CopyTree(sampleCatalogs, output);
        var vocabulary = VocabularyOf(output);

        int files = copied;
        if (vendors > 0)
        {
            WriteFile(output, VendorsFile, Vendors(SchemaPath(output, VendorsFile, schemasDirectory, "vendors"), vendors, vocabulary));
            files++;
        }

        if (controls > 0)
        {
            WriteFile(output, ControlsFile, Controls(SchemaPath(output, ControlsFile, schemasDirectory, "controls"), controls, vocabulary));
            files++;
        }

        return new GeneratedCatalogSet(output, vendors, controls, files);
    }

    private static SampleVocabulary VocabularyOf(string catalogs)
    {
        var result = CatalogCompiler.Compile(CatalogSources.Read(catalogs, catalogs), SchemaSet.Embedded, new CompilerOptions());
        if (!result.Succeeded)
        {
            throw new InvalidDataException("the sample catalogs do not compile, so there is nothing valid to reference:\n"
                + string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        }

        return new SampleVocabulary(result.Model);
    }

    private static string Vendors(string schemaPath, int count, SampleVocabulary vocabulary)
    {
        var yaml = new YamlWriter(schemaPath, "vendors").Line("vendors:");
        int written = 0;
        for (int i = 1; written < count; i++)
        {
            string id = "vendor-" + i.ToString("D4", CultureInfo.InvariantCulture);
            if (vocabulary.VendorIds.Contains(id))
            {
                continue;
            }

            written++;
            int k = i - 1;
            var kind = VendorKinds[k % VendorKinds.Length];
            string word = VendorWords[k / VendorKinds.Length % VendorWords.Length];
            int round = k / (VendorKinds.Length * VendorWords.Length);
            string name = word + " " + kind.Noun + (round == 0 ? string.Empty : " " + (round + 1).ToString(CultureInfo.InvariantCulture))
                + ", " + LegalSuffixes[k % LegalSuffixes.Length];
            string risk = Risks[k % Risks.Length];
            int lastMonth = 1 + (k % 10);
            int day = 1 + (k % 28);

            yaml.Field(2, "- id", id)
                .Field(4, "name", name)
                .Field(4, "service", kind.Service)
                .Field(4, "risk", risk)
                .Line("    soc2TypeII:");
            switch (k % 10)
            {
                case 8:
                    yaml.Field(6, "status", "in-progress");
                    break;
                case 9:
                    yaml.Field(6, "status", "not-available");
                    break;
                default:
                    yaml.Field(6, "status", "current").Field(6, "periodEnd", PeriodEnds[k % PeriodEnds.Length]);
                    break;
            }

            yaml.FlowList(4, "certifications", Pick(Certifications, k / 3, (1 + (k / 2)) % 5))
                .FlowList(4, "dataAccess", Pick(vocabulary.DataCategories, k * 7, (k + 1) % 4))
                .Line("    mitigations:");
            foreach (string mitigation in Pick(Mitigations, k * 5, 2 + (k % 3)))
            {
                yaml.Item(6, mitigation);
            }

            yaml.Field(4, "lastReview", Date(2026, lastMonth, day))
                .Field(4, "nextReview", Date(2027, lastMonth + (risk is "critical" or "high" ? 0 : 1), day));
        }

        return yaml.ToString();
    }

    private static string Controls(string schemaPath, int count, SampleVocabulary vocabulary)
    {
        var themes = ControlThemes.All.Select(t => Usable(t, vocabulary)).Where(t => t is not null).Select(t => t!).ToArray();
        if (themes.Length == 0)
        {
            throw new InvalidDataException("no control theme references criteria and event types that the sample catalogs declare");
        }

        if (count > themes.Length * MaxPerPrefix)
        {
            throw new ArgumentException("the sample catalogs leave " + themes.Length.ToString(CultureInfo.InvariantCulture) + " usable control themes: at most " + MaxControls(themes.Length) + " controls");
        }

        var yaml = new YamlWriter(schemaPath, "controls").Line("controls:");
        int written = 0;
        for (int i = 0; written < count && i < themes.Length * MaxPerPrefix; i++)
        {
            var theme = themes[i % themes.Length];
            int n = i / themes.Length;
            string id = theme.Prefix + "-" + (n + 1).ToString("D3", CultureInfo.InvariantCulture);
            if (vocabulary.ControlIds.Contains(id))
            {
                continue;
            }

            written++;
            string service = Services[n % Services.Length];
            yaml.Field(2, "- id", id)
                .Field(4, "name", theme.Names[n % theme.Names.Length] + " (" + service + ")")
                .Field(4, "description", string.Format(CultureInfo.InvariantCulture, theme.DescriptionFormat, service))
                .Field(4, "owner", theme.Owner)
                .FlowList(4, "criteria", Pick(theme.Criteria, n, 1 + (i % theme.Criteria.Length)))
                .Field(4, "cadence", Cadences[(i + n) % Cadences.Length])
                .Line("    evidence:");
            foreach (var rule in Pick(theme.Evidence, n, 1 + (n % Math.Min(3, theme.Evidence.Length))))
            {
                yaml.Field(6, "- eventType", rule.EventType);
                if (rule.Outcomes.Length > 0)
                {
                    yaml.FlowList(8, "outcomes", rule.Outcomes);
                }

                yaml.Field(8, "description", rule.Description);
            }
        }

        if (written < count)
        {
            throw new InvalidDataException("the sample catalogs already use too many of the generated control ids to write " + count.ToString(CultureInfo.InvariantCulture) + " controls");
        }

        return yaml.ToString();
    }

    private static string MaxControls(int themes) => (themes * MaxPerPrefix).ToString(CultureInfo.InvariantCulture);

    /// <summary>The theme with what the samples do not declare left out; null when nothing usable is left.</summary>
    private static ControlTheme? Usable(ControlTheme theme, SampleVocabulary vocabulary)
    {
        var criteria = theme.Criteria.Where(vocabulary.HasCriterion).ToImmutableArray();
        var evidence = theme.Evidence
            .Where(e => vocabulary.HasEventType(e.EventType))
            .Select(e => e with { Outcomes = vocabulary.DeclaredOutcomes(e.EventType, e.Outcomes) })
            .ToImmutableArray();
        return criteria.IsEmpty || evidence.IsEmpty ? null : theme with { Criteria = criteria, Evidence = evidence };
    }

    /// <summary><paramref name="count"/> distinct items of <paramref name="items"/>, consecutive from <paramref name="start"/> (wrapping).</summary>
    private static IEnumerable<T> Pick<T>(IReadOnlyList<T> items, int start, int count) =>
        Enumerable.Range(0, Math.Min(count, items.Count)).Select(j => items[(start + j) % items.Count]);

    private static string Date(int year, int month, int day) =>
        year.ToString("D4", CultureInfo.InvariantCulture) + "-" + month.ToString("D2", CultureInfo.InvariantCulture) + "-" + day.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The <c>$schema</c> path of the editor comment, relative to the generated file, pointing at the repository's schemas.</summary>
    private static string SchemaPath(string output, string file, string schemasDirectory, string kind)
    {
        string fileDirectory = Path.GetDirectoryName(Path.Combine(output, file))!;
        return Path.GetRelativePath(fileDirectory, Path.Combine(schemasDirectory, kind + ".schema.json")).Replace('\\', '/');
    }

    private static void WriteFile(string output, string relativePath, string text)
    {
        string path = Path.Combine(output, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8NoBom);
    }

    private static int CopyTree(string source, string destination)
    {
        int count = 0;
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            string target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            count++;
        }

        return count;
    }
}
