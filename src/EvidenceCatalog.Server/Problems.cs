using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace EvidenceCatalog.Server;

/// <summary>Every error the API returns is an RFC 9457 problem-details document, with a detail saying what to do.</summary>
internal static class Problems
{
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
}
