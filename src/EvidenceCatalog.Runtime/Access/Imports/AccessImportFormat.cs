namespace EvidenceCatalog.Runtime.Access.Imports;

/// <summary>The exports <see cref="AccessImporter"/> reads; docs/access-imports.md says how to produce each.</summary>
public enum AccessImportFormat
{
    /// <summary>The AWS IAM credential report, CSV as <c>aws iam get-credential-report</c> returns it (decoded).</summary>
    AwsCredentialReport,

    /// <summary>The IAM users with their groups: <c>aws iam get-account-authorization-details --filter User</c>.</summary>
    AwsAuthorizationDetails,

    /// <summary>Okta's <c>/api/v1/users</c> array, each user with its groups and factors under <c>_embedded</c>.</summary>
    OktaUsers,

    /// <summary>The Google Workspace Directory API <c>users.list</c> answer: <c>{"users": [...]}</c>.</summary>
    GoogleWorkspaceUsers,

    /// <summary>GitHub organisation memberships with the 2FA-disabled members and SAML identities (our wrapper of REST answers).</summary>
    GithubMembers,
}
