using System;
using System.Buffers.Binary;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace EvidenceCatalog.Server.Caching;

/// <summary>
/// Signed reports kept for <see cref="ServerOptions.CacheDuration"/>, in process or in Redis (any
/// <see cref="IDistributedCache"/>). Each entry carries the time it was built, read against the server's clock, so the
/// <c>Age</c> header is exact and expiry does not depend on the cache's own clock. The cache is an optimisation: when
/// it fails (Redis down), the report is built as if it were a miss, and the failure is logged.
/// </summary>
internal sealed class ReportCache(IDistributedCache cache, ServerOptions options, ILogger<ReportCache> log)
{
    /// <summary>An entry, or null when there is none or it is older than the cache duration.</summary>
    public async Task<SignedReport?> GetAsync(string key, CancellationToken cancellationToken)
    {
        byte[]? entry;
        try
        {
            entry = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.LogWarning(exception, "Report cache unavailable on read of {CacheKey}; building the report", key);
            return null;
        }

        if (entry is null || entry.Length < sizeof(long))
        {
            return null;
        }

        var builtAt = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(entry), TimeSpan.Zero);
        if (options.Clock.GetUtcNow() - builtAt >= options.CacheDuration)
        {
            return null;
        }

        return new SignedReport(builtAt, entry.AsMemory(sizeof(long)), Degraded: false);
    }

    /// <summary>Keeps <paramref name="report"/> for the cache duration (never a degraded one).</summary>
    public async Task SetAsync(string key, SignedReport report)
    {
        if (report.Degraded || options.CacheDuration <= TimeSpan.Zero)
        {
            return;
        }

        byte[] entry = new byte[sizeof(long) + report.Body.Length];
        BinaryPrimitives.WriteInt64LittleEndian(entry, report.BuiltAt.UtcTicks);
        report.Body.Span.CopyTo(entry.AsSpan(sizeof(long)));
        try
        {
            await cache.SetAsync(key, entry, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.CacheDuration }).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            log.LogWarning(exception, "Report cache unavailable on write of {CacheKey}; the report is served uncached", key);
        }
    }
}

/// <summary>A signed report (or single section) as served: when it was built, its bytes, whether any section is degraded.</summary>
internal sealed record SignedReport(DateTimeOffset BuiltAt, ReadOnlyMemory<byte> Body, bool Degraded);
