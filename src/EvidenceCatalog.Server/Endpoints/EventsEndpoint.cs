using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Server.Ingestion;
using EvidenceCatalog.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace EvidenceCatalog.Server.Endpoints;

/// <summary>
/// <c>POST /api/events</c>: JSON Lines (streamed) or a JSON array (read whole, within the limit) of events for the
/// caller's account, ingested by the same <see cref="IngestionJob"/> as <c>evidence ingest</c>. The response counts what was
/// accepted, what was already stored, and what was rejected and why. A body over the limit is refused with 413 and
/// nothing of it is kept; a request cut off midway keeps every complete record that arrived, so sending it again
/// adds only what was missing.
/// </summary>
internal static class EventsEndpoint
{
    public const string Path = "/api/events";

    /// <summary>Rejections listed in a response; the count covers all of them.</summary>
    public const int ListedRejections = 100;

    private const int PeekBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Path, Handle).RequirePermission(Authorization.IngestEvidence);

    private static async Task<IResult> Handle(HttpContext http, ServerOptions options, ILoggerFactory logs)
    {
        var caller = http.Caller();
        var log = logs.CreateLogger("EvidenceCatalog.Server.Ingestion");
        long limit = options.MaxEventsBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null; // the limit below applies, with a problem-details answer
        }

        if (http.Features.Get<IHttpBodyControlFeature>() is { } control)
        {
            control.AllowSynchronousIO = true; // the reader is synchronous (records are spans); it runs off the request thread
        }

        var rejections = new RejectionList(ListedRejections);
        string source = $"POST {Path} ({caller.User})";
        IngestionResult result;
        bool array;
        try
        {
            (result, array) = await Task.Run(
                () => Ingest(options, caller.Account, source, new LimitedStream(http.Request.Body, limit), rejections),
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (BodyTooLargeException)
        {
            // The store's writer was disposed without completing: the request's one transaction is rolled back.
            log.LogWarning("Refused events from {User}: body over {Limit} bytes", caller.User, limit);
            return TooLarge(limit);
        }
        catch (JsonException exception)
        {
            return Problems.BadRequest($"the body starts with '[' but is not a JSON array of events: {exception.Message}");
        }
        catch (Exception exception) when (exception is EventStoreException or IOException or UnauthorizedAccessException)
        {
            log.LogError("Events from {User} not stored: {Reason}", caller.User, exception.Message);
            return Problems.Unavailable(http, "Event store unavailable", exception.Message + "; nothing of this request was kept: send it again later");
        }

        var counts = result.Total;
        if (result.Inputs.Any(i => i.Provenance.Damaged is not null))
        {
            log.LogWarning(
                "Events request from {User} was cut off; kept {Accepted} complete records ({Duplicates} duplicates, {Rejected} rejected)",
                caller.User, counts.Accepted, counts.Duplicates, counts.Rejected);
            return Results.Empty;
        }

        log.LogInformation(
            "Ingested events for {Account} from {User}: read {Read}, accepted {Accepted}, duplicates {Duplicates}, rejected {Rejected}",
            caller.Account, caller.User, counts.Read, counts.Accepted, counts.Duplicates, counts.Rejected);
        return Results.Json(new
        {
            account = caller.Account,
            format = array ? "json-array" : "json-lines",
            read = counts.Read,
            accepted = counts.Accepted,
            duplicates = counts.Duplicates,
            rejected = counts.Rejected,
            rejections = rejections.Items.Select(r => new { record = r.Line, reason = r.Reason }),
            rejectionsListed = rejections.Items.Count,
        });
    }

    private static (IngestionResult Result, bool Array) Ingest(ServerOptions options, string account, string source, Stream body, RejectionList rejections)
    {
        var (input, array) = Open(body);
        var job = new IngestionJob(options.Catalog) { Clock = options.Clock, Quarantine = rejections, Account = account };
        using var store = options.Store.OpenOrCreate();
        var result = job.RunAsync(new JsonLinesSource(JsonLinesInput.Stream(source, () => input)), store).GetAwaiter().GetResult();
        return (result, array);
    }

    /// <summary>The body as JSON Lines: as it comes, or, when it is a JSON array, each element re-written on its own line.</summary>
    private static (Stream Body, bool Array) Open(Stream body)
    {
        byte[] head = new byte[PeekBytes];
        int length = 0;
        int first = -1;
        while (first < 0 && length < head.Length)
        {
            int read = body.Read(head.AsSpan(length));
            if (read == 0)
            {
                break;
            }

            int scanned = length;
            length += read;
            int offset = head.AsSpan(scanned, length - scanned).IndexOfAnyExcept(" \t\r\n"u8);
            first = offset < 0 ? -1 : scanned + offset;
        }

        var stream = new PrefixedStream(head.AsMemory(0, length), body);
        if (first < 0 || head[first] != (byte)'[')
        {
            return (stream, false);
        }

        var whole = new MemoryStream();
        stream.CopyTo(whole);
        return (JsonArrayAsLines(whole.GetBuffer().AsMemory(0, (int)whole.Length)), true);
    }

    private static MemoryStream JsonArrayAsLines(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("the top level is not an array");
        }

        var lines = new ArrayBufferWriter<byte>(json.Length + 16);
        using (var writer = new Utf8JsonWriter(lines, new JsonWriterOptions { Indented = false, SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            foreach (var element in document.RootElement.EnumerateArray())
            {
                element.WriteTo(writer);
                writer.Flush();
                lines.Write("\n"u8);
                writer.Reset();
            }
        }

        return new MemoryStream(lines.WrittenMemory.ToArray(), writable: false);
    }

    private static IResult TooLarge(long limit) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"the body is over this server's limit of {limit:N0} bytes; send the events in smaller requests");
}
