using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports.Readers;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Access.Imports;

/// <summary>
/// Builds an access snapshot from the identity systems' own exports (docs/access-imports.md): reads each input with the
/// reader of its format, joins the accounts of one person, gives each person a role by the catalog's role mappings, and
/// attaches the access keys. The one entry point for the CLI and for services.
/// </summary>
public static class AccessImporter
{
    /// <summary>The role of a person none of whose groups the catalog maps: no catalog declares it, so the review flags it.</summary>
    public const string UnmappedRole = "unmapped";

    /// <exception cref="AccessImportException">An input cannot be read or is not in its format; the message says where and why.</exception>
    public static AccessImportResult Import(CatalogModel model, IReadOnlyList<AccessImportInput> inputs, DateTimeOffset takenAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("give at least one export to import", nameof(inputs));
        }

        var summaries = new List<ImportedInput>();
        var accounts = new List<ImportedAccount>();
        var awsGroups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (input.Format == AccessImportFormat.AwsAuthorizationDetails)
            {
                var groups = AwsAuthorizationDetailsReader.Read(input);
                foreach (var (arn, names) in groups)
                {
                    awsGroups[arn] = names;
                }

                summaries.Add(new ImportedInput(input.Name, input.Format, groups.Count, 0));
                continue;
            }

            var read = Read(input);
            accounts.AddRange(read);
            summaries.Add(new ImportedInput(input.Name, input.Format, read.Count, read.Sum(a => a.Keys.Count)));
        }

        // IAM groups come from their own export; the root user keeps its pseudo-group.
        var withGroups = accounts.Select(a => a.System == IdentitySystem.Aws && awsGroups.TryGetValue(a.Account.SourceUserId, out var groups)
            ? a with { Account = a.Account with { Groups = [.. a.Account.Groups, .. groups] } }
            : a).ToList();

        var (users, keys, withoutAccess) = PersonMerger.Merge(withGroups, new RoleResolver(model), takenAt);
        return new AccessImportResult(
            new AccessSnapshot(takenAt, users, keys),
            summaries,
            users.Count(u => u.Role == UnmappedRole),
            withoutAccess);
    }

    private static IReadOnlyList<ImportedAccount> Read(AccessImportInput input) => input.Format switch
    {
        AccessImportFormat.AwsCredentialReport => AwsCredentialReportReader.Read(input),
        AccessImportFormat.OktaUsers => OktaUsersReader.Read(input),
        AccessImportFormat.GoogleWorkspaceUsers => GoogleWorkspaceUsersReader.Read(input),
        AccessImportFormat.GithubMembers => GithubMembersReader.Read(input),
        _ => throw new ArgumentOutOfRangeException(nameof(input), input.Format, "not a format accounts are read from"),
    };
}
