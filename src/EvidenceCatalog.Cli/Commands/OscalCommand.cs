using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Oscal;
using EvidenceCatalog.Runtime.Reports;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence oscal --output DIR [(--events FILE... | --store LOCATION) --org ID --from DATE --to DATE]</c>: the OSCAL
/// 1.2.1 documents (docs/oscal.md). Without events: each framework as a Catalog and the controls as a Component
/// Definition; with events and a window, also the window's Assessment Results, built by the same report job as
/// <c>evidence report</c> with the same options.
/// </summary>
internal sealed class OscalCommand : Command
{
    private readonly CommandContext context;

    private readonly ReportSourceOptions inputs = new(sourceOptional: true);

    private readonly Option<string?> output = new("--output", "-o")
    {
        Description = "The folder the documents are written into (created when missing; documents of the same name are replaced).",
        HelpName = "dir",
        Required = true,
    };

    private readonly Option<CalendarDate?> asOf = new("--as-of")
    {
        Description = "The last-modified date of catalog-only documents (default 1970-01-01: no date, the same bytes on every run); with events the documents carry the window's end.",
        HelpName = "date",
        CustomParser = CommandOptions.ParseDate,
    };

    public OscalCommand(CommandContext context)
        : base("oscal", "Write the catalogs, and a window's evidence, as OSCAL 1.2.1 documents (catalog, component definition, assessment results).")
    {
        this.context = context;
        Options.Add(output);
        Options.Add(asOf);
        inputs.AddTo(this, signed: false);
        Validators.Add(result =>
        {
            if (result.GetResult(asOf) is not null && inputs.HasSource(result))
            {
                result.AddError("--as-of dates the catalog-only documents; with --events or --store every document carries the end of the window");
            }
        });
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult) => inputs.Catalogs.Run(context, parseResult, catalog => Write(parseResult, catalog));

    private int Write(ParseResult parseResult, LoadedCatalog catalog)
    {
        string folder = parseResult.GetValue(output)!;
        if (File.Exists(CommandOptions.FullPath(context, folder)))
        {
            throw new CommandInputException($"--output '{folder}' is a file; give a folder for the OSCAL documents");
        }

        IReadOnlyList<OscalDocument> documents;
        IReadOnlyList<string> incomplete = [];
        try
        {
            if (inputs.HasSource(parseResult))
            {
                using var run = inputs.Open(context, parseResult, catalog, [], Path.Combine(folder, "evidence-report"));
                ReportResult result;
                try
                {
                    result = new ReportFiles(context).Build(run.Job, run.Source);
                }
                catch (NoEventsForAccountException exception)
                {
                    context.Error.WriteLine($"evidence: {exception.Message}; check --org, or give the inputs of that account");
                    return ExitCodes.Failed;
                }

                documents = OscalExport.ForReport(catalog.Catalog, result.Report);
                incomplete = ReportSourceOptions.Incomplete(result).ToList();
            }
            else
            {
                var date = parseResult.GetValue(asOf) is { } d ? new DateTimeOffset(d.Year, d.Month, d.Day, 0, 0, 0, TimeSpan.Zero) : OscalExport.Undated;
                documents = OscalExport.ForCatalog(catalog.Catalog, date);
            }
        }
        catch (OscalExportException exception)
        {
            throw new CommandInputException("cannot write OSCAL: " + exception.Message);
        }

        foreach (var document in documents)
        {
            string written = AtomicFile.Write(context, Path.Combine(folder, document.FileName), stream => stream.Write(document.Content));
            context.Output.WriteLine($"wrote {DisplayPath(written)} ({document.Content.Length:N0} bytes)");
        }

        context.Output.WriteLine(inputs.HasSource(parseResult)
            ? $"OSCAL {OscalExport.OscalVersion}: {documents.Count} documents, the assessment results of the window included"
            : $"OSCAL {OscalExport.OscalVersion}: {documents.Count} catalog-only documents (no events given: add --events FILE... or --store LOCATION with --org, --from and --to for the assessment results)");
        if (inputs.RequireComplete(parseResult) && incomplete.Count > 0)
        {
            context.Error.WriteLine("evidence: --require-complete: " + string.Join("; ", incomplete));
            return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }

    private string DisplayPath(string path) => Input.DisplayPath.For(path, context.WorkingDirectory);
}
