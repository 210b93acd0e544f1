namespace EvidenceCatalog.Runtime.Signing;

/// <summary>What verifying a report or a file found.</summary>
public enum VerificationOutcome
{
    /// <summary>A signature by the given key matches: the data is as it was signed.</summary>
    Intact,

    /// <summary>There is no signature at all (no or an empty <c>signatures</c> member, no <c>.sig</c> file).</summary>
    NotSigned,

    /// <summary>There are signatures, but none by this key that matches the data; the reason says which check failed.</summary>
    Failed,

    /// <summary>The report or signature file is not valid JSON (or not a JSON object) and could not be examined.</summary>
    Unreadable,
}
