using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Model;
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
    /// <summary>The signed JSON report; its summary lists criteria in the order <paramref name="model"/> declares them.</summary>
    public (ReportResult Result, string Path) WriteJson(ReportJob job, SourceFactory source, string outputPath, IReadOnlyList<SigningKey> keys, CatalogModel model) =>
        WriteReport(job, source, outputPath, keys, model, json => json);

    /// <summary>The HTML workpaper of the signed report, alone.</summary>
    public (ReportResult Result, string Path) WriteHtml(ReportJob job, SourceFactory source, string outputPath, IReadOnlyList<SigningKey> keys, CatalogModel model) =>
        WriteReport(job, source, outputPath, keys, model, json => WorkpaperRenderer.Render(json, keys));

    /// <summary>The report, built in memory (for the outputs derived from it).</summary>
    public ReportResult Build(ReportJob job, SourceFactory source)
    {
        ReportResult? result = null;
        ReadProgress.Run(context, "reading events", source.TotalBytes, advance =>
            result = job.RunAsync(source.Create(advance)).GetAwaiter().GetResult());
        return result!;
    }

    private (ReportResult Result, string Path) WriteReport(ReportJob job, SourceFactory source, string outputPath, IReadOnlyList<SigningKey> keys, CatalogModel model, Func<byte[], byte[]> form)
    {
        var result = Build(job, source);
        byte[] bytes = form(result.Json);
        string written = AtomicFile.Write(context, outputPath, stream => stream.Write(bytes));
        ReportSummaryTable.Write(SummaryWriter(outputPath), context.IsTerminal, result, written, keys, model.Criteria.Select(c => c.Id).ToList());
        return (result, written);
    }

    /// <summary>The evidence population as CSV (of every control, or of <paramref name="control"/>), with its detached signature <c>FILE.sig</c> beside it when signed.</summary>
    public (PopulationResult Result, string Path) WriteCsv(ReportJob job, SourceFactory source, string outputPath, IReadOnlyList<SigningKey> keys, string? control = null)
    {
        RequireFileAndOneKey("csv", outputPath, keys);
        PopulationResult? result = null;
        string written = AtomicFile.Write(context, outputPath, stream =>
            ReadProgress.Run(context, "reading events", source.TotalBytes, advance =>
                result = job.ExportPopulationAsync(source.Create(advance), stream, Path.GetFileName(outputPath), control).GetAwaiter().GetResult()));
        WriteSignature(written, result!.Signature);
        ReportSummaryTable.Write(SummaryWriter(outputPath), context.IsTerminal, result, written, keys);
        return (result, written);
    }

    /// <summary>The samples as CSV (of every control, or of <paramref name="control"/>), with its detached signature <c>FILE.sig</c> beside it when signed.</summary>
    public (SamplesResult Result, string Path) WriteSamplesCsv(ReportJob job, SourceFactory source, string outputPath, IReadOnlyList<SigningKey> keys, string? control = null)
    {
        RequireFileAndOneKey("samples-csv", outputPath, keys);
        SamplesResult? result = null;
        string written = AtomicFile.Write(context, outputPath, stream =>
            ReadProgress.Run(context, "reading events", source.TotalBytes, advance =>
                result = job.ExportSamplesAsync(source.Create(advance), stream, Path.GetFileName(outputPath), control).GetAwaiter().GetResult()));
        WriteSignature(written, result!.Signature);
        ReportSummaryTable.Write(SummaryWriter(outputPath), context.IsTerminal, result, written, keys);
        return (result, written);
    }

    private static void RequireFileAndOneKey(string format, string outputPath, IReadOnlyList<SigningKey> keys)
    {
        if (outputPath == "-")
        {
            throw new CommandInputException($"--format {format} needs a file for --output: its detached signature is written next to it");
        }

        if (keys.Count > 1)
        {
            throw new CommandInputException("a CSV export has one detached signature: give one key (--sign-key or an HMAC key), not both");
        }
    }

    private static void WriteSignature(string written, DetachedSignature? signature)
    {
        if (signature is not null)
        {
            File.WriteAllBytes(DetachedSignature.PathFor(written), signature.ToJson());
        }
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
