using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Server.Caching;
using EvidenceCatalog.Server.Reports;
using EvidenceCatalog.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace EvidenceCatalog.Server.Endpoints;

/// <summary>
/// <c>GET /api/soc2-evidence?accountId=X[&amp;section=NAME][&amp;format=json|csv|csv.sig][&amp;from=DATE&amp;to=DATE&amp;tz=ZONE]</c>: the
/// signed report, one section of it, its criteria view (<c>section=criteria</c>), or the signed population CSV (its
/// detached signature in a header, and alone at <c>format=csv.sig</c>). The caller's account is checked before anything
/// else is looked at, the cache included.
/// </summary>
internal static class EvidenceEndpoint
{
    public const string Path = "/api/soc2-evidence";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, Handle).RequirePermission(Authorization.ReadEvidence);

    private static async Task<IResult> Handle(
        HttpContext http,
        string? accountId,
        string? section,
        string? from,
        string? to,
        string? tz,
        string? format,
        ReportService reports,
        ServerOptions options,
        ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        if (RefuseAccount(http, accountId, logs) is { } refused)
        {
            return refused;
        }

        var request = ReportRequest.TryParse(accountId!, section, from, to, tz, options.Clock.GetUtcNow(), out string? problem, out var extensions, format);
        if (request is null)
        {
            return Problems.BadRequest(problem!, extensions);
        }

        SignedReport report;
        bool hit;
        try
        {
            (report, hit) = await reports.GetAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (EvidenceUnavailableException exception)
        {
            logs.CreateLogger("EvidenceCatalog.Server.Reports").LogError("Report {Account} failed: {Reason}", accountId, exception.InnerException?.Message ?? exception.Message);
            return Problems.Unavailable(http, "Evidence unavailable", exception.Message + "; try again later");
        }

        var headers = http.Response.Headers;
        if (report.Degraded)
        {
            headers.CacheControl = "no-store";
        }
        else
        {
            long age = Math.Max(0, (long)(options.Clock.GetUtcNow() - report.BuiltAt).TotalSeconds);
            long maxAge = Math.Max(0, (long)options.CacheDuration.TotalSeconds - age);
            headers.CacheControl = "private, max-age=" + maxAge.ToString(CultureInfo.InvariantCulture);
            headers.Age = age.ToString(CultureInfo.InvariantCulture);
        }

        headers["X-Cache"] = hit ? "hit" : "miss";
        if (!request.Csv)
        {
            return Results.Bytes(report.Body, "application/json");
        }

        var (signature, csv) = PopulationCsv.Unpack(report.Body);
        if (format == "csv.sig")
        {
            return Results.Bytes(signature, "application/json");
        }

        headers[PopulationCsv.SignatureHeader] = Convert.ToBase64String(signature.Span);
        return Results.Bytes(csv, "text/csv; charset=utf-8", PopulationCsv.FileName(request));
    }

    /// <summary>The answer when the caller may not read <paramref name="accountId"/> (none given, or another tenant's); null when it may.</summary>
    internal static IResult? RefuseAccount(HttpContext http, string? accountId, ILoggerFactory logs)
    {
        var caller = http.Caller();
        if (string.IsNullOrEmpty(accountId))
        {
            return Problems.BadRequest("give the account: ?accountId=ID");
        }

        if (!string.Equals(accountId, caller.Account, StringComparison.Ordinal))
        {
            logs.CreateLogger("EvidenceCatalog.Server.Security").LogWarning(
                "Refused cross-tenant read of {Account} by {User} of {CallerAccount}", accountId, caller.User, caller.Account);
            return Problems.Forbidden($"this token may read account '{caller.Account}' only, not '{accountId}'");
        }

        return null;
    }
}
