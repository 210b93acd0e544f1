using System;
using System.Collections.Generic;
using EvidenceCatalog.Server.Caching;
using EvidenceCatalog.Server.Endpoints;
using EvidenceCatalog.Server.Ingestion;
using EvidenceCatalog.Server.Reports;
using EvidenceCatalog.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EvidenceCatalog.Server;

/// <summary>
/// The evidence service (<c>evidence serve</c>): <c>GET /api/soc2-evidence</c>, <c>POST /api/events</c>,
/// <c>GET /healthz</c>, <c>GET /readyz</c>. Every error is problem details (RFC 9457), never a stack trace.
/// </summary>
public static class EvidenceServer
{
    /// <summary>The application, configured and mapped but not started.</summary>
    /// <param name="options">What to serve.</param>
    /// <param name="configure">Changes to the host before it is built: the URLs, logging, a test server.</param>
    /// <exception cref="ArgumentException">The options cannot work (no signing key, …).</exception>
    public static WebApplication Create(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EvidenceServer).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(json => { json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"; json.UseUtcTimestamp = true; });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<ReportCache>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<TokenFileReloader>();
        services.AddSingleton<IngestionAdmission>();
        services.AddSingleton<StoreWriteGate>();
        services.AddHostedService(provider => provider.GetRequiredService<TokenFileReloader>());
        services.AddProblemDetails();
        if (options.Redis is { } redis)
        {
            services.AddStackExchangeRedisCache(cache =>
            {
                cache.Configuration = redis;
                cache.InstanceName = "evidence:";
            });
        }
        else
        {
            services.AddDistributedMemoryCache();
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        EvidenceEndpoint.Map(app);
        PackageEndpoint.Map(app);
        EventsEndpoint.Map(app);
        HealthEndpoints.Map(app);
        return app;
    }

    /// <summary>What the server says it serves, for its start-up line.</summary>
    public static IReadOnlyList<string> Routes { get; } =
        [$"GET {EvidenceEndpoint.Path}", $"GET {PackageEndpoint.Path}", $"POST {EventsEndpoint.Path}", "GET /healthz", "GET /readyz"];
}
