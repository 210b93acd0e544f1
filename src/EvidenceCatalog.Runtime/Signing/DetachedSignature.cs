using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>
/// The signature of a file's exact bytes, kept next to it as <c>FILE.sig</c>:
/// <c>{ "algorithm", "keyId", "sha256": hex of the file, "value": base64 signature over the file's bytes, "file": its name }</c>.
/// Only the file's bytes are signed; <c>file</c> and <c>sha256</c> help a person, and the verifier checks <c>sha256</c> too.
/// </summary>
/// <param name="Algorithm"><see cref="SignatureAlgorithms.HmacSha256"/> or <see cref="SignatureAlgorithms.Es256"/>.</param>
/// <param name="KeyId">The id of the signing key.</param>
/// <param name="Sha256">SHA-256 of the file, 64 lower-case hex digits.</param>
/// <param name="Value">The signature, base64: the HMAC, or ES256 r||s.</param>
/// <param name="File">The file's name, without directories.</param>
public sealed record DetachedSignature(string Algorithm, string KeyId, string Sha256, string Value, string File)
{
    /// <summary>Appended to a file's path to name its signature.</summary>
    public const string Extension = ".sig";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The path of the signature of the file at <paramref name="filePath"/>.</summary>
    public static string PathFor(string filePath) => filePath + Extension;

    /// <summary>The <c>.sig</c> document, indented, UTF-8, ending in a newline.</summary>
    public byte[] ToJson()
    {
        var output = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("algorithm", Algorithm);
            writer.WriteString("keyId", KeyId);
            writer.WriteString("sha256", Sha256);
            writer.WriteString("value", Value);
            writer.WriteString("file", File);
            writer.WriteEndObject();
        }

        output.Write("\n"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads a <c>.sig</c> document; null, with the reason, when it is not one.</summary>
    public static DetachedSignature? TryParse(ReadOnlySpan<byte> json, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "it is not a JSON object";
                return null;
            }

            string?[] members = [Member(root, "algorithm"), Member(root, "keyId"), Member(root, "sha256"), Member(root, "value"), Member(root, "file")];
            int missing = Array.IndexOf(members, null);
            if (missing >= 0)
            {
                problem = "it has no string member '" + new[] { "algorithm", "keyId", "sha256", "value", "file" }[missing] + "'";
                return null;
            }

            problem = null;
            return new DetachedSignature(members[0]!, members[1]!, members[2]!, members[3]!, members[4]!);
        }
        catch (JsonException exception)
        {
            problem = "it is not valid JSON: " + exception.Message;
            return null;
        }
    }

    private static string? Member(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var member) || member.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return member.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
