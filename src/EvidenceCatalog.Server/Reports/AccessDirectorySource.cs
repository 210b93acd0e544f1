using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Server.Reports;

/// <summary>
/// The server's access review: the snapshot of the report's account is <c>DIR/ACCOUNT.json</c> in the access folder
/// (<c>evidence serve --access-dir DIR</c>), so one tenant's snapshot is never read for another.
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

        if (!IsFileName(account))
        {
            return Done(AccessReviewBuilder.Empty(context.Model, $"account '{account}' cannot name a snapshot file (letters, digits, '.', '-' and '_' only)"));
        }

        string path = Path.Combine(directory, account + ".json");
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

    private static bool IsFileName(string account)
    {
        if (account.Length == 0 || account[0] == '.')
        {
            return false;
        }

        foreach (char c in account)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
