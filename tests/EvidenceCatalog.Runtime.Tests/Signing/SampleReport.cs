using System;
using System.Text;

namespace EvidenceCatalog.Runtime.Tests.Signing;

/// <summary>A small report in the shape of the real one: meta, validation, controls and sections with statuses.</summary>
internal static class SampleReport
{
    public const string OrgId = "org-acme-7f3a";

    public const string WindowStart = "2026-08-01";

    public const string DegradedStatus = "degraded";

    public const string Json = """
        {
          "meta": {
            "org": "org-acme-7f3a",
            "generatedAt": "2026-11-23T10:15:00Z",
            "window": { "from": "2026-08-01", "to": "2026-10-31", "timeZone": "UTC" },
            "catalogFingerprint": "sha256:5c1e0a9b",
            "reportVersion": "1.0.0"
          },
          "validation": { "typeII": true, "days": 92, "gaps": [] },
          "controls": [
            {
              "id": "AC-01",
              "criteria": [ "CC6.1", "CC6.2" ],
              "evidenceCount": 1234,
              "outcomes": { "allow": 1200, "deny": 34 },
              "summary": "Quarterly access reviews \u2014 Z\u00fcrich office"
            }
          ],
          "sections": {
            "accessReview": { "generatedAt": "2026-11-23T10:15:00Z", "status": "ok", "reviewers": 3 },
            "vendorRegister": { "generatedAt": "2026-11-23T10:15:01Z", "status": "degraded", "vendors": [] }
          },
          "largest": 9007199254740992,
          "negative": -17
        }
        """;

    public static byte[] Bytes => Encoding.UTF8.GetBytes(Json);

    /// <summary>Byte offsets of each character of the first string value equal to <paramref name="value"/> in <paramref name="json"/>.</summary>
    public static int[] PositionsOfValue(byte[] json, string value)
    {
        byte[] quoted = Encoding.UTF8.GetBytes("\"" + value + "\"");
        int start = json.AsSpan().IndexOf(quoted);
        if (start < 0 || json.AsSpan(start + 1).IndexOf(quoted) >= 0)
        {
            throw new InvalidOperationException("'" + value + "' must occur exactly once in the report");
        }

        var positions = new int[value.Length];
        for (int index = 0; index < positions.Length; index++)
        {
            positions[index] = start + 1 + index;
        }

        return positions;
    }

    /// <summary>A copy of <paramref name="json"/> with the string <paramref name="find"/> replaced once.</summary>
    public static byte[] Replace(byte[] json, string find, string replacement)
    {
        string text = Encoding.UTF8.GetString(json);
        int at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("'" + find + "' is not in the report");
        }

        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length)));
    }
}
