using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports.Reading;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Access.Imports.Readers;

/// <summary>
/// Okta users as <c>GET /api/v1/users</c> returns them (a JSON array; pages joined into one), each with what
/// <c>/api/v1/users/{id}/groups</c> and <c>/api/v1/users/{id}/factors</c> return embedded under <c>_embedded.groups</c>
/// and <c>_embedded.factors</c>, the way Okta embeds related resources. Without factors the user's MFA is unknown.
/// </summary>
internal static class OktaUsersReader
{
    /// <summary>Okta's user statuses, and whether each can sign in.</summary>
    private static readonly Dictionary<string, AccountStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["ACTIVE"] = AccountStatus.Active,
        ["RECOVERY"] = AccountStatus.Active,
        ["PASSWORD_EXPIRED"] = AccountStatus.Active,
        ["LOCKED_OUT"] = AccountStatus.Active,
        ["STAGED"] = AccountStatus.Pending,
        ["PROVISIONED"] = AccountStatus.Pending,
        ["SUSPENDED"] = AccountStatus.Suspended,
        ["DEPROVISIONED"] = AccountStatus.Suspended,
    };

    public static IReadOnlyList<ImportedAccount> Read(AccessImportInput input)
    {
        byte[] json = ExportFile.ReadBytes(input);
        using var document = JsonExport.Parse(json, input.Name);
        if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            throw new AccessImportException(
                $"{input.Name}: must be a JSON array of users, as GET /api/v1/users returns them, not {JsonExport.Kind(document.RootElement)}");
        }

        return JsonExport.Records(json, document.RootElement, input.Name, "user").Select(Account).ToList();
    }

    private static ImportedAccount Account(ExportRecord user)
    {
        string id = user.String("id");
        string statusText = user.String("status");
        var status = Statuses.TryGetValue(statusText, out var known)
            ? known
            : throw new AccessImportException($"{user.Where}: status '{SourceTimestamp.Shown(statusText)}' is not an Okta user status ({string.Join(", ", Statuses.Keys)})");
        string login = user.String("profile.login");
        var lastLogin = user.OptionalTime("lastLogin", out bool neverLoggedIn);
        var factors = user.OptionalObjects("_embedded.factors");
        var mfa = factors is null ? MfaStatus.Unknown
            : factors.Any(f => f.OptionalString("status") == "ACTIVE") ? MfaStatus.Enabled
            : MfaStatus.Disabled;

        var account = new SnapshotAccount(KebabCase.FromEnum(IdentitySystem.Okta), id, login, status, mfa)
        {
            DisplayName = user.OptionalString("profile.displayName") ?? PersonName.Join(user.OptionalString("profile.firstName"), user.OptionalString("profile.lastName")),
            CreatedAt = user.OptionalTime("created"),
            LastActive = lastLogin,
            NeverLoggedIn = neverLoggedIn,
            Groups = (user.OptionalObjects("_embedded.groups") ?? []).Select(g => g.String("profile.name")).ToList(),
        };
        string? email = ImportedAccount.EmailIn(login) ?? ImportedAccount.EmailIn(user.OptionalString("profile.email"));
        var departments = user.OptionalString("profile.department") is { } department ? new[] { department } : [];
        return new ImportedAccount(IdentitySystem.Okta, account, email, departments, [], user.Where);
    }
}
