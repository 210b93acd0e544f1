using System;
using System.Buffers.Binary;
using EvidenceCatalog.Runtime.Signing;

namespace EvidenceCatalog.Server.Reports;

/// <summary>
/// The population CSV as the service keeps it (in the report cache, beside the reports): its detached signature's
/// document and the CSV's bytes in one body — a 32-bit little-endian length, the <c>.sig</c> JSON, then the CSV — so
/// that a CSV and the signature served for it always come from the same build.
/// </summary>
internal static class PopulationCsv
{
    /// <summary>The response header that carries the detached signature: its <c>.sig</c> JSON, base64.</summary>
    public const string SignatureHeader = "X-Evidence-Signature";

    /// <summary>The file name the signature records, and the download's name.</summary>
    public static string FileName(ReportRequest request) => $"evidence-population-{request.From}-{request.To}.csv";

    public static byte[] Pack(DetachedSignature signature, ReadOnlySpan<byte> csv)
    {
        byte[] json = signature.ToJson();
        byte[] body = new byte[sizeof(int) + json.Length + csv.Length];
        BinaryPrimitives.WriteInt32LittleEndian(body, json.Length);
        json.CopyTo(body.AsSpan(sizeof(int)));
        csv.CopyTo(body.AsSpan(sizeof(int) + json.Length));
        return body;
    }

    /// <summary>The signature's <c>.sig</c> JSON and the CSV of a packed body.</summary>
    /// <exception cref="InvalidOperationException">The body was not packed by <see cref="Pack"/> (a cache entry of another form).</exception>
    public static (ReadOnlyMemory<byte> Signature, ReadOnlyMemory<byte> Csv) Unpack(ReadOnlyMemory<byte> body)
    {
        int length = body.Length >= sizeof(int) ? BinaryPrimitives.ReadInt32LittleEndian(body.Span) : -1;
        if (length < 0 || length > body.Length - sizeof(int))
        {
            throw new InvalidOperationException("the cached population CSV is not in its packed form");
        }

        return (body.Slice(sizeof(int), length), body[(sizeof(int) + length)..]);
    }
}
