using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>The incident-response section says who responds: the runbooks' responders, each procedure's description, severities and last test.</summary>
public sealed class IncidentResponseSectionTests
{
    private static readonly ReportOptions March = Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31));

    [Fact]
    public void The_section_lists_the_responders_the_runbooks_declare()
    {
        var section = Report(March, []).Sections.Get(SectionDefinitions.IncidentResponse);

        Assert.Equal(
            new[] { ("on-call-engineer", "On-call Engineer"), ("security-lead", "Security Lead"), ("infrastructure-engineer", "Infrastructure Engineer") },
            section.Responders.Select(r => (r.Id, r.Name)));
        Assert.Equal("The Head of Security, by phone.", section.Responders.Single(r => r.Id == "security-lead").Escalation);
        var statusUpdates = section.Procedures.Single(p => p.Id == "service-outage").Steps.Single(s => s.Action.StartsWith("Update customers on the status page", System.StringComparison.Ordinal));
        Assert.Equal("on-call-engineer", statusUpdates.Role);
    }

    [Fact]
    public void Each_procedure_carries_its_description_its_severities_and_its_last_test()
    {
        var procedures = Report(March, []).Sections.Get(SectionDefinitions.IncidentResponse).Procedures.ToDictionary(p => p.Id);

        Assert.All(procedures.Values, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
        Assert.StartsWith("Stop further exposure of customer data", procedures["data-breach"].Description, System.StringComparison.Ordinal);
        Assert.Equal("P1", procedures["data-breach"].Severity);
        Assert.Null(procedures["data-breach"].Severities);
        Assert.Null(procedures["service-outage"].Severity);
        Assert.Equal(["P1", "P2", "P3"], procedures["service-outage"].Severities!);
        Assert.Equal("2026-10-07", procedures["service-outage"].LastTested);
        Assert.Null(procedures["post-mortem"].LastTested);
    }

    [Fact]
    public void The_json_writes_the_new_members_and_leaves_out_what_a_procedure_does_not_declare()
    {
        using var document = JsonDocument.Parse(ReportJson.Serialize(Report(March, [])));
        var section = document.RootElement.GetProperty("sections").GetProperty("incidentResponse");

        var responder = section.GetProperty("responders")[0];
        Assert.Equal(["id", "name", "onCall", "escalation"], responder.EnumerateObject().Select(m => m.Name));
        var procedures = section.GetProperty("procedures").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.Equal(
            ["id", "name", "description", "phase", "severity", "lastTested", "steps"],
            procedures["data-breach"].EnumerateObject().Select(m => m.Name));
        Assert.Equal(
            ["id", "name", "description", "phase", "severities", "lastTested", "steps"],
            procedures["service-outage"].EnumerateObject().Select(m => m.Name));
        Assert.Equal(["id", "name", "description", "phase", "steps"], procedures["post-mortem"].EnumerateObject().Select(m => m.Name));
    }
}
