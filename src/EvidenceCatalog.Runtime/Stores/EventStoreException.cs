using System;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>Why an event store cannot be used, so that a host can say what to do in its own terms.</summary>
public enum EventStoreProblem
{
    /// <summary>A database error while reading or writing.</summary>
    Failed,

    /// <summary>The location is not one a provider understands.</summary>
    InvalidLocation,

    /// <summary>There is no store there (a file store whose file does not exist).</summary>
    Missing,

    /// <summary>The database is there but holds no event store yet: it must be initialised first.</summary>
    NotInitialized,

    /// <summary>It is not an event store (another kind of file, or a database with other tables).</summary>
    NotAnEventStore,

    /// <summary>A newer version of the tool wrote it.</summary>
    TooNew,

    /// <summary>The server cannot be reached, or the file cannot be opened.</summary>
    Unreachable,

    /// <summary>The store is damaged.</summary>
    Corrupt,
}

/// <summary>
/// An event store cannot be used: missing, not initialised, not an event store, written by a newer version, or a
/// database error while reading or writing. The message is one line naming the store and what is wrong, in the
/// library's terms; <see cref="Problem"/> lets a host add how to fix it with its own commands.
/// </summary>
public sealed class EventStoreException : Exception
{
    public EventStoreException(string message)
        : this(EventStoreProblem.Failed, null, message)
    {
    }

    public EventStoreException(string message, Exception innerException)
        : this(EventStoreProblem.Failed, null, message, innerException)
    {
    }

    public EventStoreException(EventStoreProblem problem, string? store, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        Store = store;
    }

    /// <summary>What kind of problem it is.</summary>
    public EventStoreProblem Problem { get; }

    /// <summary>The store as it is displayed (secrets left out), when known.</summary>
    public string? Store { get; }
}
