using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Browser.Tests.Infrastructure;
using PuppeteerSharp;
using Xunit;

namespace EvidenceCatalog.Browser.Tests;

/// <summary>The demo report's workpaper, opened from disk in headless Chromium, reads as the report says.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkpaperPageTests(HeadlessChromium chromium)
{
    [BrowserFact]
    public async Task The_demo_workpaper_shows_the_criteria_table_a_heat_map_per_control_and_reports_no_error()
    {
        var demo = await DemoReport.GetAsync();
        string file = await demo.WriteWorkpaperAsync("demo-workpaper.html");
        using var report = JsonDocument.Parse(demo.Json);
        var controls = report.RootElement.GetProperty("controls").EnumerateObject().ToList();
        var claimed = controls.SelectMany(c => c.Value.GetProperty("criteria").EnumerateArray().Select(e => e.GetString()!)).Distinct().Order(StringComparer.Ordinal).ToArray();

        await using var opened = await chromium.OpenAsync(file);

        Assert.Equal("Northwind Cloud, Inc.", await opened.EvaluateAsync<string>("document.getElementById('organisation').textContent"));
        Assert.StartsWith("Type II: pass", await opened.EvaluateAsync<string>("document.getElementById('verdict').innerText"), StringComparison.Ordinal);
        // The report's criteria view, every criterion of the active frameworks in its order.
        Assert.Equal(
            report.RootElement.GetProperty("criteria").EnumerateObject().Select(c => c.Name),
            await opened.EvaluateAsync<string[]>("[...document.querySelectorAll('#criteria-table tbody tr')].map(r => r.dataset.criterion)"));
        Assert.Subset(report.RootElement.GetProperty("criteria").EnumerateObject().Select(c => c.Name).ToHashSet(), claimed.ToHashSet());
        string cc61 = await opened.EvaluateAsync<string>("document.querySelector('#criteria-table tr[data-criterion=\"CC6.1\"]').innerText");
        long cc61Evidence = controls.Where(c => c.Value.GetProperty("criteria").EnumerateArray().Any(e => e.GetString() == "CC6.1")).Sum(c => c.Value.GetProperty("evidenceCount").GetInt64());
        Assert.Contains(cc61Evidence.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), cc61, StringComparison.Ordinal);

        // One calendar per control, each with a cell per day of the window, shaded by the control's own counts.
        Assert.Equal(controls.Select(c => c.Name).ToArray(), await opened.EvaluateAsync<string[]>("[...document.querySelectorAll('section.control table.heat')].map(t => t.dataset.control)"));
        foreach (var control in controls)
        {
            var daily = control.Value.GetProperty("coverage").GetProperty("daily").EnumerateObject().ToList();
            var cells = await opened.EvaluateAsync<string[][]>(
                $"[...document.querySelectorAll('table.heat[data-control=\"{control.Name}\"] td.d')].map(td => [td.dataset.date, td.className])");
            Assert.Equal(daily.Select(d => d.Name).Order(StringComparer.Ordinal), cells.Select(c => c[0]).Order(StringComparer.Ordinal));
            Assert.All(cells, cell => Assert.Equal(daily.Single(d => d.Name == cell[0]).Value.GetInt64() == 0, cell[1].Contains("l0", StringComparison.Ordinal)));
        }

        Assert.Equal(
            ["accessReview", "securityMetrics", "encryptionInventory", "vendorRegister", "incidentResponse", "complianceConfig", "dataResidency", "retentionPolicy", "auditLogSummary"],
            (await opened.EvaluateAsync<string[]>("[...document.querySelectorAll('section.report-section')].map(s => s.id)")).Select(id => id["section-".Length..]).ToArray());
        Assert.Contains("events.jsonl", await opened.EvaluateAsync<string>("document.getElementById('inputs').innerText"), StringComparison.Ordinal);

        byte[] screenshot = await opened.Page.ScreenshotDataAsync(new ScreenshotOptions { Type = ScreenshotType.Png });
        await File.WriteAllBytesAsync(TestArtifacts.PathOf("first-page.png"), screenshot);
        Assert.True(screenshot.Length > 10_000 && screenshot.AsSpan(1, 3).SequenceEqual("PNG"u8), "the screenshot is a PNG of the rendered page");
        Assert.Empty(opened.Problems);
    }

    [BrowserFact]
    public async Task The_page_fetches_nothing_and_holds_no_script_but_its_own()
    {
        var demo = await DemoReport.GetAsync();
        string file = await demo.WriteWorkpaperAsync("demo-workpaper-offline.html");

        await using var opened = await chromium.OpenAsync(file);
        var requests = await opened.EvaluateAsync<string[]>("performance.getEntriesByType('resource').map(e => e.name)");
        Assert.Empty(requests);
        Assert.Equal(3, await opened.EvaluateAsync<int>("document.scripts.length"));
        Assert.Equal(0, await opened.EvaluateAsync<int>("document.querySelectorAll('img, link, iframe, object, embed, [style]').length"));

        Assert.Empty(opened.Problems);
    }
}
