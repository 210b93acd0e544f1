using System;
using System.Collections.Generic;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Access.Imports;

/// <summary>One account as a reader found it, before accounts of the same person are merged.</summary>
/// <param name="System">The identity system.</param>
/// <param name="Account">The account as the snapshot will hold it.</param>
/// <param name="Email">The e-mail address that identifies the person across systems; null when the system gives none.</param>
/// <param name="Departments">The departments the system names, if any.</param>
/// <param name="Keys">The account's access keys, their owner not yet known.</param>
/// <param name="Origin">Where it was read ("okta-users.json line 12 (user 2)"), for messages.</param>
internal sealed record ImportedAccount(
    IdentitySystem System,
    SnapshotAccount Account,
    string? Email,
    IReadOnlyList<string> Departments,
    IReadOnlyList<SnapshotApiKey> Keys,
    string Origin)
{
    /// <summary>What identifies the person: the e-mail address in lower case, else the account's own name in its system.</summary>
    public string PersonKey => Email is { } email
        ? email.ToLowerInvariant()
        : System == IdentitySystem.Aws ? Account.SourceUserId : KebabCase.FromEnum(System) + ":" + Account.Login;

    /// <summary>The address when <paramref name="text"/> is one (a login or an IAM user name often is), else null.</summary>
    public static string? EmailIn(string? text) =>
        text is { Length: > 2 } && text.IndexOf('@', 1) is > 0 and var at && at < text.Length - 1 && !text.Contains(' ', StringComparison.Ordinal)
            ? text
            : null;
}
