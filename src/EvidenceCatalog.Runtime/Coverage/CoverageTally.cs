using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Sources.Mapping;

namespace EvidenceCatalog.Runtime.Coverage;

/// <summary>
/// The receiver and sink of a coverage run: every accepted event counted per source, native name (from its
/// <c>attributes.nativeName</c>, which the mapper writes) and cell; nothing kept. The inputs arrive in the order of
/// <see cref="MappedJsonSource.Inputs"/>, so each input's source is known when it begins, and the rejection reasons
/// are counted in that source's group. Bounded like the unmapped names: the first
/// <see cref="UnmappedNames.MaxNames"/> distinct names of a source are counted by themselves.
/// </summary>
internal sealed class CoverageTally : IEvidenceReceiver, IEventSink
{
    private const int MaxNameChars = 200;

    private readonly IReadOnlyList<MappedInput> inputs;
    private readonly EventVocabulary vocabulary;
    private readonly RejectionReasons reasons;
    private readonly Dictionary<string, SourceNames> bySource = new(StringComparer.Ordinal);
    private SourceNames? current;
    private int next;

    public CoverageTally(IReadOnlyList<MappedInput> inputs, EventVocabulary vocabulary, RejectionReasons reasons)
    {
        this.inputs = inputs;
        this.vocabulary = vocabulary;
        this.reasons = reasons;
    }

    public IEventSink BeginInput(string name, IngestionCounter counter)
    {
        string source = inputs[next++].SourceId;
        if (!bySource.TryGetValue(source, out current))
        {
            current = new SourceNames(vocabulary.CellCount);
            bySource.Add(source, current);
        }

        reasons.Begin(source);
        return this;
    }

    public void EndInput(InputProvenance input)
    {
    }

    public EventVerdict Accept(in EventRecord record)
    {
        Span<char> name = stackalloc char[MaxNameChars];
        int length = NativeName(record.Attributes, name);
        current!.Count(name[..length], record.Cell);
        return EventVerdict.Accepted;
    }

    /// <summary>The names of <paramref name="source"/>' accepted events, most first, each with its cells; and the events of names not counted by themselves.</summary>
    public (IReadOnlyList<NativeNameMapping> Names, long Other) Of(string source, Func<int, long, CellMapping> cell)
    {
        if (!bySource.TryGetValue(source, out var names))
        {
            return ([], 0);
        }

        var mapped = names.Cells
            .Select(n => new NativeNameMapping(
                n.Key,
                n.Value.Sum(),
                n.Value.Select((count, c) => (count, c)).Where(x => x.count > 0).Select(x => cell(x.c, x.count))
                    .OrderByDescending(m => m.Events).ThenBy(m => m.Type, StringComparer.Ordinal).ThenBy(m => m.Outcome, StringComparer.Ordinal).ToArray()))
            .OrderByDescending(n => n.Events).ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToArray();
        return (mapped, names.Other.Sum());
    }

    /// <summary>Every cell's accepted events over all sources (those of names not counted by themselves included).</summary>
    public long[] CellTotals()
    {
        var totals = new long[vocabulary.CellCount];
        foreach (var names in bySource.Values)
        {
            foreach (var cells in names.Cells.Values.Append(names.Other))
            {
                for (int c = 0; c < totals.Length; c++)
                {
                    totals[c] += cells[c];
                }
            }
        }

        return totals;
    }

    /// <summary>Decodes the event's <c>nativeName</c> attribute into <paramref name="chars"/> (cut to its length); <c>(no native name)</c> without one.</summary>
    private static int NativeName(ReadOnlySpan<byte> attributes, Span<char> chars)
    {
        if (!attributes.IsEmpty)
        {
            var reader = new Utf8JsonReader(attributes);
            try
            {
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("nativeName"u8))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
                        {
                            return Decode(reader.ValueSpan, chars);
                        }

                        if (reader.TokenType == JsonTokenType.String)
                        {
                            return Decode(Encoding.UTF8.GetBytes(reader.GetString()!), chars);
                        }

                        break;
                    }

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth > 0)
                    {
                        reader.Skip();
                    }
                }
            }
            catch (JsonException)
            {
                // The mapper writes valid JSON; an event's own attributes never reach a coverage run.
            }
        }

        return Decode(Encoding.UTF8.GetBytes(RecordMapper.NoNativeName), chars);
    }

    private static int Decode(ReadOnlySpan<byte> utf8, Span<char> chars)
    {
        var status = Utf8.ToUtf16(utf8, chars, out _, out int written, replaceInvalidSequences: true, isFinalBlock: true);
        if (status == System.Buffers.OperationStatus.DestinationTooSmall && written > 0 && char.IsHighSurrogate(chars[written - 1]))
        {
            written--;
        }

        return written;
    }

    /// <summary>One source's accepted events per native name and cell.</summary>
    private sealed class SourceNames(int cellCount)
    {
        public Dictionary<string, long[]> Cells { get; } = new(StringComparer.Ordinal);

        public long[] Other { get; } = new long[cellCount];

        public void Count(ReadOnlySpan<char> name, int cell)
        {
            var lookup = Cells.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(name, out var cells))
            {
                if (Cells.Count >= UnmappedNames.MaxNames)
                {
                    Other[cell]++;
                    return;
                }

                cells = new long[cellCount];
                Cells.Add(name.ToString(), cells);
            }

            cells[cell]++;
        }
    }
}
