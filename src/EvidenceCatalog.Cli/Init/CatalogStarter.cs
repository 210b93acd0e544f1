using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using EvidenceCatalog.Compiler.Schema;

namespace EvidenceCatalog.Cli.Init;

/// <summary>One file of a starting catalog set: where it goes under the target folder, and its text.</summary>
internal sealed record StarterFile(string RelativePath, string Text);

/// <summary>
/// The files <c>evidence init</c> writes for a new organisation: the SOC 2 framework and the events taxonomy as the
/// tool ships them, a policies catalog naming the organisation, one example control per family, empty vendor,
/// encryption and runbook catalogs with a commented example entry each, the access catalog's roles and permissions
/// with commented group mappings, the shipped source catalogs asked for (their account set to the organisation), and
/// the JSON Schemas the files' <c>$schema</c> headers point at.
/// </summary>
internal static class CatalogStarter
{
    private const string ResourcePrefix = "EvidenceCatalog.Init.";
    private const string SourcePrefix = ResourcePrefix + "Sources.";

    /// <summary>The organisation id pattern of the policies schema.</summary>
    private static readonly Regex OrganizationId = new("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The ids of the source catalogs shipped with the tool, sorted.</summary>
    public static ImmutableArray<string> SourceIds { get; } =
        [.. typeof(CatalogStarter).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(SourcePrefix, StringComparison.Ordinal))
            .Select(n => n[SourcePrefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>Resolves a source as the user names it: an id, or the one id it begins (<c>okta</c> for <c>okta-system-log</c>).</summary>
    /// <exception cref="ArgumentException">No shipped source, or several, answer to the name.</exception>
    public static string ResolveSource(string name)
    {
        if (SourceIds.Contains(name))
        {
            return name;
        }

        var starting = SourceIds.Where(id => id.StartsWith(name + "-", StringComparison.Ordinal)).ToArray();
        if (starting.Length == 1)
        {
            return starting[0];
        }

        string known = string.Join(", ", SourceIds);
        if (starting.Length > 1)
        {
            throw new ArgumentException($"source '{name}' could be any of {string.Join(", ", starting)}; name one");
        }

        string? closest = Model.ClosestName.Of(name, SourceIds);
        throw new ArgumentException($"there is no shipped source '{name}'{(closest is null ? string.Empty : $" (did you mean '{closest}'?)")}; the shipped sources are: {known}");
    }

    /// <summary>The files for an organisation.</summary>
    /// <exception cref="ArgumentException">The id does not fit the policies schema's pattern, or the name is empty or spans lines.</exception>
    public static IReadOnlyList<StarterFile> Files(string organizationId, string organizationName, IEnumerable<string> sources)
    {
        if (!OrganizationId.IsMatch(organizationId))
        {
            throw new ArgumentException($"--org-id '{organizationId}' is not an organisation id: lower-case letters and digits in words joined by '-', starting with a letter (e.g. acme-cloud)");
        }

        if (string.IsNullOrWhiteSpace(organizationName) || organizationName.Any(char.IsControl))
        {
            throw new ArgumentException("--org-name must be a name on one line (e.g. \"Acme Cloud, Inc.\")");
        }

        // A double-quoted YAML scalar holds any name: only the backslash and the quote need escaping.
        string quotedName = "\"" + organizationName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        string Organisation(string text) => text.Replace("__ORG_ID__", organizationId, StringComparison.Ordinal).Replace("__ORG_NAME__", quotedName, StringComparison.Ordinal);

        var files = new List<StarterFile>
        {
            new("catalogs/framework/soc2.yaml", Resource("framework.yaml")),
            new("catalogs/policies/policies.yaml", Organisation(Resource("policies.yaml"))),
            new("catalogs/events/taxonomy.yaml", Resource("events.yaml")),
            new("catalogs/controls/controls.yaml", Resource("controls.yaml")),
            new("catalogs/vendors/vendors.yaml", Resource("vendors.yaml")),
            new("catalogs/encryption/inventory.yaml", Resource("encryption.yaml")),
            new("catalogs/runbooks/runbooks.yaml", Resource("runbooks.yaml")),
            new("catalogs/access/access-model.yaml", Access(Resource("access.yaml"))),
        };
        foreach (string id in sources.Distinct(StringComparer.Ordinal))
        {
            string text = Resource("Sources." + id + ".yaml").Replace("account: { value: northwind-cloud }", "account: { value: " + organizationId + " }", StringComparison.Ordinal);
            files.Add(new StarterFile("catalogs/sources/" + id + ".yaml", text));
        }

        files.AddRange(SchemaSet.EmbeddedFiles().Select(schema => new StarterFile(schema.Path, schema.Text)));
        return files;
    }

    /// <summary>
    /// The shipped access catalog's roles and permission categories (what the tool's permissions mean), without the
    /// sample organisation's group mappings: those become a commented example.
    /// </summary>
    private static string Access(string sample)
    {
        // The sample organisation's review date is not the new organisation's: it becomes a commented example.
        const string review = "lastReviewed: ";
        int reviewed = sample.IndexOf("\n" + review, StringComparison.Ordinal);
        if (reviewed >= 0)
        {
            int end = sample.IndexOf('\n', reviewed + 1);
            sample = sample[..(reviewed + 1)] + "# " + review + "2026-10-05   # the day of your last access review; overdue after 3 months (EC4011)" + sample[end..];
        }

        int mappings = sample.IndexOf("\n# Which groups", StringComparison.Ordinal);
        if (mappings < 0)
        {
            throw new InvalidOperationException("the shipped access catalog no longer has its group mappings where evidence init cuts them");
        }

        return sample[..(mappings + 1)] + """
            # Which groups of the identity systems grant which role, for 'evidence access import' (docs/access-imports.md).
            # Someone in several mapped groups holds the highest of their roles; someone in none is imported as 'unmapped'.
            # roleMappings:
            #   - { system: okta, group: Security-Admins, role: admin }
            #   - { system: okta, group: Engineering, role: member }
            #   - { system: aws, group: Administrators, role: admin }
            #   - { system: github, group: admin, role: admin }

            """;
    }

    private static string Resource(string name)
    {
        var assembly = typeof(CatalogStarter).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException("evidence init's file " + name + " is missing from the tool");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
