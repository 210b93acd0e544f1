using System;
using System.IO;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>Reads the records of one decompressed input into the input's sink.</summary>
internal delegate void RecordsReader(Stream events, IEventSink sink, IngestionCounter counter);

/// <summary>
/// One file input read whole, whatever its records are (events, or a log source's): its bytes hashed as they are read
/// (the input's provenance), gzip recognised by its magic bytes, and damage (a gzip that breaks off, a stream cut off,
/// a broken container) stopping the reading where it is, with the records before it kept and counted and the input
/// marked damaged with the reason.
/// </summary>
internal static class InputReading
{
    /// <param name="input">The input.</param>
    /// <param name="receiver">Gives the input its sink, and hears when it ends.</param>
    /// <param name="progress">Told the size of every read from the input as given.</param>
    /// <param name="readRecords">Reads the decompressed input's records.</param>
    /// <param name="logSource">The log source whose records the input holds (its id, for the provenance), or null for events.</param>
    /// <param name="container">After the reading (damaged or not), how the input was framed, when a log source's.</param>
    public static InputRead Read(JsonLinesInput input, IEvidenceReceiver receiver, Action<long>? progress, RecordsReader readRecords, string? logSource = null, Func<string?>? container = null)
    {
        var counter = new IngestionCounter();
        var sink = receiver.BeginInput(input.Name, counter);
        string? damage = null;
        // A log source's records are framed on a thread of their own (LogSourceReader), which hashes as it reads: the
        // copy to a hashing thread would buy nothing there. Evidence events are read by the judging thread itself.
        var digest = new DigestingStream(input.Open(), progress, inline: logSource is not null);
        Stream events = digest;
        bool compressed = false;
        try
        {
            events = Decompression.Decompressed(digest, out compressed);
            readRecords(events, sink, counter);
        }
        catch (InvalidDataException exception) when (compressed)
        {
            damage = "not valid gzip: " + FirstLine(exception.Message) + "; the records before the damage were read";
            digest.Drain();
        }
        catch (BrokenContainerException exception)
        {
            damage = exception.Message;
            digest.Drain();
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            // The input broke off (a client gone, a disk error): what was read before is kept.
            damage = "the input broke off: " + FirstLine(exception.Message) + "; the records before it were read";
        }
        finally
        {
            // Closes the whole chain, the file included; the digest stays readable.
            events.Dispose();
        }

        var provenance = new InputProvenance(input.Name)
        {
            Sha256 = digest.Sha256(),
            Bytes = digest.Bytes,
            LogSource = logSource,
            Container = container?.Invoke(),
            Damaged = damage,
        };
        receiver.EndInput(provenance);
        return new InputRead(provenance, counter.Snapshot());
    }

    private static string FirstLine(string message) => string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
