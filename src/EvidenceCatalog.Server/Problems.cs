using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Stores;
using Microsoft.AspNetCore.Http;

namespace EvidenceCatalog.Server;

/// <summary>
/// Every error the API returns is an RFC 9457 problem-details document, with a detail saying what to do. A detail never
/// carries an exception's message from the store or the file system, which names the server's files and hosts: those go
/// to the log, found by the answer's <c>traceId</c>.
/// </summary>
internal static class Problems
{
    /// <summary>How long a caller refused for load waits before trying again.</summary>
    private const int BusyRetrySeconds = 10;

    public static IResult Of(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static IResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        Of(StatusCodes.Status400BadRequest, "Bad request", detail, extensions);

    public static IResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>503 with <c>Retry-After</c>: the event store cannot serve the request now.</summary>
    public static IResult Unavailable(HttpContext http, string title, string detail)
    {
        http.Response.Headers.RetryAfter = "30";
        return Of(StatusCodes.Status503ServiceUnavailable, title, detail);
    }

    /// <summary>429 (the caller's account) or 503 (the whole server) with <c>Retry-After</c>: too much under way at once.</summary>
    public static Task<IResult> BusyAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.Headers.RetryAfter = BusyRetrySeconds.ToString(CultureInfo.InvariantCulture);
        return RefuseBodyAsync(http, Of(status, title, detail));
    }

    /// <summary>
    /// Answers before the request's body was read to its end, and closes the connection after. The answer is sent at
    /// once: Kestrel then spends a few seconds draining the unread body before it drops the connection, and an answer
    /// left to the end of the request would be dropped with it.
    /// </summary>
    public static async Task<IResult> RefuseBodyAsync(HttpContext http, IResult answer)
    {
        http.Response.Headers.Connection = "close";
        await answer.ExecuteAsync(http).ConfigureAwait(false);
        await http.Response.CompleteAsync().ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary>What a caller is told of a store that failed: the kind of failure, never the store's own message, which names its file or host.</summary>
    public static string StoreFailure(EventStoreException exception) => exception.Problem switch
    {
        EventStoreProblem.Missing => "the event store does not exist yet",
        EventStoreProblem.NotInitialized => "the event store is not initialised yet",
        EventStoreProblem.NotAnEventStore => "the event store's location holds something other than an event store",
        EventStoreProblem.TooNew => "the event store was written by a newer version of this server",
        EventStoreProblem.Unreachable => "the event store cannot be reached or opened",
        EventStoreProblem.Corrupt => "the event store is damaged",
        EventStoreProblem.InvalidLocation => "the event store's location is not valid",
        _ => "the event store failed while reading or writing",
    } + " (the server's log has the details)";
}
