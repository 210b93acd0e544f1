using System.Collections.Generic;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>
/// How the report's populations were pulled (docs/report-format.md, "meta.provenance"), so that an auditor can pull them
/// again and compare: the input files with their sizes and SHA-256 (as <c>meta.ingestion.inputs</c> names them), the log
/// source definitions that mapped them, and for a store, the store and every query it ran.
/// </summary>
/// <param name="LogSources">The log sources whose rules mapped an input, by id; absent when no input was a log source's.</param>
/// <param name="Store">The store and its queries; absent for a report from files or from events handed in.</param>
public sealed record ReportProvenance(IReadOnlyList<LogSourceProvenance>? LogSources, StoreProvenance? Store)
{
    /// <summary>The files read, in reading order; absent for a store and for events handed in.</summary>
    public IReadOnlyList<FileProvenance>? Files { get; init; }
}

/// <summary>An input file: its name (as in <c>meta.ingestion.inputs</c>), its size and SHA-256, and the log source that mapped it (null: native events).</summary>
public sealed record FileProvenance(string Name, long Bytes, string Sha256, string? LogSource);

/// <summary>A log source that mapped an input: its id, and SHA-256 of its definition's canonical JSON (as in the catalog fingerprint).</summary>
public sealed record LogSourceProvenance(string Id, string Sha256);

/// <summary>The store a report was pulled from: its kind, its schema version, and every query it ran, in order.</summary>
/// <param name="Kind"><c>sqlite</c> or <c>postgresql</c>.</param>
/// <param name="SchemaVersion">The version of the store's tables.</param>
/// <param name="Isolation">How the queries saw the same events: one read transaction (<c>sqlite: deferred transaction</c>, <c>postgresql: repeatable read</c>).</param>
/// <param name="Queries">The queries, in the order they ran.</param>
public sealed record StoreProvenance(string Kind, int SchemaVersion, string Isolation, IReadOnlyList<StoreQuery> Queries);

/// <summary>
/// One query a store ran for the report: its SQL text exactly as sent, its parameters apart (never a secret: the
/// account, instants as UTC ticks, type and outcome names), when it started, and the rows it returned.
/// </summary>
/// <param name="Purpose">What the query pulls, in words.</param>
/// <param name="Sql">The statement as sent.</param>
/// <param name="Parameters">Its parameters by name (<c>$account</c>, or <c>$1</c> for a positional one): a string, an integer, or an array of them.</param>
/// <param name="RanAt">When it was sent (the first time, when it ran more than once), UTC.</param>
/// <param name="Rows">Rows it returned (over every run).</param>
public sealed record StoreQuery(string Purpose, string Sql, IReadOnlyDictionary<string, object?> Parameters, string RanAt, long Rows)
{
    /// <summary>How many times it ran, each time with the next value of every <see cref="PerExecution"/> parameter; absent when once.</summary>
    public int? Executions { get; init; }

    /// <summary>The parameters that changed from run to run: one value per run, in order; absent when it ran once.</summary>
    public IReadOnlyDictionary<string, object?>? PerExecution { get; init; }
}
