using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Packages;

/// <summary>
/// The in-toto Statement v1 (github.com/in-toto/attestation, spec/v1/statement.md) a package's envelope signs: its
/// subjects are the package's files with their SHA-256, its predicate a <see cref="PackagePredicate"/>. Written one
/// subject per line, <c>{"name":"…","digest":{"sha256":"…"}}</c>, so that <c>sed</c> turns the subjects into the input
/// of <c>sha256sum -c</c> (docs/verifying.md); the statement is still one JSON value.
/// </summary>
public static class PackageStatement
{
    /// <summary>The statement type of in-toto Statement v1.</summary>
    public const string StatementType = "https://in-toto.io/Statement/v1";

    /// <summary>The predicate type of an evidence package; the address says what its fields mean.</summary>
    public const string PredicateType = "https://github.com/evidencecatalog/evidencecatalog/blob/main/docs/verifying.md#predicate-soc2-evidence-package-v1";

    /// <summary>The statement's bytes.</summary>
    public static byte[] Write(IReadOnlyList<PackagedFile> subjects, PackagePredicate predicate)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(predicate);
        var output = new ArrayBufferWriter<byte>(1024 + (subjects.Count * 128));
        output.Write("{\"_type\":"u8);
        WriteValue(output, writer => writer.WriteStringValue(StatementType));
        output.Write(",\n\"subject\":[\n"u8);
        for (int index = 0; index < subjects.Count; index++)
        {
            var subject = subjects[index];
            WriteValue(output, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("name", subject.Name);
                writer.WriteStartObject("digest");
                writer.WriteString("sha256", subject.Sha256);
                writer.WriteEndObject();
                writer.WriteEndObject();
            });
            output.Write(index + 1 < subjects.Count ? ",\n"u8 : "\n"u8);
        }

        output.Write("],\n\"predicateType\":"u8);
        WriteValue(output, writer => writer.WriteStringValue(PredicateType));
        output.Write(",\n\"predicate\":"u8);
        WriteValue(output, writer => WritePredicate(writer, predicate));
        output.Write("}\n"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads a statement's subjects (name → SHA-256) and predicate type; null, with the reason, when it is not an in-toto Statement v1.</summary>
    public static IReadOnlyList<(string Name, string Sha256)>? TryReadSubjects(ReadOnlySpan<byte> json, out string? predicateType, out string? problem)
    {
        predicateType = null;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("_type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != StatementType)
            {
                problem = "it is not an in-toto Statement v1 (its _type is not " + StatementType + ")";
                return null;
            }

            predicateType = root.TryGetProperty("predicateType", out var predicate) && predicate.ValueKind == JsonValueKind.String ? predicate.GetString() : null;
            if (!root.TryGetProperty("subject", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                problem = "it has no 'subject' array";
                return null;
            }

            var subjects = new List<(string, string)>();
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("digest", out var digest) || digest.ValueKind != JsonValueKind.Object
                    || !digest.TryGetProperty("sha256", out var sha256) || sha256.ValueKind != JsonValueKind.String)
                {
                    problem = "subject " + (subjects.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " has no string 'name' or no sha256 digest";
                    return null;
                }

                subjects.Add((name.GetString()!, sha256.GetString()!));
            }

            problem = null;
            return subjects;
        }
        catch (JsonException exception)
        {
            problem = "it is not valid JSON: " + exception.Message;
            return null;
        }
    }

    private static void WritePredicate(Utf8JsonWriter writer, PackagePredicate predicate)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("organization");
        writer.WriteString("id", predicate.OrgId);
        if (predicate.OrgName is not null)
        {
            writer.WriteString("name", predicate.OrgName);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("window");
        writer.WriteString("from", predicate.From);
        writer.WriteString("to", predicate.To);
        writer.WriteString("tz", predicate.TimeZone);
        writer.WriteNumber("days", predicate.Days);
        writer.WriteEndObject();
        writer.WriteString("catalogFingerprint", predicate.CatalogFingerprint);
        writer.WriteString("reportVersion", predicate.ReportVersion);
        writer.WriteString("generatedAt", predicate.GeneratedAt);
        writer.WriteStartObject("typeII");
        writer.WriteBoolean("pass", predicate.TypeII);
        writer.WriteStartArray("warnings");
        foreach (string warning in predicate.TypeIIWarnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("evidence");
        writer.WriteNumber("eventsInWindow", predicate.EventsInWindow);
        writer.WriteNumber("populationRows", predicate.PopulationRows);
        writer.WriteEndObject();
        writer.WriteString("report", predicate.Report);
        writer.WriteEndObject();
    }

    private static void WriteValue(ArrayBufferWriter<byte> output, Action<Utf8JsonWriter> write)
    {
        using var writer = new Utf8JsonWriter(output);
        write(writer);
    }
}
