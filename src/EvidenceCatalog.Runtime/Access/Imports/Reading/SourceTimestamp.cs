using System;
using System.Text;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Access.Imports.Reading;

/// <summary>
/// The instants of the exports: ISO 8601 date-times with an offset, as every one of these systems writes them
/// (<c>2026-03-01T10:00:00+00:00</c>, <c>2026-03-01T10:00:00.000Z</c>). A local time or another format is refused rather
/// than guessed at, since a wrong zone would move someone's last sign-in across the 90-day line.
/// </summary>
internal static class SourceTimestamp
{
    public static DateTimeOffset Parse(string text, string where, string field)
    {
        string? problem = Rfc3339Timestamp.TryParse(Encoding.UTF8.GetBytes(text), out long ticks);
        if (problem is null)
        {
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        // The parser's reasons start "time ..."; only those beyond "not that shape" add anything (a missing offset, a 30 February).
        string detail = problem.StartsWith("time is not an RFC 3339", StringComparison.Ordinal) ? string.Empty : " (" + problem["time ".Length..] + ")";
        throw new AccessImportException(
            $"{where}: {field} '{Shown(text)}' is not an ISO 8601 date-time with an offset, such as 2026-03-01T10:00:00Z or 2026-03-01T10:00:00+00:00{detail}");
    }

    /// <summary>A value quoted in a message: at most 40 characters, so a pasted blob does not drown the line.</summary>
    public static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
