using System;
using System.IO;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>
/// Why an input file could not be read, in words that name no folder: the exception's own message holds the absolute
/// path, which must reach neither a signed report nor another machine's log.
/// </summary>
internal static class InputFileProblem
{
    /// <summary>True for the failures of reading a file (as opposed to bugs).</summary>
    public static bool IsReadFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <summary>"does not exist", "cannot be read: permission denied" or "cannot be read", to follow the file's name.</summary>
    public static string Why(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "does not exist",
        UnauthorizedAccessException => "cannot be read: permission denied",
        _ => "cannot be read",
    };
}
