using System;
using System.Globalization;
using System.IO;
using EvidenceCatalog.Runtime.Reports;

namespace EvidenceCatalog.Runtime.Exports;

/// <summary>
/// The report's samples as CSV (RFC 4180, formulas neutralised: <see cref="CsvRows"/>): a header row, then one row per
/// sampled event, by control id, then as the report orders them (by instant); each row says which stratum it was drawn
/// from and carries its control's population size, sample size, population digest and seed, so that the file alone says
/// how it was drawn.
/// </summary>
public static class SampleCsvWriter
{
    /// <summary>The columns, in order: those of the population CSV without the attributes, then how the event was drawn.</summary>
    public static readonly string[] Columns =
        ["control_id", "event_id", "time", "type", "outcome", "actor", "account", "resource", "ip", "stratum", "sample_size", "population_size", "population_digest", "seed"];

    /// <summary>Writes the samples of every control, or of <paramref name="control"/> alone; returns the rows written.</summary>
    /// <param name="samples">The report's samples.</param>
    /// <param name="account">The report's account.</param>
    /// <param name="output">Where the CSV goes (not disposed).</param>
    /// <param name="control">The id of the one control whose sample is written, or null for all.</param>
    public static long Write(ReportSamples samples, string account, Stream output, string? control = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(account);
        var rows = new CsvRows(output, Columns);
        long written = 0;
        foreach (var (id, sample) in samples.Controls)
        {
            if (control is not null && !string.Equals(id, control, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var e in sample.Events)
            {
                rows.Field(id);
                rows.Field(e.Id);
                rows.Field(e.Time);
                rows.Field(e.Type);
                rows.Field(e.Outcome);
                rows.Field(e.Actor);
                rows.Field(account);
                rows.Field(e.Resource);
                rows.Field(e.Ip);
                rows.Field(e.Stratum?.ToString(CultureInfo.InvariantCulture));
                rows.Field(sample.Size.ToString(CultureInfo.InvariantCulture));
                rows.Field(sample.PopulationSize.ToString(CultureInfo.InvariantCulture));
                rows.Field(sample.PopulationDigest);
                rows.Field(sample.Seed);
                rows.EndRow();
                written++;
            }
        }

        rows.Flush();
        return written;
    }
}
