namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// What happened to every record read. Always adds up: <c>Read = Accepted + Duplicates + Rejected</c>, and
/// <c>Accepted = InWindow + OutsideWindow + OtherAccounts</c> once a report has classified them.
/// </summary>
public sealed class IngestionStats
{
    /// <summary>Records read (non-blank lines, or events handed in).</summary>
    public long Read { get; set; }

    /// <summary>Valid records seen for the first time.</summary>
    public long Accepted { get; set; }

    /// <summary>Valid records whose (account, id) was already accepted; the first one wins.</summary>
    public long Duplicates { get; set; }

    /// <summary>Records refused and quarantined with a reason.</summary>
    public long Rejected { get; set; }

    /// <summary>Accepted records of the report's account inside the window: the evidence population.</summary>
    public long InWindow { get; set; }

    /// <summary>Accepted records of the report's account outside the window.</summary>
    public long OutsideWindow { get; set; }

    /// <summary>Accepted records of other accounts, left out of the report.</summary>
    public long OtherAccounts { get; set; }

    /// <summary>True when the input ended in the middle of a record (no newline and incomplete JSON).</summary>
    public bool TruncatedLastLine { get; set; }

    /// <summary>Adds another input's counts to these.</summary>
    public void Add(IngestionStats other)
    {
        Read += other.Read;
        Accepted += other.Accepted;
        Duplicates += other.Duplicates;
        Rejected += other.Rejected;
        InWindow += other.InWindow;
        OutsideWindow += other.OutsideWindow;
        OtherAccounts += other.OtherAccounts;
        TruncatedLastLine |= other.TruncatedLastLine;
    }
}
