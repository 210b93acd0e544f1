using System;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>
/// An event store cannot be used: not a database, not an event store, written by a newer version, missing, or a
/// database error while reading or writing. The message is one line naming the store and what to do.
/// </summary>
public sealed class EventStoreException : Exception
{
    public EventStoreException(string message)
        : base(message)
    {
    }

    public EventStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
