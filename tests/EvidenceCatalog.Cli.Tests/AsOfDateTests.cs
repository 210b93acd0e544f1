using System;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class AsOfDateTests
{
    [Fact]
    public void Without_as_of_the_clock_gives_todays_utc_date()
    {
        // 23:30 on 31 Dec 2029 at UTC-5 is already 1 Jan 2030 in UTC.
        var clock = new FixedClock(new DateTimeOffset(2029, 12, 31, 23, 30, 0, TimeSpan.FromHours(-5)));

        var result = Evidence.Run(RepositoryRoot.Path, clock, "validate");

        Assert.Contains(result.StdoutLines, l => l.Contains("before the as-of date 2030-01-01;", StringComparison.Ordinal));
    }

    [Fact]
    public void An_explicit_as_of_wins_over_the_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var result = Evidence.Run(RepositoryRoot.Path, clock, "validate", "--as-of", Scenarios.CleanAsOf);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([RepositoryRoot.CatalogFileCount + " files checked: no errors, no warnings."], result.StdoutLines);
    }
}
