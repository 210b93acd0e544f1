using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Server.Reports;
using EvidenceCatalog.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace EvidenceCatalog.Server.Endpoints;

/// <summary>
/// <c>GET /api/soc2-evidence/package?accountId=X[&amp;from=DATE&amp;to=DATE&amp;tz=ZONE]</c>: the auditor's package of the window
/// as a zip (the signed report, the population CSV per control, the manifest and the DSSE bundle, …), for the same callers as the report.
/// It is built into a temporary file first, so a failure is an error answer and never half a zip.
/// </summary>
internal static class PackageEndpoint
{
    public const string Path = EvidenceEndpoint.Path + "/package";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, Handle).RequirePermission(Authorization.ReadEvidence);

    private static async Task<IResult> Handle(
        HttpContext http,
        string? accountId,
        string? from,
        string? to,
        string? tz,
        ReportService reports,
        ServerOptions options,
        ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        if (EvidenceEndpoint.RefuseAccount(http, accountId, logs) is { } refused)
        {
            return refused;
        }

        var request = ReportRequest.TryParse(accountId!, section: null, from, to, tz, options.Clock.GetUtcNow(), out string? problem, out var extensions);
        if (request is null)
        {
            return Problems.BadRequest(problem!, extensions);
        }

        string temporary = System.IO.Path.GetTempFileName();
        var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            await reports.BuildPackageAsync(request, file, cancellationToken).ConfigureAwait(false);
        }
        catch (EvidenceUnavailableException exception)
        {
            await file.DisposeAsync().ConfigureAwait(false);
            logs.CreateLogger("EvidenceCatalog.Server.Reports").LogError("Package {Account} failed: {Reason}", accountId, exception.InnerException?.Message ?? exception.Message);
            return Problems.Unavailable(http, "Evidence unavailable", exception.Message + "; try again later");
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        file.Position = 0;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Stream(file, "application/zip", $"evidence-package-{request.Account}-{request.From}-{request.To}.zip");
    }
}
