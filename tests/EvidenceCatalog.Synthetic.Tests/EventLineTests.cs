using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace EvidenceCatalog.Synthetic.Tests;

/// <summary>Every line is one event as DESIGN.md ("Events") defines it.</summary>
public sealed class EventLineTests
{
    private static readonly byte[] Bytes = SyntheticRun.Bytes(SyntheticRun.Options(days: 7));

    [Fact]
    public void Every_line_is_a_json_object_with_the_required_fields()
    {
        string text = Encoding.UTF8.GetString(Bytes);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.NotEqual(0xEF, Bytes[0]);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7000, lines.Length);
        foreach (string line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            foreach (string field in new[] { "id", "time", "type", "actor", "account" })
            {
                Assert.Equal(JsonValueKind.String, root.GetProperty(field).ValueKind);
            }

            if (root.TryGetProperty("attributes", out var attributes))
            {
                Assert.Equal(JsonValueKind.Object, attributes.ValueKind);
            }
        }
    }

    [Fact]
    public void Ids_are_unique()
    {
        var events = SyntheticRun.Read(Bytes);

        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(events, e => Assert.StartsWith("evt-", e.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Times_are_rfc_3339_utc_with_milliseconds()
    {
        foreach (var e in SyntheticRun.Read(Bytes))
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", e.TimeText);
            Assert.Equal(TimeSpan.Zero, e.Time.Offset);
        }
    }

    [Fact]
    public void Types_and_outcomes_are_those_the_catalog_declares()
    {
        var declared = SyntheticRun.Model.EventTypes.ToDictionary(t => t.Id, t => t.Outcomes.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        foreach (var e in SyntheticRun.Read(Bytes))
        {
            Assert.True(declared.TryGetValue(e.Type, out var outcomes), e.Type + " is not declared");
            if (outcomes!.Count == 0)
            {
                Assert.Null(e.Outcome);
            }
            else
            {
                Assert.Contains(e.Outcome!, outcomes);
            }
        }
    }

    [Fact]
    public void Every_event_belongs_to_the_account_and_names_a_user_or_a_service()
    {
        foreach (var e in SyntheticRun.Read(Bytes))
        {
            Assert.Equal("northwind-cloud", e.Account);
            Assert.Matches(@"^(user:[a-z]+\.[a-z]+@northwind\.example|service:[a-z-]+)$", e.Actor);
        }
    }

    [Fact]
    public void An_account_that_needs_escaping_is_escaped()
    {
        var options = SyntheticRun.Options(days: 1, perDay: 50) with { Account = "acme \"eu\"\\1" };

        var events = SyntheticRun.Events(options);

        Assert.All(events, e => Assert.Equal("acme \"eu\"\\1", e.Account));
    }

    [Fact]
    public void Lines_average_200_to_260_bytes()
    {
        double average = (double)Bytes.Length / SyntheticRun.Read(Bytes).Count;

        Assert.InRange(average, 200, 260);
    }
}
