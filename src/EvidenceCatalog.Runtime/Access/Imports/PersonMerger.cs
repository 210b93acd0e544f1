using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Access.Imports;

/// <summary>
/// Joins the accounts of one person across systems into one snapshot user. Accounts are the same person when they carry
/// the same e-mail address (compared in lower case): an Okta login, a Google primary address, an IAM user named by
/// address, a GitHub login linked by SAML. Nothing is matched by likeness of names; an account with no address stays a
/// person of its own, so the review shows it rather than guessing whose it is.
/// </summary>
internal static class PersonMerger
{
    /// <summary>The order systems speak in when they disagree (display name, the id's spelling): identity providers first.</summary>
    private static readonly IdentitySystem[] Precedence = [IdentitySystem.Okta, IdentitySystem.GoogleWorkspace, IdentitySystem.Aws, IdentitySystem.Github];

    public static (IReadOnlyList<SnapshotUser> Users, IReadOnlyList<SnapshotApiKey> Keys, int WithoutAccess) Merge(
        IReadOnlyList<ImportedAccount> accounts, RoleResolver roles, DateTimeOffset takenAt)
    {
        RefuseTwice(accounts);
        var users = new List<SnapshotUser>();
        var keys = new List<SnapshotApiKey>();
        int withoutAccess = 0;
        foreach (var person in accounts.GroupBy(a => a.PersonKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = person
                .OrderBy(a => Array.IndexOf(Precedence, a.System))
                .ThenBy(a => a.Account.SourceUserId, StringComparer.Ordinal)
                .ToList();
            var usable = ordered.Where(a => a.Account.Status != AccountStatus.Suspended).ToList();
            var personKeys = ordered.SelectMany(a => a.Keys).Select(k => k with { Owner = person.Key }).ToList();
            if (usable.Count == 0 && !personKeys.Any(k => k.IsUsableAt(takenAt)))
            {
                // Suspended everywhere and holding no key: a snapshot of who has access leaves them out.
                withoutAccess++;
                continue;
            }

            users.Add(new SnapshotUser(
                person.Key,
                roles.RoleOf(usable.SelectMany(a => a.Account.Groups.Select(g => (a.System, g)))),
                ordered.SelectMany(a => a.Departments).Distinct(StringComparer.Ordinal).ToList(),
                ordered.Select(a => a.Account.LastActive).Max(),
                new SortedDictionary<string, long>(StringComparer.Ordinal))
            {
                DisplayName = ordered.Select(a => a.Account.DisplayName).FirstOrDefault(n => n is not null),
                Mfa = Weakest(ordered.Any(a => a.Account.Status == AccountStatus.Active) ? ordered.Where(a => a.Account.Status == AccountStatus.Active) : ordered),
                Accounts = ordered.Select(a => a.Account).ToList(),
            });
            keys.AddRange(personKeys);
        }

        return (users, keys.OrderBy(k => k.Id, StringComparer.Ordinal).ToList(), withoutAccess);
    }

    /// <summary>A person is as protected as their weakest account that can sign in: any without MFA, else any unknown, else enabled.</summary>
    private static MfaStatus Weakest(IEnumerable<ImportedAccount> accounts)
    {
        var statuses = accounts.Select(a => a.Account.Mfa).Where(m => m != MfaStatus.NotApplicable).ToList();
        return statuses.Contains(MfaStatus.Disabled) ? MfaStatus.Disabled
            : statuses.Contains(MfaStatus.Unknown) ? MfaStatus.Unknown
            : statuses.Count > 0 ? MfaStatus.Enabled
            : MfaStatus.NotApplicable;
    }

    /// <summary>The same account read twice (one export given twice, or overlapping pages) would count one person twice.</summary>
    private static void RefuseTwice(IReadOnlyList<ImportedAccount> accounts)
    {
        var first = new Dictionary<(IdentitySystem, string), ImportedAccount>();
        foreach (var account in accounts)
        {
            if (!first.TryAdd((account.System, account.Account.SourceUserId), account))
            {
                var earlier = first[(account.System, account.Account.SourceUserId)];
                throw new AccessImportException(
                    $"{account.Origin}: the {KebabCase.FromEnum(account.System)} account {account.Account.SourceUserId} was already read at {earlier.Origin}; give each export once");
            }
        }
    }
}
