using System;
using System.IO;
using System.Security;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>The time zone a report's days are counted in, found by its IANA id: the one lookup every host uses.</summary>
public static class ReportTimeZone
{
    /// <summary>The zone with IANA id <paramref name="id"/> (<c>UTC</c>, <c>Europe/Berlin</c>).</summary>
    /// <exception cref="ReportOptionsException">No zone has that id (<see cref="ReportOption.TimeZone"/>).</exception>
    public static TimeZoneInfo Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException
            or SecurityException or IOException or UnauthorizedAccessException)
        {
            // A region ("America") is a folder of the zone database: found, but unreadable as a zone (SecurityException).
            throw new ReportOptionsException(ReportOption.TimeZone, $"unknown time zone '{id}': give an IANA id such as UTC, Europe/Berlin or America/New_York");
        }
    }
}
