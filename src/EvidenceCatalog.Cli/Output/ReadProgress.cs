using System;
using System.IO;
using EvidenceCatalog.Cli.Commands;
using Spectre.Console;

namespace EvidenceCatalog.Cli.Output;

/// <summary>A live progress bar over bytes read, on standard error, when it is a terminal; nothing otherwise.</summary>
internal static class ReadProgress
{
    public static void Run(CommandContext context, string label, long totalBytes, Action<Action<long>> work)
    {
        if (!context.IsTerminal || totalBytes <= 0)
        {
            work(_ => { });
            return;
        }

        TerminalConsole.Create(context.Error, interactive: true)
            .Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(label, maxValue: totalBytes);
                work(bytes => task.Increment(bytes));
            });
    }
}

/// <summary>Passes reads through and reports how many bytes each one returned.</summary>
internal sealed class CountingStream(Stream inner, Action<long> advance) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Advance(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Advance(inner.Read(buffer));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Advance(int read)
    {
        advance(read);
        return read;
    }
}
