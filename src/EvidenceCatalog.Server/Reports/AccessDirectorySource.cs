using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Server.Reports;

/// <summary>
/// The server's access review: the snapshot of the report's account is <c>DIR/ACCOUNT.json</c> in the access folder
/// (<c>evidence serve --access-dir DIR</c>; <see cref="AccountDirectory"/>), so one tenant's snapshot is never read for another.
/// </summary>
internal sealed class AccessDirectorySource(string? directory) : ISectionSource
{
    public string Name => "access-review";

    public bool ReadsEvents => false;

    public Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken)
    {
        string account = context.Options.Account;
        if (directory is null)
        {
            return Done(AccessReviewBuilder.Empty(context.Model, "the server has no access snapshots (a folder of ACCOUNT.json files)"));
        }

        if (AccountDirectory.FileOf(directory, account) is not { } path)
        {
            return Done(AccessReviewBuilder.Empty(context.Model, $"account '{account}' cannot name a snapshot file ({AccountDirectory.FileNameRule})"));
        }

        if (!File.Exists(path))
        {
            return Done(AccessReviewBuilder.Empty(context.Model, $"there is no access snapshot for account '{account}' ({account}.json in the server's access folder)"));
        }

        try
        {
            return Done(AccessReviewBuilder.Build(context.Model, AccessSnapshot.Load(path, account + ".json"), context.AsOf));
        }
        catch (AccessSnapshotException exception)
        {
            return Done(AccessReviewBuilder.Empty(context.Model, exception.Message));
        }
    }

    private static Task<ReportSection> Done(ReportSection section) => Task.FromResult(section);
}
