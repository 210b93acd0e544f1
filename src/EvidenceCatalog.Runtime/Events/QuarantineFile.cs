using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Events;

/// <summary>
/// Rejected records as JSON Lines (<c>{"source","line","reason","text"}</c>), created on the first rejection so a clean run
/// leaves no empty file behind.
/// </summary>
public sealed class QuarantineFile : IEventQuarantine, IDisposable
{
    private Stream? stream;
    private Utf8JsonWriter? writer;

    public QuarantineFile(string path)
    {
        Path = path;
    }

    /// <summary>Where the rejected records are written.</summary>
    public string Path { get; }

    /// <summary>How many records were written.</summary>
    public long Count { get; private set; }

    public void Add(EventRejection rejection)
    {
        if (writer is null)
        {
            if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            stream = new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.Read);
            writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        writer.WriteStartObject();
        writer.WriteString("source", rejection.Source);
        writer.WriteNumber("line", rejection.Line);
        writer.WriteString("reason", rejection.Reason);
        writer.WriteString("text", rejection.Text);
        writer.WriteEndObject();
        writer.Flush();
        writer.Reset();
        stream!.WriteByte((byte)'\n');
        Count++;
    }

    public void Dispose()
    {
        writer?.Dispose();
        stream?.Dispose();
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

    public void Add(EventRejection rejection)
    {
        Count++;
        if (items.Count < capacity)
        {
            items.Add(rejection);
        }
    }
}
