using System;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Reports.Accounts;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>What a report is about and how it is judged.</summary>
public sealed record ReportOptions
{
    /// <summary>Days a Type II observation period needs at least.</summary>
    public const int TypeIIMinimumDays = 90;

    /// <summary>The account (tenant, organisation) whose events are the evidence.</summary>
    public required string Account { get; init; }

    /// <summary>First day of the window, inclusive, in <see cref="TimeZone"/>.</summary>
    public required CalendarDate From { get; init; }

    /// <summary>Last day of the window, inclusive, in <see cref="TimeZone"/>.</summary>
    public required CalendarDate To { get; init; }

    /// <summary>The zone the window's days are counted in (IANA id). Default UTC.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>A coverage gap is a run of at least this many days without evidence. Default 1.</summary>
    public int GapDays { get; init; } = 1;

    /// <summary>Evidence events shown per control. Default 5.</summary>
    public int SampleSize { get; init; } = 5;

    /// <summary>Events later than the report's time plus this are refused as being in the future. Default 5 minutes.</summary>
    public TimeSpan FutureTolerance { get; init; } = EventStreamReader.DefaultFutureTolerance;

    /// <summary>The access snapshot for the access review, or null (the section is then degraded).</summary>
    public AccessSnapshotSource? AccessSnapshot { get; init; }

    /// <summary>
    /// The account's own configuration (organisation name, frameworks, PII detection, data categories, retention), or
    /// null: the policies catalog then stands in, and the report says where each value comes from.
    /// </summary>
    public AccountConfigurationSource? AccountConfiguration { get; init; }

    /// <summary>The clock for generatedAt. Default the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The most evidence events a report shows per control.</summary>
    public const int MaxSampleSize = 10_000;

    /// <summary>Throws <see cref="ReportOptionsException"/> naming the first option that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Account))
        {
            throw new ReportOptionsException(ReportOption.Account, "the account must not be empty");
        }

        if (ReportWindow.Problem(From, To) is { } window)
        {
            throw new ReportOptionsException(ReportOption.Window, window);
        }

        if (GapDays < 1)
        {
            throw new ReportOptionsException(ReportOption.GapDays, "a coverage gap must be at least 1 day");
        }

        if (SampleSize < 0 || SampleSize > MaxSampleSize)
        {
            throw new ReportOptionsException(ReportOption.SampleSize, $"the sample size must be between 0 and {MaxSampleSize}");
        }
    }
}

/// <summary>Where the access snapshot comes from: a file read when the section is built, or one already parsed.</summary>
/// <param name="Path">The file, or null.</param>
/// <param name="Name">How messages (and a degraded section's reason, inside the signed report) name the file: never an absolute path.</param>
/// <param name="Snapshot">The parsed snapshot, or null.</param>
public sealed record AccessSnapshotSource(string? Path, string Name, AccessSnapshot? Snapshot)
{
    /// <summary>A file; <paramref name="name"/> names it in messages (default: its file name).</summary>
    public static AccessSnapshotSource FromFile(string path, string? name = null) =>
        new(path ?? throw new ArgumentNullException(nameof(path)), name ?? System.IO.Path.GetFileName(path), null);

    public static AccessSnapshotSource FromSnapshot(AccessSnapshot snapshot) => new(null, "snapshot", snapshot);

    /// <summary>The snapshot; <see cref="AccessSnapshotException"/> when the file is missing or broken.</summary>
    public AccessSnapshot Load() => Snapshot ?? AccessSnapshot.Load(Path!, Name);
}
