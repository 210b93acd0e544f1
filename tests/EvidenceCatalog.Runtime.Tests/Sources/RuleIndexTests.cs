using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.JsonPointerTests;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// The rules filed by the values they compare (<c>RuleIndex</c>) give exactly what testing them in order gives: the first
/// rule whose conditions all hold, for every record, filed and unfiled rules mixed.
/// </summary>
public sealed class RuleIndexTests
{
    // Filed under /a (it tells most rules apart), under /c, and not filed at all, interleaved.
    private static readonly (string Type, string Outcome, FieldCondition[] When)[] Definitions =
    [
        ("auth.login", "success", [Equal("/a", "x")]),
        ("auth.mfa", "success", [Exists("/b"), Missing("/c")]),
        ("api.call", "allow", [OneOf("/a", "y", "z")]),
        ("policy.decision", "deny", [Equal("/c", "q"), Equal("/a", "z")]),
        ("access.granted", "direct", [Equal("/c", "q")]),
        ("access.revoked", "direct", [Prefix("/a", "w"), Equal("/b", "1")]),
        ("crypto.key_rotated", "success", [OneOf("/c", "z", "q"), OneOf("/a", "x", "w", "v")]),
        ("auth.credential_changed", "issued", []),
    ];

    [Fact]
    public void Every_record_over_the_compared_values_gets_the_rule_testing_in_order_gives()
    {
        string?[] aValues = [null, "x", "y", "z", "w", "wv", "v", "\\u0078"];
        string?[] bValues = [null, "1", "\"1\"", "null"];
        string?[] cValues = [null, "q", "z", "\\u0071"];
        var records = (from a in aValues from b in bValues from c in cValues select (A: a, B: b, C: c)).ToList();
        var source = Probe("service:probe") with
        {
            Rules = Array(Definitions.Select((d, i) => Rule("rule " + i, d.Type, Outcome(d.Outcome), d.When)).ToArray()),
        };

        var run = MappedRun.Of(source, string.Concat(records.Select((r, n) => WithTime(Json(n, r.A, r.B, r.C)))));

        Assert.Equal(records.Select(r => InOrder(r.A, r.B, r.C)), run.Events.Select(e => e.Type));
    }

    [Fact]
    public void A_lone_surrogate_in_a_compared_field_is_rejected_only_where_the_rules_in_order_read_it()
    {
        // Filed under /b (three values to /a's one); in order, /b is read only when /a is k.
        var source = Probe("service:probe") with
        {
            Rules = Array(Rule("a is k, b one of", "api.call", Outcome("allow"), Equal("/a", "k"), OneOf("/b", "x", "y", "z"))),
        };

        var run = MappedRun.Of(source, WithTime("{\"a\":\"j\",\"b\":\"\\ud800\"}") + WithTime("{\"a\":\"k\",\"b\":\"\\ud800\"}"));

        Assert.Equal(1, run.Counts.Unmapped);
        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(2, rejection.Line);
        Assert.StartsWith("invalid JSON: a string holds an invalid escape", rejection.Reason, System.StringComparison.Ordinal);
    }

    private static string Json(int n, string? a, string? b, string? c)
    {
        var members = new List<string> { "\"n\":" + n };
        if (a is not null)
        {
            members.Add("\"a\":\"" + a + "\"");
        }

        if (b is not null)
        {
            members.Add("\"b\":" + (b == "1" ? "1" : b));
        }

        if (c is not null)
        {
            members.Add("\"c\":\"" + c + "\"");
        }

        return "{" + string.Join(",", members) + "}";
    }

    /// <summary>The reference: each rule in turn, each condition as docs/sources.md defines it, on the values unescaped.</summary>
    private static string InOrder(string? a, string? b, string? c)
    {
        var text = new Dictionary<string, string?>
        {
            ["/a"] = a?.Replace("\\u0078", "x"),
            ["/b"] = b switch { null or "null" => null, "\"1\"" => "1", _ => b },
            ["/c"] = c?.Replace("\\u0071", "q"),
        };
        foreach (var (type, _, when) in Definitions)
        {
            if (when.All(w => Holds(w, text[w.Field])))
            {
                return type;
            }
        }

        return "(unmapped)";
    }

    private static bool Holds(FieldCondition condition, string? value) => condition.Kind switch
    {
        ConditionKind.Exists => value is not null,
        ConditionKind.Missing => value is null,
        ConditionKind.Equals or ConditionKind.OneOf => value is not null && condition.Values.Contains(value),
        _ => value is not null && value.StartsWith(condition.Values[0], System.StringComparison.Ordinal),
    };
}
