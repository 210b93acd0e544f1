using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Packages;

/// <summary>
/// <c>manifest.json</c>: every file of the package but the manifest and the bundle, in the order written, with its media
/// type, size in bytes and SHA-256 (lower-case hex). For a person and for tools that read a manifest; the signed statement
/// lists the same digests, and the manifest's own.
/// </summary>
public static class PackageManifest
{
    /// <summary>The manifest format's version, written as <c>manifestVersion</c>.</summary>
    public const int Version = 1;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, NewLine = "\n" };

    /// <summary>The manifest of <paramref name="files"/>, indented, UTF-8, ending in a newline.</summary>
    public static byte[] Write(IReadOnlyList<PackagedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var output = new ArrayBufferWriter<byte>(256 + (files.Count * 160));
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("manifestVersion", Version);
            writer.WriteStartArray("files");
            foreach (var file in files)
            {
                writer.WriteStartObject();
                writer.WriteString("name", file.Name);
                writer.WriteString("mediaType", file.MediaType);
                writer.WriteNumber("bytes", file.Bytes);
                writer.WriteString("sha256", file.Sha256);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.Write("\n"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads a manifest; null, with the reason, when it is not one.</summary>
    public static IReadOnlyList<PackagedFile>? TryRead(ReadOnlySpan<byte> json, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("files", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                problem = "it has no 'files' array";
                return null;
            }

            var files = new List<PackagedFile>();
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("sha256", out var sha256) || sha256.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("bytes", out var bytes) || !bytes.TryGetInt64(out long length))
                {
                    problem = "entry " + (files.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " of 'files' lacks a string 'name', a string 'sha256' or an integer 'bytes'";
                    return null;
                }

                string mediaType = item.TryGetProperty("mediaType", out var media) && media.ValueKind == JsonValueKind.String ? media.GetString()! : string.Empty;
                files.Add(new PackagedFile(name.GetString()!, mediaType, length, sha256.GetString()!));
            }

            problem = null;
            return files;
        }
        catch (JsonException exception)
        {
            problem = "it is not valid JSON: " + exception.Message;
            return null;
        }
    }
}
