using System;
using System.IO;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports;
using EvidenceCatalog.Runtime.Reports.Sections;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Access;

/// <summary>The export fixtures of Fixtures/AccessImports (one realistic file per system) and imports over them.</summary>
internal static class AccessExports
{
    /// <summary>When the fixtures' snapshot is taken: the evening of 2026-03-31 would be as good; this keeps days whole.</summary>
    public static readonly DateTimeOffset TakenAt = new(2026, 3, 31, 0, 0, 0, TimeSpan.Zero);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "AccessImports", name);

    public static AccessImportInput Input(AccessImportFormat format, string fixture) => AccessImportInput.FromFile(format, Fixture(fixture));

    public static AccessImportInput Aws => Input(AccessImportFormat.AwsCredentialReport, "aws-credential-report.csv");

    public static AccessImportInput AwsGroups => Input(AccessImportFormat.AwsAuthorizationDetails, "aws-authorization-details.json");

    public static AccessImportInput Okta => Input(AccessImportFormat.OktaUsers, "okta-users.json");

    public static AccessImportInput Google => Input(AccessImportFormat.GoogleWorkspaceUsers, "google-users.json");

    public static AccessImportInput Github => Input(AccessImportFormat.GithubMembers, "github-members.json");

    public static AccessImportResult Import(params AccessImportInput[] inputs) => AccessImporter.Import(Catalog.Model, inputs, TakenAt);

    public static AccessImportResult ImportAll() => Import(Aws, AwsGroups, Okta, Google, Github);

    /// <summary>A file of <paramref name="text"/> named <paramref name="name"/> in a fresh folder, as the input of <paramref name="format"/>.</summary>
    public static AccessImportInput Written(AccessImportFormat format, string name, string text)
    {
        string folder = Path.Combine(Path.GetTempPath(), "access-imports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return AccessImportInput.FromFile(format, path);
    }

    public static SnapshotUser User(this AccessImportResult result, string id) => result.Snapshot.Users.Single(u => u.Id == id);

    public static SnapshotAccount Account(this SnapshotUser user, IdentitySystem system) =>
        user.Accounts.Single(a => a.System == KebabCase.FromEnum(system));
}
