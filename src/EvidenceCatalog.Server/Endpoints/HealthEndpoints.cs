using System;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace EvidenceCatalog.Server.Endpoints;

/// <summary><c>GET /healthz</c> (the process answers) and <c>GET /readyz</c> (the event store is reachable and initialised).</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Json(new { status = "ok" }));
        app.MapGet("/readyz", Ready);
    }

    private static async Task<IResult> Ready(ServerOptions options, TokenFileReloader tokens, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        using var time = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        time.CancelAfter(ReadyTimeout);
        try
        {
            await options.Store.PingAsync(time.Token).ConfigureAwait(false);
            // Still ready with a token file that could not be reloaded (the last good tokens serve); the details, which name
            // the file and its lines, go to the log, not to callers without a token.
            return Results.Json(new { status = "ready", store = options.StoreName, tokens = tokens.Problem is null ? "ok" : "stale: the token file could not be reloaded; the last good tokens are in force (see the log)" });
        }
        catch (Exception exception) when (exception is EventStoreException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Anyone may ask: the answer says what kind of failure it is, the log says where.
            string reason = exception is EventStoreException store ? Problems.StoreFailure(store) : $"the event store did not answer within {ReadyTimeout.TotalSeconds:0} s";
            logs.CreateLogger("EvidenceCatalog.Server.Health").LogWarning("Not ready: {Reason}", exception.Message);
            // The store is named as in the ready answer: a file by its name, a connection string without its secrets.
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "Not ready", reason, new System.Collections.Generic.Dictionary<string, object?> { ["store"] = options.StoreName });
        }
    }
}
