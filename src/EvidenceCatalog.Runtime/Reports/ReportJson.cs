using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>The report's JSON form (docs/report-format.md): camelCase members, absent rather than null, indented.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowDuplicateProperties = false,
    };

    /// <summary>The unsigned report as indented UTF-8 JSON.</summary>
    public static byte[] Serialize(EvidenceReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);

    /// <summary>The unsigned criteria view as indented UTF-8 JSON.</summary>
    public static byte[] Serialize(CriteriaReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);

    /// <summary>The unsigned single-section report as indented UTF-8 JSON.</summary>
    public static byte[] Serialize(SectionReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);
}
