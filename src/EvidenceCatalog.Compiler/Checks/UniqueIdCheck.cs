using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Compiler.Checks;

/// <summary>Ids are unique per kind across every file; the second declaration is the error. The policies catalog is declared once.</summary>
internal static class UniqueIdCheck
{
    public static void Run(CheckContext context)
    {
        var ids = new List<(string Kind, string Id, LoadedCatalogFile File, string Pointer)>();
        foreach (var (file, f) in context.Fragments)
        {
            ids.AddRange(f.Frameworks.Select((x, i) => ("framework", x.Id, file, CheckContext.Pointer("framework", "id"))));
            ids.AddRange(f.Frameworks.SelectMany(x => x.Criteria.Select((c, i) => ("criterion", c.Id, file, CheckContext.Pointer("framework", "criteria", i, "id")))));
            ids.AddRange(f.Controls.Select((x, i) => ("control", x.Id, file, CheckContext.Pointer("controls", i, "id"))));
            ids.AddRange(f.EventTypes.Select((x, i) => ("event type", x.Id, file, CheckContext.Pointer("eventTypes", i, "id"))));
            ids.AddRange(f.Metrics.Select((x, i) => ("metric", x.Id, file, CheckContext.Pointer("metrics", i, "id"))));
            ids.AddRange(f.Encryption.Select((x, i) => ("encryption", x.Id, file, CheckContext.Pointer("encryption", i, "id"))));
            ids.AddRange(f.Vendors.Select((x, i) => ("vendor", x.Id, file, CheckContext.Pointer("vendors", i, "id"))));
            ids.AddRange(f.Severities.Select((x, i) => ("severity", x.Id, file, CheckContext.Pointer("severities", i, "id"))));
            ids.AddRange(f.Procedures.Select((x, i) => ("procedure", x.Id, file, CheckContext.Pointer("procedures", i, "id"))));
            ids.AddRange(f.Responders.Select((x, i) => ("responder", x.Id, file, CheckContext.Pointer("responders", i, "id"))));
            ids.AddRange(f.Roles.Select((x, i) => ("role", x.Id, file, CheckContext.Pointer("roles", i, "id"))));
            ids.AddRange(f.PermissionCategories.Select((x, i) => ("permission category", x.Id, file, CheckContext.Pointer("permissionCategories", i, "id"))));
            ids.AddRange(f.PermissionCategories.SelectMany((x, i) => x.Permissions.Select((p, j) => ("permission", p.Id, file, CheckContext.Pointer("permissionCategories", i, "permissions", j, "id")))));
            ids.AddRange(f.RoleMappings.Select((x, i) => ("role mapping", KebabCase.FromEnum(x.System) + ":" + x.Group, file, CheckContext.Pointer("roleMappings", i, "group"))));
            ids.AddRange(f.Sources.Select((x, i) => ("source", x.Id, file, CheckContext.Pointer("sources", i, "id"))));
            if (f.Policies is { } policies)
            {
                ids.AddRange(policies.DataCategories.Select((x, i) => ("data category", x.Id, file, CheckContext.Pointer("dataCategories", i, "id"))));
            }
        }

        var first = new Dictionary<(string, string), (LoadedCatalogFile File, string Pointer)>();
        foreach (var (kind, id, file, pointer) in ids)
        {
            if (first.TryGetValue((kind, id), out var earlier))
            {
                context.Report(DiagnosticDescriptors.DuplicateId, file, pointer, kind, id, CheckContext.Location(earlier.File, earlier.Pointer));
            }
            else
            {
                first.Add((kind, id), (file, pointer));
            }
        }

        var policyFiles = context.Files.Where(f => string.Equals(f.Kind, "policies", StringComparison.Ordinal)).ToList();
        foreach (var file in policyFiles.Skip(1))
        {
            context.Report(DiagnosticDescriptors.SingletonRedeclared, file, "/kind", "policies", policyFiles[0].Path);
        }
    }
}
