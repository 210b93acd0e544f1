using System;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// A log source's definition cannot be used to map records (a malformed pointer or template, no time format, an account
/// given both ways): what the compiler reports at the YAML line, met by a definition that did not come through it.
/// </summary>
public sealed class LogSourceDefinitionException : Exception
{
    public LogSourceDefinitionException()
    {
    }

    public LogSourceDefinitionException(string message)
        : base(message)
    {
    }

    public LogSourceDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
