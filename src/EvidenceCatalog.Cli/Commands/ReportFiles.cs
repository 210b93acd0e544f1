using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Workpaper;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// The files of a report run: the job is run on the source (with a progress bar over the input bytes when it reads
/// files on a terminal), its output written atomically, and the summary printed — on standard error when the output
/// itself goes to standard output.
/// </summary>
internal sealed class ReportFiles(CommandContext context)
{
    /// <summary>The signed JSON report.</summary>
    public (ReportResult Result, string Path) WriteJson(ReportJob job, SourceFactory source, string outputPath, IReadOnlyList<SigningKey> keys) =>
        WriteReport(job, source, outputPath, keys, json => json);

    /// <summary>The HTML workpaper of the signed report, alone.</summary>
    public (ReportResult Result, string Path) WriteHtml(ReportJob job, SourceFactory source, string outputPath, IReadOnlyList<SigningKey> keys) =>
        WriteReport(job, source, outputPath, keys, json => WorkpaperRenderer.Render(json, keys));

    private (ReportResult Result, string Path) WriteReport(ReportJob job, SourceFactory source, string outputPath, IReadOnlyList<SigningKey> keys, Func<byte[], byte[]> form)
    {
        ReportResult? result = null;
        ReadProgress.Run(context, "reading events", source.TotalBytes, advance =>
            result = job.RunAsync(source.Create(advance)).GetAwaiter().GetResult());
        byte[] bytes = form(result!.Json);
        string written = AtomicFile.Write(context, outputPath, stream => stream.Write(bytes));
        ReportSummaryTable.Write(SummaryWriter(outputPath), context.IsTerminal, result!, written, keys);
        return (result!, written);
    }

    /// <summary>The evidence population as CSV, with its detached signature <c>FILE.sig</c> beside it when signed.</summary>
    public (PopulationResult Result, string Path) WriteCsv(ReportJob job, SourceFactory source, string outputPath, IReadOnlyList<SigningKey> keys)
    {
        if (outputPath == "-")
        {
            throw new CommandInputException("--format csv needs a file for --output: its detached signature is written next to it");
        }

        if (keys.Count > 1)
        {
            throw new CommandInputException("a CSV export has one detached signature: give one key (--sign-key or an HMAC key), not both");
        }

        PopulationResult? result = null;
        string written = AtomicFile.Write(context, outputPath, stream =>
            ReadProgress.Run(context, "reading events", source.TotalBytes, advance =>
                result = job.ExportPopulationAsync(source.Create(advance), stream, Path.GetFileName(outputPath)).GetAwaiter().GetResult()));
        if (result!.Signature is { } signature)
        {
            File.WriteAllBytes(DetachedSignature.PathFor(written), signature.ToJson());
        }

        ReportSummaryTable.Write(SummaryWriter(outputPath), context.IsTerminal, result, written, keys);
        return (result, written);
    }

    private TextWriter SummaryWriter(string outputPath) => outputPath == "-" ? context.Error : context.Output;
}

/// <summary>Makes the run's source, told of each read's bytes for a progress bar (files only).</summary>
internal sealed class SourceFactory
{
    private readonly Func<Action<long>?, IEvidenceSource> create;

    private SourceFactory(Func<Action<long>?, IEvidenceSource> create, long totalBytes)
    {
        this.create = create;
        TotalBytes = totalBytes;
    }

    /// <summary>Bytes to read, for the progress bar; 0 when unknown or not read from files.</summary>
    public long TotalBytes { get; }

    /// <summary>Files of events and of log sources, each with its source.</summary>
    public static SourceFactory Of(IReadOnlyList<MappedInput> inputs) =>
        new(advance => new MappedJsonSource(inputs) { Progress = advance }, Input.EventInputs.TotalSize(inputs.Select(i => i.Input).ToArray()));

    public static SourceFactory Of(IEvidenceSource source) => new(_ => source, 0);

    public IEvidenceSource Create(Action<long>? advance) => create(advance);
}
