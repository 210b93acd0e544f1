using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Sampling;

/// <summary>
/// A sample nobody can re-roll: the same events give the same sample whatever their order and whenever the report is
/// made; changing any one event of a control's population changes its digest, its seed and its sample.
/// </summary>
public sealed class SampleReproducibilityTests
{
    private static readonly CalendarDate From = new(2026, 1, 1);
    private static readonly CalendarDate To = new(2026, 3, 31);

    [Fact]
    public void Identical_input_gives_the_identical_sample_whatever_the_order_and_the_time_of_the_report()
    {
        var lines = Population().ToList();
        var first = Samples(Options(From, To), lines);
        var shuffled = lines.OrderBy(l => l.GetHashCode() ^ 0x5bd1e995).ToList();
        Assert.NotEqual(lines, shuffled);
        var later = Options(From, To) with { Clock = new FakeClock(new DateTimeOffset(2026, 12, 24, 8, 30, 0, TimeSpan.Zero)) };

        var second = Samples(later, shuffled);

        Assert.Equal(Json(first), Json(second));
        Assert.Equal(40, first.Controls["IAM-01"].Events.Count);
    }

    [Fact]
    public void One_changed_event_gives_another_digest_seed_and_sample()
    {
        var lines = Population().ToList();
        var original = Samples(Options(From, To), lines).Controls["IAM-01"];
        int index = lines.FindIndex(l => l.Contains("\"id\":\"e-40-2\"", StringComparison.Ordinal));
        string denied = lines[index].Replace("\"outcome\":\"allow\"", "\"outcome\":\"deny\"", StringComparison.Ordinal);
        Assert.NotEqual(lines[index], denied);
        lines[index] = denied;

        var changed = Samples(Options(From, To), lines).Controls["IAM-01"];

        Assert.Equal(original.PopulationSize, changed.PopulationSize);
        Assert.NotEqual(original.PopulationDigest, changed.PopulationDigest);
        Assert.NotEqual(original.Seed, changed.Seed);
        Assert.NotEqual(original.Events.Select(e => e.Id), changed.Events.Select(e => e.Id));
    }

    [Fact]
    public void One_event_more_or_less_changes_the_seed_and_the_sample()
    {
        var lines = Population().ToList();
        var original = Samples(Options(From, To), lines).Controls["IAM-01"];

        var fewer = Samples(Options(From, To), lines.Where(l => !l.Contains("\"id\":\"e-70-1\"", StringComparison.Ordinal))).Controls["IAM-01"];

        Assert.Equal(original.PopulationSize - 1, fewer.PopulationSize);
        Assert.NotEqual(original.Seed, fewer.Seed);
        Assert.NotEqual(original.Events.Select(e => e.Id), fewer.Events.Select(e => e.Id));
    }

    [Fact]
    public void Another_window_or_account_gives_another_seed_for_the_same_events()
    {
        var lines = Population().ToList();
        var seed = Samples(Options(From, To), lines).Controls["IAM-01"].Seed;

        var otherZone = Samples(Options(From, To, "Europe/Berlin"), lines).Controls["IAM-01"].Seed;
        var renamed = Samples(Options(From, To) with { Account = "northwind-eu" }, lines.Select(l => l.Replace(Org, "northwind-eu", StringComparison.Ordinal))).Controls["IAM-01"].Seed;

        Assert.NotEqual(seed, otherZone);
        Assert.NotEqual(seed, renamed);
    }

    [Fact]
    public void Duplicates_and_events_outside_the_window_are_not_the_population()
    {
        var lines = Population().ToList();
        var original = Samples(Options(From, To), lines);
        var noisy = lines
            .Concat(lines.Take(50))
            .Append(Line("before", "2025-12-31T23:59:59Z"))
            .Append(Line("after", "2026-04-01T00:00:00Z"))
            .Append(Line("elsewhere", "2026-02-01T00:00:00Z", account: "globex"))
            .ToList();

        Assert.Equal(Json(original), Json(Samples(Options(From, To), noisy)));
    }

    /// <summary>Sign-ins and policy decisions for IAM-01 on every day of the first quarter of 2026, five a day.</summary>
    internal static IEnumerable<string> Population(int days = 90, int perDay = 5)
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int d = 0; d < days; d++)
        {
            for (int i = 0; i < perDay; i++)
            {
                string time = start.AddDays(d).AddMinutes(37 + (i * 211)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                yield return i % 2 == 0
                    ? Line($"e-{d}-{i}", time, "policy.decision", "allow", actor: $"user:u{(d + i) % 7}@northwind.example")
                    : Line($"e-{d}-{i}", time, "auth.login", "success", actor: $"user:u{(d * i) % 11}@northwind.example");
            }
        }
    }

    internal static ReportSamples Samples(ReportOptions options, IEnumerable<string> lines) => Report(options, lines).Samples;

    internal static string Json(ReportSamples samples) => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(samples, ReportJson.Options));
}
