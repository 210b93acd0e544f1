using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvidenceCatalog.Runtime.Oscal;

/// <summary>The JSON form of the OSCAL documents: kebab-case members, absent rather than null, indented, one final newline.</summary>
internal static class OscalJson
{
    public const string OscalVersion = OscalExport.OscalVersion;

    /// <summary>
    /// The namespace of EvidenceCatalog's own properties (<c>ns</c>), which OSCAL requires for names it does not define;
    /// an identifier that never changes, and the page that lists them.
    /// </summary>
    public const string Namespace = "https://github.com/evidencecatalog/evidencecatalog/blob/main/docs/oscal.md";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize<T>(T document)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(document, Options);
        byte[] withNewline = new byte[json.Length + 1];
        json.CopyTo(withNewline, 0);
        withNewline[^1] = (byte)'\n';
        return withNewline;
    }

    /// <summary>An OSCAL date-time: UTC, whole seconds as given, <c>Z</c>.</summary>
    /// <exception cref="OscalExportException">The year is outside 1900–2999, which OSCAL's date-time type does not allow.</exception>
    public static string DateTime(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        if (utc.Year is < 1900 or > 2999)
        {
            throw new OscalExportException($"OSCAL date-times must lie in the years 1900 to 2999; {utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} does not");
        }

        return Events.EventJson.FormatTime(time);
    }

    /// <summary>One of EvidenceCatalog's properties.</summary>
    public static Property Prop(string name, string value, string? @class = null) => new(name, Namespace, value, @class);

    /// <summary>A count as a property value.</summary>
    public static Property Prop(string name, long value, string? @class = null) => Prop(name, value.ToString(CultureInfo.InvariantCulture), @class);

    /// <summary>A count written for people: <c>68,658</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
