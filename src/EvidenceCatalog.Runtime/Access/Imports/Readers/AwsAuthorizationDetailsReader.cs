using System;
using System.Collections.Generic;
using EvidenceCatalog.Runtime.Access.Imports.Reading;

namespace EvidenceCatalog.Runtime.Access.Imports.Readers;

/// <summary>
/// The IAM groups of each IAM user, from <c>aws iam get-account-authorization-details --filter User</c>
/// (<c>{"UserDetailList": [{"UserName", "Arn", "GroupList": [...]}, ...]}</c>): the credential report has no groups.
/// </summary>
internal static class AwsAuthorizationDetailsReader
{
    /// <summary>Each user's groups, by ARN.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(AccessImportInput input)
    {
        byte[] json = ExportFile.ReadBytes(input);
        using var document = JsonExport.Parse(json, input.Name);
        var users = JsonExport.RootArray(document.RootElement, "UserDetailList", input.Name, "the answer of aws iam get-account-authorization-details --filter User");
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var user in JsonExport.Records(json, users, input.Name, "user", "UserDetailList"))
        {
            string arn = user.String("Arn");
            if (!groups.TryAdd(arn, user.Strings("GroupList")))
            {
                throw new AccessImportException($"{user.Where}: the user {arn} is listed twice");
            }
        }

        return groups;
    }
}
