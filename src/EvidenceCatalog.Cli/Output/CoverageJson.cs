using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// <c>evidence sources coverage --format json</c>: the same as the text, for scripts. Each list is cut to <c>--top</c>
/// and what was cut is counted in the matching <c>…Other</c> member, so that in every <c>counts</c>
/// read = accepted + duplicates + rejected + unmapped, the mapped names' events add up to accepted, the unmapped
/// names' records to unmapped, and the reasons' records to rejected.
/// </summary>
internal static class CoverageJson
{
    public static void Write(TextWriter output, CoverageView view) =>
        JsonOutput.Write(output, json =>
        {
            var coverage = view.Coverage;
            json.WriteStartObject();
            json.WriteStartArray("sources");
            foreach (var section in view.Sections)
            {
                Section(json, section);
            }

            json.WriteEndArray();
            json.WriteStartObject("total");
            IngestionSummaryJson.WriteCounts(json, coverage.Total);
            json.WriteEndObject();
            json.WriteStartObject("criteria");
            json.WriteNumber("provenByEvents", view.ProvenByEvents);
            json.WriteStartArray("evidenced");
            foreach (var e in coverage.Evidenced)
            {
                json.WriteStartObject();
                json.WriteString("framework", e.Framework);
                json.WriteString("criterion", e.Criterion);
                json.WriteString("title", e.Title);
                Strings(json, "controls", e.Controls);
                json.WriteNumber("events", e.Events);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notEvidenced");
            foreach (var g in coverage.NotEvidenced)
            {
                json.WriteStartObject();
                json.WriteString("framework", g.Framework);
                json.WriteString("criterion", g.Criterion);
                json.WriteString("title", g.Title);
                Strings(json, "controls", g.Controls);
                Strings(json, "eventTypes", g.EventTypes);
                json.WriteBoolean("mappedBySource", g.MappedBySource);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("withoutEventEvidence", coverage.CriteriaWithoutEventEvidence);
            json.WriteEndObject();
            json.WriteEndObject();
        });

    private static void Section(Utf8JsonWriter json, CoverageView.SectionView view)
    {
        var section = view.Section;
        json.WriteStartObject();
        json.WriteString("id", section.Id);
        json.WriteString("name", section.Name);
        json.WriteStartArray("inputs");
        foreach (var input in section.Inputs)
        {
            json.WriteStartObject();
            json.WriteString("name", input.Provenance.Name);
            Nullable(json, "container", input.Provenance.Container);
            Nullable(json, "sha256", input.Provenance.Sha256);
            Nullable(json, "damaged", input.Provenance.Damaged);
            IngestionSummaryJson.WriteCounts(json, input.Counts);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("counts");
        IngestionSummaryJson.WriteCounts(json, view.Counts);
        json.WriteEndObject();
        json.WriteStartArray("mapped");
        foreach (var name in view.Mapped)
        {
            json.WriteStartObject();
            json.WriteString("name", name.Name);
            json.WriteNumber("events", name.Events);
            json.WriteStartArray("mappings");
            foreach (var cell in name.Mappings)
            {
                json.WriteStartObject();
                json.WriteString("type", cell.Type);
                Nullable(json, "outcome", cell.Outcome);
                json.WriteNumber("events", cell.Events);
                Strings(json, "controls", cell.Controls);
                Strings(json, "criteria", cell.Criteria);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("mappedOther", view.MappedOtherEvents);
        json.WriteStartArray("unmapped");
        foreach (var name in view.Unmapped)
        {
            json.WriteStartObject();
            json.WriteString("name", name.Name);
            json.WriteNumber("count", name.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("unmappedOther", view.UnmappedOther);
        json.WriteStartArray("rejections");
        foreach (var reason in view.Rejections)
        {
            json.WriteStartObject();
            json.WriteString("reason", reason.Reason);
            json.WriteNumber("count", reason.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("rejectionsOther", view.RejectionsOther);
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
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
