using System;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace EvidenceCatalog.Server.Ingestion;

/// <summary>
/// The <c>Content-Encoding</c> of an events body: none (or <c>identity</c>), or <c>gzip</c>. Gzip is recognised by its
/// magic bytes whatever the header says, so the header only adds refusals: an encoding the server cannot read (415),
/// and a body labelled gzip that is not (400) — rather than reading either as if it were plain text.
/// </summary>
internal static class BodyEncoding
{
    /// <summary>415 for an encoding other than gzip, or more than one; null when the body can be read.</summary>
    public static IResult? Refusal(StringValues contentEncoding)
    {
        var codings = Codings(contentEncoding);
        if (codings.All(c => c == "gzip") && codings.Length <= 1)
        {
            return null;
        }

        return Problems.Of(
            StatusCodes.Status415UnsupportedMediaType,
            "Unsupported content encoding",
            $"Content-Encoding '{string.Join(", ", codings)}' is not one this server reads: send the body as it is, or compressed once with gzip (Content-Encoding: gzip)");
    }

    /// <summary>Why a body labelled gzip cannot be read as such (it does not start with the gzip magic bytes); null otherwise.</summary>
    public static string? Mismatch(StringValues contentEncoding, SpooledBody body) =>
        Codings(contentEncoding).Contains("gzip") && !body.Gzip && body.Length > 0
            ? "the body is labelled Content-Encoding: gzip but is not gzip (it does not start with the bytes 1f 8b); send it compressed, or without the header"
            : null;

    /// <summary>The codings named, lower case, <c>identity</c> left out and <c>x-gzip</c> read as <c>gzip</c> (RFC 9110, 8.4.1).</summary>
    private static string[] Codings(StringValues contentEncoding) =>
        contentEncoding.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(c => c.ToLowerInvariant())
            .Where(c => c != "identity")
            .Select(c => c == "x-gzip" ? "gzip" : c)
            .ToArray();
}
