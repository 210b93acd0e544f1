using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// Rejected records as JSON Lines (<c>{"source","line","reason","text"}</c>), appended to the file — never replacing
/// what earlier runs left there. Each run's records follow a line that marks the run
/// (<c>{"run":"2026-11-23T12:00:00Z","inputs":["events.jsonl"]}</c>). The file is created, and the run marked, on the
/// first rejection, so a clean run leaves nothing behind.
/// </summary>
public sealed class QuarantineFile : IEventQuarantine, IDisposable
{
    private readonly DateTimeOffset startedAt;
    private readonly IReadOnlyList<string> inputs;
    private Stream? stream;
    private Utf8JsonWriter? writer;

    /// <param name="path">The file.</param>
    /// <param name="location">How reports and messages name it (a path relative to the working directory, say).</param>
    /// <param name="startedAt">When the run started, for its marker line.</param>
    /// <param name="inputs">The run's inputs, as reports name them, for its marker line.</param>
    public QuarantineFile(string path, string location, DateTimeOffset startedAt, IReadOnlyList<string> inputs)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Location = location ?? throw new ArgumentNullException(nameof(location));
        this.startedAt = startedAt;
        this.inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
    }

    /// <summary>Where the rejected records are written.</summary>
    public string Path { get; }

    public string? Location { get; }

    /// <summary>How many records this run wrote.</summary>
    public long Count { get; private set; }

    public void Add(EventRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        if (writer is null)
        {
            Open();
        }

        writer!.WriteStartObject();
        writer.WriteString("source", rejection.Source);
        writer.WriteNumber("line", rejection.Line);
        writer.WriteString("reason", rejection.Reason);
        writer.WriteString("text", rejection.Text);
        writer.WriteEndObject();
        EndLine();
        Count++;
    }

    public void Dispose()
    {
        writer?.Dispose();
        stream?.Dispose();
    }

    private void Open()
    {
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("run", EventJson.FormatTime(startedAt));
        writer.WriteStartArray("inputs");
        foreach (string input in inputs)
        {
            writer.WriteStringValue(input);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        EndLine();
    }

    private void EndLine()
    {
        writer!.Flush();
        writer.Reset();
        stream!.WriteByte((byte)'\n');
    }
}

/// <summary>Rejected records kept in memory, up to a bound (the library API and the HTTP service report them to the caller).</summary>
public sealed class RejectionList : IEventQuarantine
{
    private readonly int capacity;
    private readonly List<EventRejection> items = new();

    public RejectionList(int capacity = 1000)
    {
        this.capacity = capacity;
    }

    /// <summary>The first rejections, in input order.</summary>
    public IReadOnlyList<EventRejection> Items => items;

    /// <summary>All rejections, including those past the bound.</summary>
    public long Count { get; private set; }

    /// <summary>Null: the rejections are the caller's, not in a file a report could name.</summary>
    public string? Location => null;

    public void Add(EventRejection rejection)
    {
        Count++;
        if (items.Count < capacity)
        {
            items.Add(rejection);
        }
    }
}
