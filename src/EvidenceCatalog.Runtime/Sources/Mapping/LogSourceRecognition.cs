using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Events.Reading;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// Which log sources an input may be (<c>--source auto</c>): those that declare the input's framing and whose
/// recognition conditions hold for its first records. A host takes the one candidate, or refuses with the list when
/// there are none or several.
/// </summary>
public static class LogSourceRecognition
{
    /// <summary>
    /// The sources, in the order given, that declare how <paramref name="input"/> is framed and recognise each of its
    /// first <paramref name="records"/> records (fewer when the input has fewer). Reads only the start of the input
    /// (gzip recognised); the caller opens it again to read it.
    /// </summary>
    /// <exception cref="LogSourceDefinitionException">A source's definition cannot map records.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public static IReadOnlyList<LogSource> Candidates(IEnumerable<LogSource> sources, Stream input, int records = 1)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        var mappers = sources.Select(s => new RecordMapper(s)).ToArray();
        var peeked = new PeekedStream(Decompression.Decompressed(input, out _), ContainerDetection.HeadLength);
        var container = ContainerDetection.Detect(peeked.Head);
        var first = FirstRecords(peeked, container, records);
        return mappers
            .Where(m => m.Source.Containers.HasFlag(container) && first.Count > 0 && first.All(r => m.Recognize(r) is null))
            .Select(m => m.Source)
            .ToArray();
    }

    /// <summary>The sources, in the order given, whose recognition conditions hold for one record.</summary>
    /// <exception cref="LogSourceDefinitionException">A source's definition cannot map records.</exception>
    public static IReadOnlyList<LogSource> Candidates(IEnumerable<LogSource> sources, ReadOnlySpan<byte> record)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var candidates = new List<LogSource>();
        foreach (var source in sources)
        {
            if (new RecordMapper(source).Recognize(record) is null)
            {
                candidates.Add(source);
            }
        }

        return candidates;
    }

    /// <summary>The first records' bytes (framing problems, such as a line too long, are passed over; a broken container ends the list).</summary>
    private static List<byte[]> FirstRecords(Stream input, SourceContainers container, int count)
    {
        var first = new List<byte[]>(count);
        try
        {
            using var framer = LogSourceReader.Framer(input, container);
            while (first.Count < count && framer.Next(out var line))
            {
                Keep(first, line);
            }
        }
        catch (BrokenContainerException)
        {
            // What was framed before the break is judged; nothing after it can be.
        }

        return first;
    }

    private static void Keep(List<byte[]> records, in FramedLine line)
    {
        if (line.Kind == FramedLineKind.Record)
        {
            records.Add(line.Text.ToArray());
        }
    }
}
