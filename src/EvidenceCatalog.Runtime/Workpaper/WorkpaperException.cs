using System;

namespace EvidenceCatalog.Runtime.Workpaper;

/// <summary>A workpaper cannot be made of this report: it is not a report, or it does not verify with the key given.</summary>
public sealed class WorkpaperException : Exception
{
    public WorkpaperException()
    {
    }

    public WorkpaperException(string message)
        : base(message)
    {
    }

    public WorkpaperException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
