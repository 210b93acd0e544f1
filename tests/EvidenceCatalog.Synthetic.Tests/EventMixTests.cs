using System;
using System.Linq;
using Xunit;

namespace EvidenceCatalog.Synthetic.Tests;

/// <summary>The events look like a SaaS company's: most of them decisions and API calls, mostly allowed, by a few busy people.</summary>
public sealed class EventMixTests
{
    private static readonly GeneratedEvents Run = SyntheticRun.Generate(SyntheticRun.Options(days: 120));

    [Fact]
    public void Every_declared_type_occurs_in_a_120_day_run()
    {
        var seen = Run.Events.Select(e => e.Type).ToHashSet(StringComparer.Ordinal);

        Assert.All(SyntheticRun.Model.EventTypes, t => Assert.Contains(t.Id, seen));
    }

    [Fact]
    public void Policy_decisions_and_api_calls_are_most_of_the_volume_then_sign_ins()
    {
        var byType = Run.Events.GroupBy(e => e.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int total = Run.Events.Count;

        Assert.InRange((byType["policy.decision"] + byType["api.call"]) / (double)total, 0.65, 0.85);
        Assert.True(byType["auth.login"] > byType["dlp.transmission"]);
        Assert.True(byType["auth.mfa"] > byType["network.ip_blocked"]);
        Assert.True(byType["network.ip_blocked"] > byType["incident.opened"]);
    }

    [Fact]
    public void Outcomes_are_mostly_allowed_with_a_realistic_share_denied()
    {
        var decisions = Run.Events.Where(e => e.Type == "policy.decision").ToList();
        double denied = decisions.Count(e => e.Outcome == "deny") / (double)decisions.Count;
        var logins = Run.Events.Where(e => e.Type == "auth.login").ToList();
        double failed = logins.Count(e => e.Outcome == "failure") / (double)logins.Count;

        Assert.InRange(denied, 0.03, 0.15);
        Assert.InRange(failed, 0.02, 0.12);
    }

    [Fact]
    public void About_250_users_with_a_skew_and_12_services_act()
    {
        var users = Run.Events.Where(e => e.Actor.StartsWith("user:", StringComparison.Ordinal))
            .GroupBy(e => e.Actor, StringComparer.Ordinal).Select(g => g.Count()).OrderByDescending(n => n).ToList();
        int services = Run.Events.Where(e => e.Actor.StartsWith("service:", StringComparison.Ordinal)).Select(e => e.Actor).Distinct().Count();

        Assert.InRange(users.Count, 240, 250);
        Assert.Equal(12, services);
        Assert.True(users.Take(25).Sum() > users.Sum() / 3, "the busiest tenth of users does more than a third of the work");
    }

    [Fact]
    public void Scheduled_events_are_counts_a_day_whatever_the_traffic()
    {
        // A backup runs for each data store every day, however busy the API is.
        int quiet = SyntheticRun.Events(SyntheticRun.Options(days: 10, perDay: 1000)).Count(e => e.Type == "backup.completed");
        int busy = SyntheticRun.Events(SyntheticRun.Options(days: 10, perDay: 10_000)).Count(e => e.Type == "backup.completed");

        Assert.InRange(quiet, 30, 60);
        Assert.InRange(busy, 30, 60);
    }
}
