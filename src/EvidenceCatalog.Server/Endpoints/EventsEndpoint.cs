using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
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
/// <c>POST /api/events[?source=ID]</c>: JSON Lines or a JSON array of events for the caller's account — or, with
/// <c>source</c>, a log source's records (any container the source declares), mapped to events by its rules — ingested
/// by the same <see cref="IngestionJob"/> as <c>evidence ingest</c>; gzip is recognised by its magic bytes. The body is first spooled to a file as it arrives (within the
/// size and time limits, with asynchronous I/O, in one of a capped number of slots per account and overall), and only
/// then written into the store, in one transaction: a slow client holds neither a thread nor the store's write lock.
/// The response counts what was accepted, what was already stored, what was rejected and why, and for a log source what
/// no rule maps, with the most frequent native names. An unknown source is refused before the body is read. A body refused for
/// its size or time leaves nothing behind; a request cut off midway keeps every complete record that arrived, so
/// sending it again adds only what was missing.
/// </summary>
internal static class EventsEndpoint
{
    public const string Path = "/api/events";

    /// <summary>Rejections listed in a response; the count covers all of them.</summary>
    public const int ListedRejections = 100;

    private const string SendAgain = "; nothing of this request was kept: send it again later";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Path, Handle).RequirePermission(Authorization.IngestEvidence);

    /// <summary>The query parameter naming the body's log source.</summary>
    public const string SourceParameter = "source";

    private static async Task<IResult> Handle(HttpContext http, ServerOptions options, IngestionAdmission admission, StoreWriteGate writes, ILoggerFactory logs)
    {
        var caller = http.Caller();
        var log = logs.CreateLogger("EvidenceCatalog.Server.Ingestion");
        var chooser = new LogSourceChooser(options.Catalog.Model);
        string sourceName = http.Request.Query[SourceParameter].ToString() is { Length: > 0 } named ? named : LogSourceIds.Native;
        if (http.Request.Query[SourceParameter].Count > 1)
        {
            return await Problems.RefuseBodyAsync(http, Problems.BadRequest($"give '{SourceParameter}' once: the body holds the records of one source")).ConfigureAwait(false);
        }

        if (sourceName != LogSourceIds.Auto)
        {
            try
            {
                chooser.Find(sourceName);
            }
            catch (LogSourceChoiceException exception)
            {
                return await Problems.RefuseBodyAsync(http, UnknownSource(exception)).ConfigureAwait(false);
            }
        }

        if (BodyEncoding.Refusal(http.Request.Headers.ContentEncoding) is { } encodingRefusal)
        {
            return await Problems.RefuseBodyAsync(http, encodingRefusal).ConfigureAwait(false);
        }

        long limit = options.MaxEventsBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            return await Problems.RefuseBodyAsync(http, TooLarge(limit)).ConfigureAwait(false);
        }

        using var slot = admission.TryEnter(caller.Account, out var refusal);
        if (slot is null)
        {
            log.LogWarning("Refused events from {User} of {Account}: {Refusal}", caller.User, caller.Account, refusal);
            return refusal == IngestionRefusal.AccountBusy
                ? await Problems.BusyAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests", $"account '{caller.Account}' already has {options.MaxConcurrentIngestionsPerAccount} ingestions under way, the most this server takes at once for one account; send this request again when one has finished").ConfigureAwait(false)
                : await Problems.BusyAsync(http, StatusCodes.Status503ServiceUnavailable, "Server busy", $"this server already has {options.MaxConcurrentIngestions} ingestions under way, the most it takes at once; send this request again in a few seconds").ConfigureAwait(false);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null; // the spool's limit applies, with a problem-details answer
        }

        SpooledBody body;
        try
        {
            body = await SpooledBody.ReceiveAsync(http.Request.Body, options.SpoolDirectory ?? System.IO.Path.GetTempPath(), limit, options.MaxBodyTime).ConfigureAwait(false);
        }
        catch (BodyTooLargeException)
        {
            log.LogWarning("Refused events from {User}: body over {Limit} bytes", caller.User, limit);
            return await Problems.RefuseBodyAsync(http, TooLarge(limit)).ConfigureAwait(false);
        }
        catch (BodyTooSlowException)
        {
            log.LogWarning("Refused events from {User}: body not received within {Seconds} s", caller.User, options.MaxBodyTime.TotalSeconds);
            return await Problems.RefuseBodyAsync(http, Problems.Of(
                StatusCodes.Status408RequestTimeout,
                "Request timeout",
                $"the body did not arrive within {options.MaxBodyTime.TotalSeconds:0.###} s, this server's limit; nothing of it was kept: send the events in smaller requests")).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            log.LogError("Events from {User} not received: the body could not be spooled: {Reason}", caller.User, exception.Message);
            return Problems.Unavailable(http, "Cannot take the body now", "the server could not set the body aside (its spool space may be full)" + SendAgain);
        }

        await using (body.ConfigureAwait(false))
        {
            if (BodyEncoding.Mismatch(http.Request.Headers.ContentEncoding, body) is { } mismatch)
            {
                return Problems.BadRequest(mismatch);
            }

            var input = JsonLinesInput.Stream($"POST {Path} ({caller.User})", body.Open, body.Length, body.Container);
            MappedInput mapped;
            try
            {
                mapped = chooser.Choose(input, sourceName);
            }
            catch (LogSourceChoiceException exception)
            {
                return UnknownSource(exception);
            }
            catch (IOException exception)
            {
                log.LogError("Events from {User} not read: the spooled body could not be read: {Reason}", caller.User, exception.Message);
                return Problems.Unavailable(http, "Cannot read the body now", "the server could not read back the body it set aside" + SendAgain);
            }

            return await Store(http, options, writes, log, body, mapped).ConfigureAwait(false);
        }
    }

    /// <summary>400 for a source the catalogs do not declare (or a body <c>auto</c> cannot tell the source of), naming those it does.</summary>
    private static IResult UnknownSource(LogSourceChoiceException exception)
    {
        string detail = exception.Problem == LogSourceChoiceProblem.Unknown
            ? $"{exception.Message}; give '{SourceParameter}' one of them, or leave it out for evidence events"
            : $"{exception.Message}; name the body's source with '{SourceParameter}=ID'";
        var extensions = new Dictionary<string, object?> { ["knownSources"] = exception.Known };
        if (exception.Candidates.Count > 0)
        {
            extensions["candidates"] = exception.Candidates;
        }

        return Problems.BadRequest(detail, extensions);
    }

    private static async Task<IResult> Store(HttpContext http, ServerOptions options, StoreWriteGate writes, ILogger log, SpooledBody body, MappedInput input)
    {
        var caller = http.Caller();
        var rejections = new RejectionList(ListedRejections);
        var job = new IngestionJob(options.Catalog) { Clock = options.Clock, Quarantine = rejections, Account = caller.Account };
        IngestionResult result;
        try
        {
            using var turn = await writes.EnterAsync().ConfigureAwait(false);

            // Reads the spooled file, not the request: the write transaction lasts as long as the disk takes.
            result = await Task.Run(() =>
            {
                using var store = options.Store.OpenOrCreate();
                return job.RunAsync(new MappedJsonSource([input]), store).GetAwaiter().GetResult();
            }).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is EventStoreException or IOException or UnauthorizedAccessException)
        {
            log.LogError("Events from {User} not stored: {Reason}", caller.User, exception.Message);
            string failure = exception is EventStoreException store ? Problems.StoreFailure(store) : "the event store cannot be opened (the server's log has the details)";
            return Problems.Unavailable(http, "Event store unavailable", failure + SendAgain);
        }

        var counts = result.Total;
        if (body.CutOff is not null)
        {
            log.LogWarning(
                "Events request from {User} was cut off ({Reason}); kept {Accepted} complete records ({Duplicates} duplicates, {Rejected} rejected)",
                caller.User, body.CutOff, counts.Accepted, counts.Duplicates, counts.Rejected);
            return Results.Empty; // nobody is listening
        }

        var provenance = result.Inputs[0].Provenance;
        var answer = new Dictionary<string, object?>
        {
            ["account"] = caller.Account,
            ["source"] = input.SourceId,
            ["format"] = provenance.Container ?? (body.Container == EventContainer.JsonArray ? "json-array" : "json-lines"),
            ["read"] = counts.Read,
            ["accepted"] = counts.Accepted,
            ["duplicates"] = counts.Duplicates,
            ["rejected"] = counts.Rejected,
        };
        if (input.Source is not null)
        {
            var (top, other) = counts.UnmappedByName.Top(IngestionSummary.TopUnmappedNames);
            answer["unmapped"] = counts.Unmapped;
            answer["unmappedNames"] = top.Select(n => new { name = n.Name, count = n.Count }).ToList();
            answer["unmappedOther"] = other;
        }

        answer["rejections"] = rejections.Items.Select(r => new { record = r.Line, reason = r.Reason }).ToList();
        answer["rejectionsListed"] = rejections.Items.Count;
        if (result.Inputs.Select(i => i.Provenance.Damaged).FirstOrDefault(d => d is not null) is { } damage)
        {
            string why = PathRedaction.Redact(damage);
            log.LogWarning(
                "Events from {User} could not be read to their end ({Reason}); kept {Accepted} records before the break ({Duplicates} duplicates, {Rejected} rejected)",
                caller.User, why, counts.Accepted, counts.Duplicates, counts.Rejected);
            answer["damaged"] = why;
            return Problems.BadRequest(
                $"the body could not be read to its end: {why}, and are counted here; fix the body and send it whole again (what is already stored counts as duplicates)",
                answer);
        }

        log.LogInformation(
            "Ingested events for {Account} from {User} ({Source}): read {Read}, accepted {Accepted}, duplicates {Duplicates}, rejected {Rejected}, unmapped {Unmapped}",
            caller.Account, caller.User, input.SourceId, counts.Read, counts.Accepted, counts.Duplicates, counts.Rejected, counts.Unmapped);
        return Results.Json(answer);
    }

    private static IResult TooLarge(long limit) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"the body is over this server's limit of {limit:N0} bytes; send the events in smaller requests");
}
