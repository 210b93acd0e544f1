using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports.Reading;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Access.Imports.Readers;

/// <summary>
/// A GitHub organisation's members. GitHub has no one export of them, so this reads an object that gathers the REST and
/// GraphQL answers as GitHub returns them (docs/access-imports.md shows the commands):
/// <c>memberships</c> (each <c>GET /orgs/{org}/memberships/{username}</c>: state, role, user), and optionally
/// <c>organization</c> (<c>GET /orgs/{org}</c>, for <c>two_factor_requirement_enabled</c>), <c>twoFactorDisabled</c>
/// (<c>GET /orgs/{org}/members?filter=2fa_disabled</c>) and <c>externalIdentities</c> (the SAML identities' nodes,
/// linking a login to the e-mail address it signs in with). A member's group is their organisation role.
/// GitHub does not say when a member last signed in.
/// </summary>
internal static class GithubMembersReader
{
    private static readonly Dictionary<string, AccountStatus> States = new(StringComparer.Ordinal)
    {
        ["active"] = AccountStatus.Active,
        ["pending"] = AccountStatus.Pending,
    };

    public static IReadOnlyList<ImportedAccount> Read(AccessImportInput input)
    {
        byte[] json = ExportFile.ReadBytes(input);
        using var document = JsonExport.Parse(json, input.Name);
        var root = document.RootElement;
        var memberships = JsonExport.RootArray(root, "memberships", input.Name, "GET /orgs/{org}/memberships/{username} of every member");
        var twoFactorDisabled = Optional(json, root, "twoFactorDisabled", input.Name, "user")?
            .Select(user => user.String("login")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool requirement = root.TryGetProperty("organization", out var organization)
            && new ExportRecord(organization, input.Name + ", organization").OptionalBool("two_factor_requirement_enabled") == true;
        var emails = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var identity in Optional(json, root, "externalIdentities", input.Name, "identity") ?? [])
        {
            // An identity not linked to a GitHub account has no user; it names nobody in the organisation.
            if (identity.OptionalString("user.login") is { } login && ImportedAccount.EmailIn(identity.OptionalString("samlIdentity.nameId")) is { } email)
            {
                emails.TryAdd(login, email);
            }
        }

        return JsonExport.Records(json, memberships, input.Name, "membership", "memberships")
            .Select(m => Account(m, twoFactorDisabled, requirement, emails))
            .ToList();
    }

    private static ImportedAccount Account(ExportRecord membership, HashSet<string>? twoFactorDisabled, bool requirement, Dictionary<string, string> emails)
    {
        string login = membership.String("user.login");
        string stateText = membership.String("state");
        var state = States.TryGetValue(stateText, out var known)
            ? known
            : throw new AccessImportException($"{membership.Where}: state '{SourceTimestamp.Shown(stateText)}' is not a membership state (active, pending)");

        // The 2FA-disabled list is the member-by-member truth; without it, an enforced requirement means every member has 2FA.
        var mfa = twoFactorDisabled is not null ? twoFactorDisabled.Contains(login) ? MfaStatus.Disabled : MfaStatus.Enabled
            : requirement ? MfaStatus.Enabled
            : MfaStatus.Unknown;
        var account = new SnapshotAccount(KebabCase.FromEnum(IdentitySystem.Github), membership.Id("user.id"), login, state, mfa)
        {
            DisplayName = membership.OptionalString("user.name"),
            Groups = [membership.String("role")],
        };
        string? email = emails.TryGetValue(login, out var linked) ? linked : ImportedAccount.EmailIn(membership.OptionalString("user.email"));
        return new ImportedAccount(IdentitySystem.Github, account, email, [], [], membership.Where);
    }

    /// <summary>The records of the optional array <paramref name="property"/>; null when it is not there.</summary>
    private static IReadOnlyList<ExportRecord>? Optional(byte[] json, JsonElement root, string property, string name, string noun)
    {
        var array = JsonExport.RootArray(root, property, name, "see docs/access-imports.md", required: false);
        return array.ValueKind == JsonValueKind.Undefined ? null : JsonExport.Records(json, array, name, noun, property);
    }
}
