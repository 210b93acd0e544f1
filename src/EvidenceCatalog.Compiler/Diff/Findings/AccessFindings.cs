using System;
using System.Globalization;
using System.Linq;

namespace EvidenceCatalog.Compiler.Diff.Findings;

/// <summary>ECD009 and ECD010: roles gaining permissions; privileged when it is <c>audit:read</c> or an admin permission granted down.</summary>
internal static class AccessFindings
{
    /// <summary>The permission that lets a role read evidence reports and the audit log (the server's report endpoints ask for it).</summary>
    public const string AuditRead = "audit:read";

    public static void Run(FindingCollector findings)
    {
        var baseRoles = findings.Base.Model.Roles.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var role in findings.Head.Model.Roles)
        {
            bool existed = baseRoles.TryGetValue(role.Id, out var was);
            var gained = role.Permissions.Where(p => !existed || !was!.Permissions.Contains(p, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
            foreach (string permission in gained)
            {
                string? why = Privileged(findings, role.Level, permission);
                if (why is null && !existed)
                {
                    // A new role's ordinary permissions are the role itself, listed among the added entries.
                    continue;
                }

                int index = role.Permissions.ToList().IndexOf(permission);
                findings.Report(
                    why is null ? DiffFindingClass.RoleGainedPermission : DiffFindingClass.RoleGainedPrivilegedPermission,
                    role.Id,
                    $"{(existed ? "role" : "new role")} '{role.Id}' (level {role.Level.ToString(CultureInfo.InvariantCulture)}) gained '{permission}'{(why is null ? string.Empty : ", " + why)}",
                    findings.Head.Locations.Find(EntryCollection.Roles, role.Id, "/permissions/" + index.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>Why gaining <paramref name="permission"/> at <paramref name="level"/> is privileged, or null when it is not.</summary>
    private static string? Privileged(FindingCollector findings, int level, string permission)
    {
        if (string.Equals(permission, AuditRead, StringComparison.Ordinal))
        {
            return "which lets it read evidence reports and the audit log";
        }

        var holders = findings.Base.Model.Roles.Where(r => r.Permissions.Contains(permission, StringComparer.Ordinal)).ToList();
        return holders.Count > 0 && holders.All(r => r.Level > level)
            ? $"which in BASE only higher roles held ({FindingCollector.List(holders.Select(r => r.Id + " " + r.Level.ToString(CultureInfo.InvariantCulture)))})"
            : null;
    }
}
