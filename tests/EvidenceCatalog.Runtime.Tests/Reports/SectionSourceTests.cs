using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>Sections built concurrently from sources, each under its own timeout, degraded alone when their source fails.</summary>
public sealed class SectionSourceTests
{
    private static readonly CalendarDate From = new(2026, 3, 1);
    private static readonly CalendarDate To = new(2026, 3, 31);
    private static readonly ReportInputs Inputs = new("events", ["events.jsonl"], null);

    [Fact]
    public async Task A_throwing_source_degrades_its_section_only()
    {
        var (builder, _) = Read(Options(From, To), string.Join("\n", EvidenceForEveryControl(From, 31)) + "\n");
        var settings = SectionSettings.Default.With(new ThrowingSource("security-metrics"));

        var report = await builder.BuildAsync(Inputs, null, settings);

        var metrics = report.Sections.SecurityMetrics;
        Assert.Equal(ReportSection.Degraded, metrics.Status);
        Assert.Equal("the section could not be built: the metrics source is down", metrics.Reason);
        Assert.Empty(metrics.Metrics);
        Assert.Equal("2026-11-23T12:00:00Z", metrics.GeneratedAt);
        Assert.All(report.Sections.All().Where(s => s.Name != "security-metrics" && s.Name != "access-review"), s => Assert.Equal(ReportSection.Ok, s.Section.Status));
        Assert.True(report.Controls.Values.Sum(c => c.EvidenceCount) > 0);
    }

    [Fact]
    public async Task A_hanging_source_is_degraded_at_its_timeout_and_cancelled()
    {
        var (builder, _) = Read(Options(From, To), string.Empty);
        var hanging = new HangingSource("vendor-register");
        var settings = SectionSettings.Default.With(hanging) with { Timeout = TimeSpan.FromMilliseconds(200) };

        var report = await builder.BuildAsync(Inputs, null, settings);

        Assert.Equal(ReportSection.Degraded, report.Sections.VendorRegister.Status);
        Assert.Equal("the section's source did not answer within 0.2 s", report.Sections.VendorRegister.Reason);
        Assert.Empty(report.Sections.VendorRegister.Vendors);
        await hanging.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ReportSection.Ok, report.Sections.EncryptionInventory.Status);
    }

    [Fact]
    public async Task A_source_returning_the_wrong_section_type_is_degraded()
    {
        var (builder, _) = Read(Options(From, To), string.Empty);
        var settings = SectionSettings.Default.With(new WrongTypeSource());

        var report = await builder.BuildAsync(Inputs, null, settings);

        Assert.Equal(ReportSection.Degraded, report.Sections.DataResidency.Status);
        Assert.Equal("the section could not be built: its source returned RetentionPolicySection instead of DataResidencySection", report.Sections.DataResidency.Reason);
    }

    [Fact]
    public async Task Event_sections_start_once_the_evidence_is_filled_and_catalog_sections_do_not_wait()
    {
        var builder = new EvidenceReportBuilder(Catalog, Options(From, To));
        var filling = new TaskCompletionSource();
        var catalogSectionBuilt = new TaskCompletionSource();
        var settings = SectionSettings.Default.With(new SignallingSource("encryption-inventory", catalogSectionBuilt));

        var report = builder.BuildAsync(Inputs, async ct => await filling.Task, settings);

        await catalogSectionBuilt.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(report.IsCompleted);
        filling.SetResult();
        Assert.Equal(ReportSection.Ok, (await report).Sections.EncryptionInventory.Status);
    }

    [Fact]
    public async Task When_the_evidence_cannot_be_filled_the_report_fails()
    {
        var builder = new EvidenceReportBuilder(Catalog, Options(From, To));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => builder.BuildAsync(Inputs, _ => throw new InvalidOperationException("store unreachable")));

        Assert.Equal("store unreachable", failure.Message);
    }

    [Fact]
    public async Task A_section_report_holds_the_meta_and_only_that_section()
    {
        var (builder, _) = Read(Options(From, To), string.Join("\n", EvidenceForEveryControl(From, 31)) + "\n");

        var section = await builder.BuildSectionAsync("audit-log-summary", Inputs, null);

        using var json = JsonDocument.Parse(ReportJson.Serialize(section));
        var root = json.RootElement;
        Assert.Equal(["meta", "sections"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["auditLogSummary"], root.GetProperty("sections").EnumerateObject().Select(p => p.Name));
        Assert.Equal("ok", root.GetProperty("sections").GetProperty("auditLogSummary").GetProperty("status").GetString());
        Assert.True(root.GetProperty("meta").TryGetProperty("ingestion", out _));
    }

    [Fact]
    public async Task A_catalog_section_report_reads_no_events_and_has_no_ingestion_summary()
    {
        var builder = new EvidenceReportBuilder(Catalog, Options(From, To));
        bool filled = false;

        var section = await builder.BuildSectionAsync("vendor-register", Inputs, _ => { filled = true; return Task.CompletedTask; });

        Assert.False(filled);
        Assert.Null(section.Meta.Ingestion);
        var json = Encoding.UTF8.GetString(ReportJson.Serialize(section));
        Assert.Contains("\"vendorRegister\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ingestion\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_section_name_is_refused_with_the_valid_names()
    {
        var builder = new EvidenceReportBuilder(Catalog, Options(From, To));

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => builder.BuildSectionAsync("controls", Inputs, null));

        Assert.StartsWith("there is no section 'controls'; sections are: access-review, security-metrics,", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("access-review", "accessReview")]
    [InlineData("audit-log-summary", "auditLogSummary")]
    [InlineData("vendor-register", "vendorRegister")]
    public void Section_names_map_to_report_members(string name, string member) => Assert.Equal(member, ReportSections.MemberName(name));

    private sealed class ThrowingSource(string name) : ISectionSource
    {
        public string Name => name;

        public bool ReadsEvents => false;

        public Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the metrics source is down");
    }

    private sealed class HangingSource(string name) : ISectionSource
    {
        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => name;

        public bool ReadsEvents => false;

        public async Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken)
        {
            cancellationToken.Register(() => Cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
            throw new InvalidOperationException("unreachable");
        }
    }

    private sealed class WrongTypeSource : ISectionSource
    {
        public string Name => "data-residency";

        public bool ReadsEvents => false;

        public Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken) =>
            Task.FromResult<ReportSection>(new RetentionPolicySection(0, 0, 0, false));
    }

    private sealed class SignallingSource(string name, TaskCompletionSource built) : ISectionSource
    {
        public string Name => name;

        public bool ReadsEvents => false;

        public Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken)
        {
            var section = SectionSources.Of(name).BuildAsync(context, cancellationToken);
            built.TrySetResult();
            return section;
        }
    }
}
