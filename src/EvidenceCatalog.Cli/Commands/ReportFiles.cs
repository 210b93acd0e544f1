using System;
using System.Collections.Generic;
using System.IO;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// The files of a report run: the job is run on the source (with a progress bar over the input bytes when it reads
/// files on a terminal), its output written atomically, and the summary printed — on standard error when the output
/// itself goes to standard output.
/// </summary>
internal sealed class ReportFiles(CommandContext context)
{
    /// <summary>The signed JSON report.</summary>
    public (ReportResult Result, string Path) WriteJson(ReportJob job, SourceFactory source, string outputPath, IReadOnlyList<SigningKey> keys)
    {
        var result = Build(job, source);
        string written = AtomicFile.Write(context, outputPath, stream => stream.Write(result.Json));
        ReportSummaryTable.Write(SummaryWriter(outputPath), context.IsTerminal, result, written, keys);
        return (result, written);
    }

    /// <summary>The report, built in memory (for the outputs derived from it).</summary>
    public ReportResult Build(ReportJob job, SourceFactory source)
    {
        ReportResult? result = null;
        ReadProgress.Run(context, "reading events", source.TotalBytes, advance =>
            result = job.RunAsync(source.Create(advance)).GetAwaiter().GetResult());
        return result!;
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

/// <summary>Makes the run's source, told of each read's bytes for a progress bar (JSON Lines files only).</summary>
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

    public static SourceFactory Of(IReadOnlyList<JsonLinesInput> inputs) =>
        new(advance => new JsonLinesSource(inputs) { Progress = advance }, Input.EventInputs.TotalSize(inputs));

    public static SourceFactory Of(IEvidenceSource source) => new(_ => source, 0);

    public IEvidenceSource Create(Action<long>? advance) => create(advance);
}
