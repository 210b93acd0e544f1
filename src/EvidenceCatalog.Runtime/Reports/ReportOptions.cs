using System;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
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

    /// <summary>The clock for generatedAt. Default the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Account))
        {
            throw new ArgumentException("the account (--org) must not be empty");
        }

        if (ReportWindow.Problem(From, To) is { } window)
        {
            throw new ArgumentException(window);
        }

        if (GapDays < 1)
        {
            throw new ArgumentException("gap days must be at least 1");
        }

        if (SampleSize < 0 || SampleSize > 10_000)
        {
            throw new ArgumentException("the sample size must be between 0 and 10000");
        }
    }
}

/// <summary>Where the access snapshot comes from: a file read when the section is built, or one already parsed.</summary>
public sealed record AccessSnapshotSource(string? Path, AccessSnapshot? Snapshot)
{
    public static AccessSnapshotSource FromFile(string path) => new(path, null);

    public static AccessSnapshotSource FromSnapshot(AccessSnapshot snapshot) => new(null, snapshot);

    /// <summary>The snapshot; <see cref="AccessSnapshotException"/> when the file is missing or broken.</summary>
    public AccessSnapshot Load() => Snapshot ?? AccessSnapshot.Load(Path!);
}
