using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports.Reading;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Access.Imports.Readers;

/// <summary>
/// Google Workspace users as the Directory API's <c>users.list</c> answers (<c>{"users": [...]}</c>; pages joined into
/// one). A user's groups, for the catalog's role mappings, are their org unit path (<c>/Engineering</c>) and, for
/// administrators, <see cref="SuperAdmin"/> or <see cref="DelegatedAdmin"/>. Google writes "never signed in" as the
/// epoch (<c>1970-01-01T00:00:00.000Z</c>).
/// </summary>
internal static class GoogleWorkspaceUsersReader
{
    public const string SuperAdmin = "super-admin";
    public const string DelegatedAdmin = "delegated-admin";

    private static readonly DateTimeOffset NeverSignedIn = DateTimeOffset.UnixEpoch;

    public static IReadOnlyList<ImportedAccount> Read(AccessImportInput input)
    {
        byte[] json = ExportFile.ReadBytes(input);
        using var document = JsonExport.Parse(json, input.Name);
        var users = JsonExport.RootArray(document.RootElement, "users", input.Name, "the Directory API users.list answer", required: false);
        return users.ValueKind == System.Text.Json.JsonValueKind.Undefined
            ? []
            : JsonExport.Records(json, users, input.Name, "user", "users").Select(Account).ToList();
    }

    private static ImportedAccount Account(ExportRecord user)
    {
        string email = user.String("primaryEmail");
        var lastLogin = user.OptionalTime("lastLoginTime");
        bool never = lastLogin == NeverSignedIn;
        bool suspended = user.OptionalBool("suspended") == true || user.OptionalBool("archived") == true;
        var mfa = user.OptionalBool("isEnrolledIn2Sv") switch
        {
            true => MfaStatus.Enabled,
            false => MfaStatus.Disabled,
            null => MfaStatus.Unknown,
        };

        var groups = new List<string>();
        if (user.OptionalString("orgUnitPath") is { } orgUnit)
        {
            groups.Add(orgUnit);
        }

        if (user.OptionalBool("isAdmin") == true)
        {
            groups.Add(SuperAdmin);
        }

        if (user.OptionalBool("isDelegatedAdmin") == true)
        {
            groups.Add(DelegatedAdmin);
        }

        var account = new SnapshotAccount(
            KebabCase.FromEnum(IdentitySystem.GoogleWorkspace), user.String("id"), email, suspended ? AccountStatus.Suspended : AccountStatus.Active, mfa)
        {
            DisplayName = user.OptionalString("name.fullName") ?? PersonName.Join(user.OptionalString("name.givenName"), user.OptionalString("name.familyName")),
            CreatedAt = user.OptionalTime("creationTime"),
            LastActive = never ? null : lastLogin,
            NeverLoggedIn = never,
            Groups = groups,
        };
        return new ImportedAccount(IdentitySystem.GoogleWorkspace, account, email, Departments(user), [], user.Where);
    }

    /// <summary>The department of the user's primary organisation, else of the first that names one.</summary>
    private static IReadOnlyList<string> Departments(ExportRecord user)
    {
        // OrderByDescending is stable: the primary organisation first, the others in their order.
        string? department = (user.OptionalObjects("organizations") ?? [])
            .OrderByDescending(o => o.OptionalBool("primary") == true)
            .Select(o => o.OptionalString("department"))
            .FirstOrDefault(d => d is not null);
        return department is null ? [] : [department];
    }
}
