using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>
/// The sections of a report (all nine, or the one a single-section answer holds), each built on its own and each with
/// its own time and status; in JSON, an object of section members in <see cref="SectionDefinitions"/> order.
/// </summary>
[JsonConverter(typeof(ReportSectionsConverter))]
public sealed class ReportSections : IEnumerable<(SectionDefinition Definition, ReportSection Section)>
{
    private readonly (SectionDefinition Definition, ReportSection Section)[] sections;

    /// <exception cref="ArgumentException">A section is not of its definition's type, or one is given twice.</exception>
    public ReportSections(IEnumerable<(SectionDefinition Definition, ReportSection Section)> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        this.sections = sections.OrderBy(s => IndexOf(s.Definition)).ToArray();
        foreach (var (definition, section) in this.sections)
        {
            if (section is null || section.GetType() != definition.SectionType)
            {
                throw new ArgumentException($"the section '{definition.Name}' must be a {definition.SectionType.Name}, not {section?.GetType().Name ?? "null"}", nameof(sections));
            }
        }

        if (this.sections.Select(s => s.Definition).Distinct().Count() != this.sections.Length)
        {
            throw new ArgumentException("a section is given twice", nameof(sections));
        }
    }

    public int Count => sections.Length;

    /// <summary>The section of <paramref name="definition"/>.</summary>
    /// <exception cref="KeyNotFoundException">This report does not hold it (a single-section answer for another).</exception>
    public TSection Get<TSection>(SectionDefinition<TSection> definition)
        where TSection : ReportSection
    {
        foreach (var (d, section) in sections)
        {
            if (ReferenceEquals(d, definition))
            {
                return (TSection)section;
            }
        }

        throw new KeyNotFoundException($"this report holds no section '{definition.Name}'");
    }

    /// <summary>The sections whose source failed, in report order.</summary>
    public IEnumerable<(SectionDefinition Definition, ReportSection Section)> Degraded() =>
        sections.Where(s => s.Section.Status == ReportSection.Degraded);

    public IEnumerator<(SectionDefinition Definition, ReportSection Section)> GetEnumerator() => ((IEnumerable<(SectionDefinition, ReportSection)>)sections).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int IndexOf(SectionDefinition definition)
    {
        for (int i = 0; i < SectionDefinitions.All.Count; i++)
        {
            if (ReferenceEquals(SectionDefinitions.All[i], definition))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{definition.Name}' is not one of the report's sections", nameof(definition));
    }

    /// <summary>Writes <c>{"accessReview": {...}, ...}</c>; each section with its own record type.</summary>
    private sealed class ReportSectionsConverter : JsonConverter<ReportSections>
    {
        public override ReportSections Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("reports are written, not read back into objects; read them as JSON");

        public override void Write(Utf8JsonWriter writer, ReportSections value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (definition, section) in value.sections)
            {
                writer.WritePropertyName(definition.Member);
                JsonSerializer.Serialize(writer, section, definition.SectionType, options);
            }

            writer.WriteEndObject();
        }
    }
}

/// <summary>What every section carries: when it was built, and whether its source was whole.</summary>
public abstract record ReportSection
{
    public const string Ok = "ok";
    public const string Degraded = "degraded";

    /// <summary>When the section was built (UTC, RFC 3339).</summary>
    public string GeneratedAt { get; init; } = string.Empty;

    /// <summary><c>ok</c>, or <c>degraded</c> when its source was missing or broken and safe defaults fill it.</summary>
    public string Status { get; init; } = Ok;

    /// <summary>Why the section is degraded; absent when ok.</summary>
    public string? Reason { get; init; }

    /// <summary>This section marked degraded, for a reason.</summary>
    public ReportSection AsDegraded(string reason) => this with { Status = Degraded, Reason = reason ?? throw new ArgumentNullException(nameof(reason)) };
}
