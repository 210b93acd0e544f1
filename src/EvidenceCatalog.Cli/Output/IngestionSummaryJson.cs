using System.IO;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// <c>evidence ingest --format json</c>: the store, each input (its source, framing, digest, damage and counts, with
/// the unmapped records' most frequent native names) and the total, for scripts. Every member is always present (null
/// or 0 when it does not apply), and in each counts object read = accepted + duplicates + rejected + unmapped.
/// </summary>
internal static class IngestionSummaryJson
{
    public static void Write(TextWriter output, string store, IngestionResult result, string? quarantine) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("store", store);
            json.WriteStartArray("inputs");
            foreach (var input in result.Inputs)
            {
                var provenance = input.Provenance;
                json.WriteStartObject();
                json.WriteString("name", provenance.Name);
                json.WriteString("source", provenance.LogSource ?? LogSourceIds.Native);
                WriteNullable(json, "container", provenance.Container);
                WriteNullable(json, "sha256", provenance.Sha256);
                if (provenance.Bytes is { } bytes)
                {
                    json.WriteNumber("bytes", bytes);
                }
                else
                {
                    json.WriteNull("bytes");
                }

                WriteNullable(json, "damaged", provenance.Damaged);
                Counts(json, input.Counts);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("total");
            Counts(json, result.Total);
            json.WriteEndObject();
            WriteNullable(json, "quarantine", quarantine);
            json.WriteBoolean("clean", result.Clean);
            json.WriteEndObject();
        });

    /// <summary>The five counts, as every JSON answer of the CLI names them: read = accepted + duplicates + rejected + unmapped.</summary>
    internal static void WriteCounts(Utf8JsonWriter json, IngestionCounts counts)
    {
        json.WriteNumber("read", counts.Read);
        json.WriteNumber("accepted", counts.Accepted);
        json.WriteNumber("duplicates", counts.Duplicates);
        json.WriteNumber("rejected", counts.Rejected);
        json.WriteNumber("unmapped", counts.Unmapped);
    }

    private static void Counts(Utf8JsonWriter json, IngestionCounts counts)
    {
        WriteCounts(json, counts);
        var (top, other) = counts.UnmappedByName.Top(IngestionSummary.TopUnmappedNames);
        json.WriteStartArray("unmappedNames");
        foreach (var name in top)
        {
            json.WriteStartObject();
            json.WriteString("name", name.Name);
            json.WriteNumber("count", name.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("unmappedOther", other);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
