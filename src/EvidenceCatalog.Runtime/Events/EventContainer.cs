namespace EvidenceCatalog.Runtime.Events;

/// <summary>How an input holds its event records.</summary>
public enum EventContainer
{
    /// <summary>JSON Lines: one object a line; a record's number is its line.</summary>
    JsonLines,

    /// <summary>One JSON array of event objects, read element by element as it streams; a record's number is its 1-based element.</summary>
    JsonArray,
}
