using EvidenceCatalog.Model;

namespace EvidenceCatalog.Synthetic;

/// <summary>What a synthetic run wrote.</summary>
/// <param name="Events">Lines written.</param>
/// <param name="Bytes">UTF-8 bytes written, newlines included.</param>
/// <param name="Days">Days in the run, gap days included.</param>
/// <param name="PerDay">Events on each day that is not a gap.</param>
/// <param name="GapDates">The days left empty.</param>
public sealed record SyntheticEventSummary(long Events, long Bytes, int Days, int PerDay, EquatableArray<CalendarDate> GapDates);
