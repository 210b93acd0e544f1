using System;

namespace EvidenceCatalog.Cli.Tests.Infrastructure;

/// <summary>A clock stopped at one instant, for the default as-of date.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
