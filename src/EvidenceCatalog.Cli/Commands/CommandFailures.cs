using System;
using System.IO;
using EvidenceCatalog.Runtime.Access.Imports;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Accounts;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Server.Security;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// The one rule for what a failure means on the command line: an input that cannot be used (exit 2, one line, with
/// what to do in this tool's commands and flags), or a bug (anything else: reported as an internal error).
/// </summary>
internal static class CommandFailures
{
    /// <summary>Failures that mean "the input cannot be used", as opposed to bugs.</summary>
    public static bool IsInputProblem(Exception exception) => exception is CommandInputException or IOException or UnauthorizedAccessException
        or SigningKeyException or EventStoreException or AccessSnapshotException or AccountConfigurationException or ApiTokenFileException or ReportOptionsException
        or AccessImportException or LogSourceChoiceException;

    /// <summary>The one line to print for an input problem: the library's message, and how to fix it with this tool.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        EventStoreException store => EvidenceCli.OneLine(store.Message) + StoreHint(store),
        ReportOptionsException option => FlagOf(option.Option) + ": " + EvidenceCli.OneLine(option.Message),
        LogSourceChoiceException choice => SourceHint(choice),
        _ => EvidenceCli.OneLine(exception.Message),
    };

    private static string FlagOf(ReportOption option) => option switch
    {
        ReportOption.Account => "--org",
        ReportOption.Window => "--from/--to",
        ReportOption.TimeZone => "--tz",
        ReportOption.GapDays => "--gap-days",
        ReportOption.SampleSize => "--sample-size",
        ReportOption.Control => "--control",
        _ => option.ToString(),
    };

    /// <summary>The chooser's message, with how to name a source on the command line.</summary>
    private static string SourceHint(LogSourceChoiceException exception)
    {
        string message = EvidenceCli.OneLine(exception.Message);
        return exception.Problem switch
        {
            LogSourceChoiceProblem.Unknown => $"--source: {message}; 'evidence sources list' shows the sources",
            LogSourceChoiceProblem.Ambiguous => $"--source auto: {message}; name its source with --source ID (one per file, in the order of the files)",
            _ => $"--source auto: {message}; name its source with --source ID, or add a sources catalog for it",
        };
    }

    private static string StoreHint(EventStoreException exception)
    {
        string store = exception.Store ?? "LOCATION";
        return exception.Problem switch
        {
            EventStoreProblem.Missing => $"; fill one with 'evidence ingest --store {store} FILE...' or create it with 'evidence store init --store {store}'",
            EventStoreProblem.NotInitialized => $"; create it with 'evidence store init --store {store}'",
            EventStoreProblem.NotAnEventStore when exception.Message.Contains("SQLite", StringComparison.Ordinal) =>
                "; give the path of an event store written by 'evidence ingest'",
            _ => string.Empty,
        };
    }
}
