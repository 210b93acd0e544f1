using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvidenceCatalog.Server.Security;

/// <summary>
/// Bearer-token authentication and permission checks for an endpoint: no or an unknown token is 401 (with
/// <c>WWW-Authenticate: Bearer</c>, RFC 6750), a token whose role lacks the permission is 403, both as problem details.
/// </summary>
internal static class Authorization
{
    public const string ReadEvidence = "audit:read";
    public const string IngestEvidence = "evidence:ingest";

    private const string CallerKey = "EvidenceCatalog.Caller";

    /// <summary>Only callers with a token whose role grants <paramref name="permission"/> reach the endpoint.</summary>
    public static RouteHandlerBuilder RequirePermission(this RouteHandlerBuilder endpoint, string permission) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var tokens = http.RequestServices.GetRequiredService<TokenFileReloader>().Current;
            var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("EvidenceCatalog.Server.Security");
            string? presented = BearerToken(http.Request.Headers.Authorization.ToString());
            if (presented is null)
            {
                log.LogInformation("Refused {Method} {Path}: no bearer token", http.Request.Method, http.Request.Path);
                return Unauthorized(http, null, "this endpoint needs an API token: send 'Authorization: Bearer TOKEN'");
            }

            var caller = tokens.Authenticate(presented);
            if (caller is null)
            {
                log.LogInformation("Refused {Method} {Path}: unknown bearer token", http.Request.Method, http.Request.Path);
                return Unauthorized(http, "invalid_token", "the API token is not known to this server; ask its operator for one ('evidence token add')");
            }

            if (!caller.Grants(permission))
            {
                log.LogInformation("Refused {Method} {Path} to {User} ({Role}): no {Permission}", http.Request.Method, http.Request.Path, caller.User, caller.Role.Id, permission);
                return Problems.Forbidden($"role '{caller.Role.Id}' (level {caller.Role.Level}) does not grant '{permission}'");
            }

            http.Items[CallerKey] = caller;
            return await next(context).ConfigureAwait(false);
        });

    /// <summary>The authenticated caller of the request (set by <see cref="RequirePermission"/>).</summary>
    public static ApiToken Caller(this HttpContext http) =>
        http.Items[CallerKey] as ApiToken ?? throw new InvalidOperationException("the endpoint has no RequirePermission filter");

    private static string? BearerToken(string header)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string token = header[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static IResult Unauthorized(HttpContext http, string? error, string detail)
    {
        http.Response.Headers.WWWAuthenticate = error is null ? "Bearer realm=\"evidence\"" : $"Bearer realm=\"evidence\", error=\"{error}\"";
        return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }
}
