using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// What <c>evidence ingest</c> prints: a line per file (<c>ingested NAME: read R, accepted A, duplicates D, rejected J</c>,
/// and for a log source's file <c>as SOURCE</c> and <c>unmapped U</c>), a total when there are several, and for each
/// source with unmapped records its most frequent native names. The counts on each line add up.
/// </summary>
internal static class IngestionSummaryText
{
    /// <summary>Native names shown per source; the rest are counted together.</summary>
    public const int TopNames = 5;

    public static void Write(TextWriter output, IngestionResult result, string? quarantine)
    {
        bool anyLogSource = result.Inputs.Any(i => i.Provenance.LogSource is not null);
        foreach (var input in result.Inputs)
        {
            string name = input.Provenance.LogSource is { } source ? $"{input.Provenance.Name} as {source}" : input.Provenance.Name;
            output.WriteLine(Line(name, input.Counts, input.Provenance.LogSource is not null, quarantine)
                + (input.Provenance.Damaged is { } damage ? "; damaged: " + damage : string.Empty));
        }

        if (result.Inputs.Count > 1)
        {
            output.WriteLine(Line(string.Create(CultureInfo.InvariantCulture, $"{result.Inputs.Count} files"), result.Total, anyLogSource, quarantine));
        }

        foreach (var (source, counts) in BySource(result.Inputs).Where(s => s.Counts.Unmapped > 0))
        {
            output.WriteLine($"unmapped {source} records by native name: " + Names(counts.UnmappedByName, TopNames));
        }
    }

    /// <summary>`ingested NAME: read R, accepted A, duplicates D, rejected J[, unmapped U]` and where the rejected records went.</summary>
    public static string Line(string name, IngestionCounts counts, bool withUnmapped, string? quarantine) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"ingested {name}: read {counts.Read}, accepted {counts.Accepted}, duplicates {counts.Duplicates}, rejected {counts.Rejected}")
        + (withUnmapped ? string.Create(CultureInfo.InvariantCulture, $", unmapped {counts.Unmapped}") : string.Empty)
        + (counts.Rejected > 0 && quarantine is not null ? $" (quarantined in {quarantine})" : string.Empty);

    /// <summary><c>s3.amazonaws.com:GetObject 120, kms.amazonaws.com:Decrypt 3, other names 57</c>: the counts add up to the unmapped records.</summary>
    public static string Names(UnmappedNames names, int top)
    {
        var (shown, other) = names.Top(top);
        return string.Join(", ", shown.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Name} {n.Count}"))
            .Concat(other > 0 ? [string.Create(CultureInfo.InvariantCulture, $"other names {other}")] : []));
    }

    /// <summary>The log sources' inputs added up per source, in the order each source first appears.</summary>
    public static IEnumerable<(string Source, IngestionCounts Counts)> BySource(IEnumerable<InputRead> inputs) =>
        inputs.Where(i => i.Provenance.LogSource is not null)
            .GroupBy(i => i.Provenance.LogSource!, System.StringComparer.Ordinal)
            .Select(g => (g.Key, g.Aggregate(IngestionCounts.None, (sum, i) => sum + i.Counts)));
}
