using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Exports;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Stores;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>Runs one report: events or store in, JSON report or CSV population out, signed, with progress and a summary.</summary>
internal sealed class ReportRunner(CommandContext context)
{
    /// <summary>Builds, signs and writes the JSON report.</summary>
    public ReportOutcome WriteJson(ReportRequest request, string outputPath, string? quarantinePath)
    {
        var builder = new EvidenceReportBuilder(request.Catalog, request.Options);
        var inputs = Fill(request, builder, builder.Tally, QuarantinePath(quarantinePath, outputPath, request));
        var report = builder.Build(inputs);
        byte[] json = ReportJson.Serialize(report);
        if (request.Keys.Count > 0)
        {
            json = ReportSigner.Sign(json, request.Keys);
        }

        string written = WriteAtomically(outputPath, stream => stream.Write(json));
        var outcome = new ReportOutcome(
            report,
            written,
            null,
            report.Sections.All().Where(s => s.Section.Status != "ok").Select(s => s.Name).ToList());
        ReportSummaryTable.Write(SummaryWriter(outputPath), context.IsTerminal, outcome, request.Keys);
        return outcome;
    }

    /// <summary>Streams the evidence population to CSV and writes its detached signature next to it.</summary>
    public ReportOutcome WriteCsv(ReportRequest request, string outputPath, string? quarantinePath)
    {
        if (outputPath == "-")
        {
            throw new CommandInputException("--format csv needs a file for --out: its detached signature is written next to it");
        }

        if (request.Keys.Count > 1)
        {
            throw new CommandInputException("a CSV export has one detached signature: give one key (--sign-key or an HMAC key), not both");
        }

        var builder = new EvidenceReportBuilder(request.Catalog, request.Options);
        ReportInputs? inputs = null;
        long rows = 0;
        string written = WriteAtomically(outputPath, stream =>
        {
            using var csv = new EvidenceCsvWriter(stream, builder.Vocabulary, builder.Window, request.Options.Account, builder.Stats);
            inputs = Fill(request, builder, csv, QuarantinePath(quarantinePath, outputPath, request));
            csv.Flush();
            rows = csv.Rows;
        });

        if (request.Keys.Count == 1)
        {
            File.WriteAllBytes(DetachedSignature.PathFor(written), DetachedSigner.SignFile(written, request.Keys[0]).ToJson());
        }

        var report = builder.Build(inputs!);
        var outcome = new ReportOutcome(report, written, rows, []);
        ReportSummaryTable.Write(SummaryWriter(outputPath), context.IsTerminal, outcome, request.Keys);
        return outcome;
    }

    private TextWriter SummaryWriter(string outputPath) => outputPath == "-" ? context.Error : context.Output;

    private string? QuarantinePath(string? given, string outputPath, ReportRequest request) =>
        request.Store is not null ? null
        : given is not null ? CommandOptions.FullPath(context, given)
        : CommandOptions.FullPath(context, outputPath == "-" ? "evidence-report" : outputPath) + ".quarantine.jsonl";

    /// <summary>Feeds the sink from the event files (validating, de-duplicating, quarantining) or from the store.</summary>
    private ReportInputs Fill(ReportRequest request, EvidenceReportBuilder builder, IEventSink sink, string? quarantinePath)
    {
        if (request.Store is { } storeName)
        {
            using var location = CommandOptions.StoreLocation(context, storeName);
            using var store = location.Open();
            if (sink is EvidenceCsvWriter csv)
            {
                var vocabulary = builder.Vocabulary;
                foreach (var stored in store.ReadEvents(request.Options.Account, builder.Window.StartUtc, builder.Window.EndUtc))
                {
                    builder.Stats.Read++;
                    builder.Stats.Accepted++;
                    int type = vocabulary.FindType(stored.Type);
                    int cell = type < 0 ? -1 : vocabulary.FindCell(type, stored.Outcome);
                    if (cell >= 0)
                    {
                        csv.Accept(stored, cell);
                    }
                }
            }
            else
            {
                store.FillTally(builder.Tally);
            }

            // Named as given, less any password.
            return new ReportInputs("store", [location.Display], null);
        }

        var reader = builder.CreateReader();
        using var quarantine = quarantinePath is null ? null : new QuarantineFile(quarantinePath);
        var files = EventFile.Resolve(context, request.EventFiles);
        ReadProgress.Run(context, "reading events", files.Sum(f => f.Size), advance =>
        {
            foreach (var file in files)
            {
                using var input = file.Open(advance);
                reader.Read(input, file.Name, sink, builder.Stats, quarantine);
            }
        });

        return new ReportInputs("events", request.EventFiles.ToList(), quarantine is { Count: > 0 } ? quarantine.Path : null);
    }

    /// <summary>Writes through a temporary file and renames it, so a failed run never leaves half a report behind.</summary>
    private string WriteAtomically(string outputPath, Action<Stream> write)
    {
        if (outputPath == "-")
        {
            using var stdout = Console.OpenStandardOutput();
            write(stdout);
            return "-";
        }

        string path = CommandOptions.FullPath(context, outputPath);
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        string temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

/// <summary>What a report run produced.</summary>
/// <param name="Report">The report (for CSV: the report of the same events, for the summary).</param>
/// <param name="Path">The file written, or <c>-</c>.</param>
/// <param name="CsvRows">Rows of the CSV, or null for JSON.</param>
/// <param name="DegradedSections">Sections whose source failed.</param>
internal sealed record ReportOutcome(EvidenceReport Report, string Path, long? CsvRows, IReadOnlyList<string> DegradedSections);
