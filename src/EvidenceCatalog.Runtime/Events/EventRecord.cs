using System;
using System.Text;
using EvidenceCatalog.Runtime.Mapping;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// One validated event as it passes through the reader: UTF-8 slices of the input line (valid only during
/// <see cref="IEventSink.Accept"/>), the type and cell already resolved against the catalog, and the instant in UTC ticks.
/// </summary>
public readonly ref struct EventRecord
{
    public long Line { get; init; }

    public ReadOnlySpan<byte> Id { get; init; }

    public ReadOnlySpan<byte> Account { get; init; }

    public ReadOnlySpan<byte> Actor { get; init; }

    /// <summary>Empty when absent.</summary>
    public ReadOnlySpan<byte> Resource { get; init; }

    /// <summary>Empty when absent.</summary>
    public ReadOnlySpan<byte> Ip { get; init; }

    /// <summary>The raw JSON text of the attributes object; empty when absent.</summary>
    public ReadOnlySpan<byte> Attributes { get; init; }

    /// <summary>Index into <see cref="EventVocabulary.Types"/>.</summary>
    public int Type { get; init; }

    /// <summary>The (type, outcome) cell; see <see cref="EventVocabulary"/>.</summary>
    public int Cell { get; init; }

    /// <summary>The instant, as UTC ticks.</summary>
    public long UtcTicks { get; init; }

    /// <summary>The managed form, with the instant in UTC; without its attributes when <paramref name="attributes"/> is false.</summary>
    public AuditEvent ToAuditEvent(EventVocabulary vocabulary, bool attributes = true) =>
        new(
            Encoding.UTF8.GetString(Id),
            new DateTimeOffset(UtcTicks, TimeSpan.Zero),
            vocabulary.Types[Type],
            vocabulary.OutcomeOf(Cell),
            Encoding.UTF8.GetString(Actor),
            Encoding.UTF8.GetString(Account))
        {
            Resource = Resource.IsEmpty ? null : Encoding.UTF8.GetString(Resource),
            Ip = Ip.IsEmpty ? null : Encoding.UTF8.GetString(Ip),
            Attributes = !attributes || Attributes.IsEmpty ? null : Encoding.UTF8.GetString(Attributes),
        };
}
