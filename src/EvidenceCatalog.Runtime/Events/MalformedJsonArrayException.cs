using System;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// An input read as a JSON array whose own syntax breaks (a bracket, a comma, text after its end): nothing after the
/// break can be cut into records, so the input is damaged there; every element before it has been read and counted.
/// </summary>
public sealed class MalformedJsonArrayException : Exception
{
    public MalformedJsonArrayException(string message)
        : base(message)
    {
    }

    public MalformedJsonArrayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
