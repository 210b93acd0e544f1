using System;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// An input whose container breaks: a JSON array (or CloudTrail's <c>{"Records": [...]}</c>) whose own syntax breaks
/// (a bracket, a comma, text after its end, an input cut off inside it), or a framing the input's log source does not
/// declare. Nothing after the break can be cut into records, so the input is damaged there; every record before it has
/// been read and counted. The message says where, and is fit to show as it is.
/// </summary>
public sealed class BrokenContainerException : Exception
{
    public BrokenContainerException(string message)
        : base(message)
    {
    }

    public BrokenContainerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
