using System;
using Xunit;

namespace EvidenceCatalog.Server.Tests.Infrastructure;

/// <summary>
/// A fact that needs the Redis test server (<c>EVIDENCE_TEST_REDIS</c>, e.g. <c>127.0.0.1:56379</c>, as
/// <c>.ci/redis.sh</c> starts it): skipped without one on a developer's machine, never under <c>CI=true</c>.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "EVIDENCE_TEST_REDIS";

    public RedisFactAttribute()
    {
        bool required = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (Configuration is null && !required)
        {
            Skip = $"{Variable} is not set: start a server with '.ci/redis.sh start' and 'eval \"$(.ci/redis.sh env)\"' to run the Redis tests";
        }
    }

    /// <summary>The Redis configuration string of the test server.</summary>
    public static string? Configuration => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}
