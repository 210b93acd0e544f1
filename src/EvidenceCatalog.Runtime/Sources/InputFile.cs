using System;
using System.IO;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>
/// Reads a small input file whole (an access snapshot, an account configuration, an identity system's export). A
/// failure is said in a few words, never with the exception's own message, which names the absolute path — and a
/// degraded section's reason is inside the signed report, and a message may reach another machine's log.
/// </summary>
internal static class InputFile
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
