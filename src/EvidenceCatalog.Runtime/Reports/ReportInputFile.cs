using System;
using System.IO;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>
/// Reads a file a report is built from besides the events (an access snapshot, an account configuration). A failure
/// is said in a few words, never with the exception's own message, which names the absolute path — and the reason of a
/// degraded section is inside the signed report.
/// </summary>
internal static class ReportInputFile
{
    /// <summary>The file's bytes; on failure, the exception <paramref name="failure"/> makes of "does not exist", "cannot be read", ….</summary>
    public static byte[] Read(string path, Func<string, Exception> failure)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw failure(exception switch
            {
                FileNotFoundException or DirectoryNotFoundException => "does not exist",
                UnauthorizedAccessException => "cannot be read: permission denied",
                _ => "cannot be read",
            });
        }
    }
}
