using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Packages;
using EvidenceCatalog.Runtime.Signing;

using EvidenceCatalog.Model;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// Writes a package run: a <c>.zip</c> through a temporary file renamed into place, or a folder built beside its place and
/// moved there, so that a failed run never leaves half a package; then the report's summary and the package's.
/// </summary>
internal sealed class PackageFiles(CommandContext context)
{
    /// <summary>Whether <paramref name="outputPath"/> asks for a zip rather than a folder.</summary>
    public static bool IsZip(string outputPath) => outputPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Refuses an output that cannot become the package before anything is read: a folder path naming a file, or a
    /// folder that holds files but is no package (replacing it would delete them).
    /// </summary>
    public void CheckOutput(string outputPath)
    {
        string path = CommandOptions.FullPath(context, outputPath);
        if (IsZip(outputPath))
        {
            if (Directory.Exists(path))
            {
                throw new CommandInputException($"--output '{outputPath}' is a folder; give a new file name ending in .zip, or a folder path without .zip");
            }

            return;
        }

        if (File.Exists(path))
        {
            throw new CommandInputException($"--output '{outputPath}' is a file; give a folder for the package, or a path ending in .zip for a zip archive");
        }

        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any() && !File.Exists(Path.Combine(path, PackagePath.Bundle)))
        {
            throw new CommandInputException($"--output '{outputPath}' is a folder that holds files but no {PackagePath.Bundle}: it is not an earlier package, so it is not replaced; give a new folder, or empty it");
        }
    }

    /// <summary>
    /// Builds the package at <paramref name="outputPath"/>, prints the report's summary (unless <paramref name="reportSummary"/> is
    /// false: the demo has printed it) and the package's, and returns the result and the full path.
    /// </summary>
    public (PackageResult Result, string Path) Write(PackageJob job, SourceFactory source, string outputPath, IReadOnlyList<SigningKey> keys, CatalogModel model, bool reportSummary = true)
    {
        CheckOutput(outputPath);
        string path = CommandOptions.FullPath(context, outputPath);
        PackageResult? result = null;

        // The events are read twice, for the report and then for the population: the bar runs over both.
        void Build(PackageTarget target) =>
            ReadProgress.Run(context, "reading events (report, then population)", source.TotalBytes * 2, advance =>
                result = job.RunAsync(source.Create(advance), target).GetAwaiter().GetResult());

        if (IsZip(outputPath))
        {
            AtomicFile.Write(context, outputPath, stream =>
            {
                using var target = PackageTarget.Zip(stream, context.Clock.GetUtcNow());
                Build(target);
            });
        }
        else
        {
            string temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
            try
            {
                using (var target = PackageTarget.Folder(temporary))
                {
                    Build(target);
                }

                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                Directory.Move(temporary, path);
            }
            finally
            {
                if (Directory.Exists(temporary))
                {
                    Directory.Delete(temporary, recursive: true);
                }
            }
        }

        if (reportSummary)
        {
            ReportSummaryTable.Write(context.Output, context.IsTerminal, result!.Report, path, keys, model.Criteria.Select(c => c.Id).ToList());
        }

        Summary(result!, path);
        return (result!, path);
    }

    private void Summary(PackageResult result, string path)
    {
        var contents = result.Contents;
        var predicate = contents.Predicate;
        long bytes = IsZip(path) ? new FileInfo(path).Length : contents.Files.Sum(f => f.Bytes) + new FileInfo(Path.Combine(path, PackagePath.Bundle)).Length;
        // The population's files are one per control: named once, as their folder.
        string populationFiles = PackagePath.PopulationFolder + "/*.csv";
        var names = contents.Files.Select(f => f.Name.StartsWith(PackagePath.PopulationFolder + "/", StringComparison.Ordinal) ? populationFiles : f.Name).Distinct(StringComparer.Ordinal);
        context.Output.WriteLine(
            $"package: {DisplayPath(path)} ({N(bytes)} bytes): {string.Join(", ", names)}, and {PackagePath.Bundle}: "
            + $"an in-toto statement of their SHA-256 in a DSSE envelope signed with {string.Join(", ", contents.Envelope.Signatures.Select(s => s.Algorithm + " key " + s.KeyId))}");
        context.Output.WriteLine(
            $"population: {N(result.Population.Rows)} rows (control × evidence event) from {N(predicate.EventsInWindow)} events in the window, "
            + $"in {populationFiles}: one file for each of the {N(result.Population.Controls.Count)} controls with evidence rules");
        if (result.EmptyWindow)
        {
            context.Output.WriteLine(
                $"note: the window {predicate.From}..{predicate.To} ({predicate.TimeZone}) holds no events of {predicate.OrgId}: the package is built with an empty population, and its signed statement says so (evidence.eventsInWindow: 0)");
        }
    }

    private string DisplayPath(string path)
    {
        string relative = Path.GetRelativePath(context.WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
