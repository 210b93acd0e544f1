using System;
using System.Collections.Generic;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Server.Security;

namespace EvidenceCatalog.Server;

/// <summary>Everything <c>evidence serve</c> is configured with.</summary>
public sealed record ServerOptions
{
    /// <summary>The catalogs reports are built against and token roles are resolved through.</summary>
    public required IEvidenceCatalog Catalog { get; init; }

    /// <summary>
    /// Where events are kept (SQLite file or PostgreSQL). Parse it with a batch size of <see cref="int.MaxValue"/>, as
    /// <c>evidence serve</c> does, so that each <c>POST /api/events</c> is one transaction.
    /// </summary>
    public required EventStoreLocation Store { get; init; }

    /// <summary>
    /// The store as the server's callers see it, in <c>/readyz</c> and in every report's provenance: its kind and file name
    /// for a store that is one file (never the folders it is in), else its location with any secret left out.
    /// </summary>
    public string StoreName => Store.FilePath is { } file ? $"{Store.Kind}:{System.IO.Path.GetFileName(file)}" : Store.Display;

    /// <summary>Where the catalogs came from, as reports' meta says it (a folder, the sample catalogs); null to leave it out.</summary>
    public string? CatalogSource { get; init; }

    /// <summary>The API tokens at start; the server follows the file at their <see cref="ApiTokenFile.Path"/> as it changes.</summary>
    public required ApiTokenFile Tokens { get; init; }

    /// <summary>
    /// How often the token file is looked at for changes, besides a file-system watcher that sees most of them at once;
    /// null keeps the tokens of <see cref="Tokens"/> for the server's life. Default 2 seconds.
    /// </summary>
    public TimeSpan? TokenFileCheckInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The keys every report is signed with (at least one).</summary>
    public required IReadOnlyList<SigningKey> SigningKeys { get; init; }

    /// <summary>A folder of access snapshots, one per account (<c>ACCOUNT.json</c>), for the access review; null for none.</summary>
    public string? AccessDirectory { get; init; }

    /// <summary>
    /// A folder of account configurations, one per account (<c>ACCOUNT.json</c>): each account's organisation name,
    /// frameworks, PII detection, data categories and retention, over the policies catalog. Null: the catalog alone,
    /// labelled in each report as the catalog's (or as a default, for an account it does not describe).
    /// </summary>
    public string? AccountsDirectory { get; init; }

    /// <summary>The time each section's source has before the section is degraded. Default 5 seconds.</summary>
    public TimeSpan SectionTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The time the event store has to aggregate a report's events before the request fails with 503. Default 60 seconds.</summary>
    public TimeSpan EvidenceTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a report stays cached. Default 5 minutes.</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest <c>POST /api/events</c> body; larger ones are refused with 413. Default 32 MiB.</summary>
    public long MaxEventsBodyBytes { get; init; } = 32L << 20;

    /// <summary>
    /// The longest a <c>POST /api/events</c> body may take to arrive, from the request's start; a slower one is refused
    /// with 408 and nothing of it is kept. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxBodyTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Event ingestions (receiving and storing a body) under way at once, all accounts together; beyond it 503. Default 16.</summary>
    public int MaxConcurrentIngestions { get; init; } = 16;

    /// <summary>Event ingestions under way at once for one account; beyond it 429. Default 4.</summary>
    public int MaxConcurrentIngestionsPerAccount { get; init; } = 4;

    /// <summary>
    /// Where bodies are spooled while they arrive, before any store transaction opens (a file per request, readable by
    /// the server's user only, deleted after); null for the system's temporary folder.
    /// </summary>
    public string? SpoolDirectory { get; init; }

    /// <summary>A Redis configuration string (<c>127.0.0.1:6379</c>) for a cache shared by several servers; null for in-process.</summary>
    public string? Redis { get; init; }

    /// <summary>The clock for report times, cache ages and the future-event check. Default the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Sources that replace the built-in ones of the same name (a service's own identity provider for the access review, say).</summary>
    public IReadOnlyList<ISectionSource> SectionSources { get; init; } = [];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (SigningKeys.Count == 0)
        {
            throw new ArgumentException("the server signs every report: give it at least one signing key");
        }

        if (SectionTimeout <= TimeSpan.Zero || EvidenceTimeout <= TimeSpan.Zero || CacheDuration < TimeSpan.Zero || TokenFileCheckInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("timeouts and the token file check interval must be positive and the cache duration not negative");
        }

        if (MaxEventsBodyBytes < 1024)
        {
            throw new ArgumentException("the largest events body must be at least 1 KiB");
        }

        if (MaxBodyTime <= TimeSpan.Zero)
        {
            throw new ArgumentException("the time an events body may take must be positive");
        }

        if (MaxConcurrentIngestions < 1 || MaxConcurrentIngestionsPerAccount < 1)
        {
            throw new ArgumentException("the caps on concurrent ingestions, overall and per account, must be at least 1");
        }
    }
}
