namespace EvidenceCatalog.Runtime.Events;

/// <summary>A record that was refused: where it was, why, and its text (cut at <see cref="MaxTextLength"/> bytes of UTF-8, on a character boundary).</summary>
/// <param name="Source">The input's display name (a file path, or <c>-</c> for standard input).</param>
/// <param name="Line">1-based line number in the input.</param>
/// <param name="Reason">What is wrong and what to do, in one line.</param>
/// <param name="Text">The record as read, cut to <see cref="MaxTextLength"/> bytes.</param>
public sealed record EventRejection(string Source, long Line, string Reason, string Text)
{
    /// <summary>How much of a rejected record is kept: enough to find and fix it, bounded so a huge line cannot fill the disk.</summary>
    public const int MaxTextLength = 4096;
}

/// <summary>Where rejected records go.</summary>
public interface IEventQuarantine
{
    /// <summary>Rejections added so far.</summary>
    long Count { get; }

    /// <summary>Where they can be found, as a report names it; null when they are not kept anywhere a report could point to.</summary>
    string? Location { get; }

    void Add(EventRejection rejection);
}
