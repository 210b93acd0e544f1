using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Exports;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>The CSV is the full evidence population: a row per control × evidence event, RFC 4180, formulas neutralised.</summary>
public sealed class CsvExportTests
{
    private static string Csv(params string[] lines)
    {
        var job = new ReportJob(Catalog, Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31)));
        var output = new MemoryStream();
        job.ExportPopulationAsync(Source(string.Join("\n", lines) + "\n", "x"), output, "population.csv").GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void Header_then_one_row_per_control_the_event_is_evidence_for()
    {
        string csv = Csv(Line("a", "2026-03-02T10:00:00Z", "policy.decision", "deny"));
        var rows = csv.Split("\r\n", System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", EvidenceCsvWriter.Columns), rows[0]);
        int controls = Catalog.ControlsFor("policy.decision", "deny").Length;
        Assert.Equal(1 + controls, rows.Length);
        Assert.StartsWith("IAM-01,a,2026-03-02T10:00:00Z,policy.decision,deny,user:alice@northwind.example,northwind-cloud,,,", rows[1]);
    }

    [Fact]
    public async Task Each_control_s_rows_written_to_an_output_of_its_own_are_that_control_s_export_alone()
    {
        var job = new ReportJob(Catalog, Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31)));
        string text = string.Join("\n", EvidenceForEveryControl(new CalendarDate(2026, 3, 1), 3).Append(Line("x", "2026-04-02T10:00:00Z"))) + "\n";
        var outputs = new Dictionary<string, MemoryStream>(System.StringComparer.Ordinal);

        var (_, rows) = await job.ExportControlPopulationsAsync(Source(text), c => c.Id is "IAM-01" or "BCK-01" or "IR-01" ? outputs[c.Id] = new MemoryStream() : null, default);

        Assert.Equal(["BCK-01", "IAM-01", "IR-01"], rows.Keys.Order(System.StringComparer.Ordinal));
        foreach (var (id, output) in outputs)
        {
            using var alone = new MemoryStream();
            var exported = await job.ExportPopulationAsync(Source(text), alone, "alone.csv", id);
            Assert.Equal(Encoding.UTF8.GetString(alone.ToArray()), Encoding.UTF8.GetString(output.ToArray()));
            Assert.Equal(exported.Rows, rows[id]);
            Assert.True(rows[id] >= 3, id + " has evidence on each of the three days");
        }
    }

    [Fact]
    public void Events_outside_the_window_or_of_other_accounts_are_not_rows()
    {
        string csv = Csv(Line("a", "2026-04-02T10:00:00Z"), Line("b", "2026-03-02T10:00:00Z", account: "other"));
        Assert.Single(csv.Split("\r\n", System.StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("=HYPERLINK(\\\"http://x\\\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\\nbreak", "\"line\nbreak\"")]
    public void Cells_are_quoted_and_formulas_neutralised(string actor, string expected)
    {
        string csv = Csv(Line("a", "2026-03-02T10:00:00Z", actor: actor));
        Assert.Contains("," + expected + ",northwind-cloud,", csv);
    }

    [Fact]
    public void Attributes_are_kept_as_json_in_one_quoted_cell()
    {
        string csv = Csv("{\"id\":\"a\",\"time\":\"2026-03-02T10:00:00Z\",\"type\":\"policy.decision\",\"outcome\":\"allow\",\"actor\":\"u\",\"account\":\"northwind-cloud\",\"attributes\":{\"a\":1,\"b\":\"x\"}}");
        Assert.Contains(",\"{\"\"a\"\":1,\"\"b\"\":\"\"x\"\"}\",CC6.1\r\n", csv);
    }

    [Fact]
    public void The_last_column_is_the_criteria_the_row_s_control_claims_separated_by_spaces()
    {
        string csv = Csv(Line("a", "2026-03-02T10:00:00Z", "access.review_completed", "completed"));
        var rows = csv.Split("\r\n", System.StringSplitOptions.RemoveEmptyEntries);

        Assert.EndsWith(",criteria", rows[0]);
        Assert.StartsWith("IAM-03,a,", rows[1]);
        Assert.EndsWith(",,CC6.1 CC6.2 CC6.3", rows[1]);
    }
}
