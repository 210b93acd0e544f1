using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Sources;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>Sections built concurrently from sources, each under its own timeout, degraded alone when their source fails.</summary>
public sealed class SectionSourceTests
{
    private static readonly CalendarDate From = new(2026, 3, 1);
    private static readonly CalendarDate To = new(2026, 3, 31);
    private static string Evidence => string.Join("\n", EvidenceForEveryControl(From, 31)) + "\n";

    private static ReportJob Job(SectionSettings settings) => new(Catalog, Options(From, To)) { Sections = settings };

    [Fact]
    public async Task A_throwing_source_degrades_its_section_only()
    {
        var settings = SectionSettings.Default.With(new ThrowingSource("security-metrics"));

        var report = (await Job(settings).RunAsync(Source(Evidence))).Report;

        var metrics = report.Sections.Get(SectionDefinitions.SecurityMetrics);
        Assert.Equal(ReportSection.Degraded, metrics.Status);
        Assert.Equal("the section could not be built: the metrics source is down", metrics.Reason);
        Assert.Empty(metrics.Metrics);
        Assert.Equal("2026-11-23T12:00:00Z", metrics.GeneratedAt);
        Assert.All(report.Sections.Where(s => s.Definition != SectionDefinitions.SecurityMetrics && s.Definition != SectionDefinitions.AccessReview), s => Assert.Equal(ReportSection.Ok, s.Section.Status));
        Assert.True(report.Controls.Values.Sum(c => c.EvidenceCount) > 0);
    }

    [Fact]
    public async Task A_source_failing_on_a_file_leaves_the_file_s_name_in_the_signed_reason_never_its_folders()
    {
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evidence-" + Guid.NewGuid().ToString("N"), "snapshots");
        var settings = SectionSettings.Default.With(new FileReadingSource("access-review", System.IO.Path.Combine(folder, "acme.json")));

        var report = (await Job(settings).RunAsync(Source(Evidence))).Report;

        string reason = report.Sections.Get(SectionDefinitions.AccessReview).Reason!;
        Assert.StartsWith("the section could not be built: ", reason);
        Assert.Contains("acme.json", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(System.IO.Path.GetTempPath().TrimEnd('/'), reason, StringComparison.Ordinal);
        Assert.DoesNotContain("snapshots", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_source_is_degraded_at_its_timeout_and_cancelled()
    {
        var hanging = new HangingSource("vendor-register");
        var settings = SectionSettings.Default.With(hanging) with { Timeout = TimeSpan.FromMilliseconds(200) };

        var report = (await Job(settings).RunAsync(Source(string.Empty))).Report;

        var vendors = report.Sections.Get(SectionDefinitions.VendorRegister);
        Assert.Equal(ReportSection.Degraded, vendors.Status);
        Assert.Equal("the section's source did not answer within 0.2 s", vendors.Reason);
        Assert.Empty(vendors.Vendors);
        await hanging.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ReportSection.Ok, report.Sections.Get(SectionDefinitions.EncryptionInventory).Status);
    }

    [Fact]
    public async Task A_source_returning_the_wrong_section_type_is_degraded()
    {
        var settings = SectionSettings.Default.With(new WrongTypeSource());

        var report = (await Job(settings).RunAsync(Source(string.Empty))).Report;

        var residency = report.Sections.Get(SectionDefinitions.DataResidency);
        Assert.Equal(ReportSection.Degraded, residency.Status);
        Assert.Equal("the section could not be built: its source returned RetentionPolicySection instead of DataResidencySection", residency.Reason);
    }

    [Fact]
    public async Task Event_sections_start_once_the_evidence_is_filled_and_catalog_sections_do_not_wait()
    {
        var filling = new TaskCompletionSource();
        var catalogSectionBuilt = new TaskCompletionSource();
        var settings = SectionSettings.Default.With(new SignallingSource(SectionDefinitions.EncryptionInventory, catalogSectionBuilt));

        var report = Job(settings).RunAsync(new ScriptedSource(_ => filling.Task));

        await catalogSectionBuilt.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(report.IsCompleted);
        filling.SetResult();
        Assert.Equal(ReportSection.Ok, (await report).Report.Sections.Get(SectionDefinitions.EncryptionInventory).Status);
    }

    [Fact]
    public async Task When_the_evidence_cannot_be_filled_the_report_fails()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Job(SectionSettings.Default).RunAsync(new ScriptedSource(_ => throw new InvalidOperationException("store unreachable"))));

        Assert.Equal("store unreachable", failure.Message);
    }

    [Fact]
    public async Task A_section_report_holds_the_meta_and_only_that_section()
    {
        var section = await Job(SectionSettings.Default).RunSectionAsync(SectionDefinitions.AuditLogSummary, Source(Evidence));

        using var json = JsonDocument.Parse(section.Json);
        var root = json.RootElement;
        Assert.Equal(["meta", "sections"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["auditLogSummary"], root.GetProperty("sections").EnumerateObject().Select(p => p.Name));
        Assert.Equal("ok", root.GetProperty("sections").GetProperty("auditLogSummary").GetProperty("status").GetString());
        Assert.True(root.GetProperty("meta").TryGetProperty("ingestion", out _));
    }

    [Fact]
    public async Task A_catalog_section_report_reads_no_events_and_has_no_ingestion_summary()
    {
        bool filled = false;

        var section = await Job(SectionSettings.Default).RunSectionAsync(
            SectionDefinitions.VendorRegister, new ScriptedSource(_ => { filled = true; return Task.CompletedTask; }));

        Assert.False(filled);
        Assert.Null(section.Report.Meta.Ingestion);
        var json = Encoding.UTF8.GetString(section.Json);
        Assert.Contains("\"vendorRegister\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ingestion\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_section_name_is_refused_with_the_valid_names()
    {
        var failure = Assert.Throws<ArgumentException>(() => SectionDefinitions.Get("controls"));

        Assert.StartsWith("there is no section 'controls'; sections are: access-review, security-metrics,", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("access-review", "accessReview")]
    [InlineData("audit-log-summary", "auditLogSummary")]
    [InlineData("vendor-register", "vendorRegister")]
    public void Section_names_map_to_report_members(string name, string member) => Assert.Equal(member, SectionDefinitions.Get(name).Member);

    [Fact]
    public void Every_section_is_defined_once_in_report_order_with_its_own_record_type()
    {
        Assert.Equal(
            ["access-review", "security-metrics", "encryption-inventory", "vendor-register", "incident-response", "compliance-config", "data-residency", "retention-policy", "audit-log-summary"],
            SectionDefinitions.Names);
        Assert.Equal(SectionDefinitions.All.Count, SectionDefinitions.All.Select(d => d.SectionType).Distinct().Count());
        Assert.All(SectionDefinitions.All, d => Assert.Equal(d.Name, d.DefaultSource.Name));
    }

    [Fact]
    public void Sections_given_in_another_order_are_kept_in_report_order_and_a_wrong_type_is_refused()
    {
        var residency = new DataResidencySection([]);
        var retention = new RetentionPolicySection(0, 0, 0, false);

        var sections = new ReportSections([(SectionDefinitions.RetentionPolicy, retention), (SectionDefinitions.DataResidency, residency)]);

        Assert.Equal([SectionDefinitions.DataResidency, SectionDefinitions.RetentionPolicy], sections.Select(s => s.Definition));
        Assert.Same(retention, sections.Get(SectionDefinitions.RetentionPolicy));
        Assert.Throws<ArgumentException>(() => new ReportSections([(SectionDefinitions.DataResidency, retention)]));
    }

    /// <summary>A source whose tally is filled by a script: a store that answers when told, or fails.</summary>
    private sealed class ScriptedSource(Func<CancellationToken, Task> fill) : IEvidenceSource
    {
        public string Kind => "store";

        public Task<IReadOnlyList<InputRead>> ReadAsync(EventStreamReader reader, IEvidenceReceiver receiver, EvidenceScope? scope, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public async Task<IReadOnlyList<InputRead>> FillTallyAsync(EventStreamReader reader, EvidenceTally tally, CancellationToken cancellationToken)
        {
            await fill(cancellationToken);
            return [new InputRead(new InputProvenance("scripted"), IngestionCounts.None)];
        }
    }

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

    /// <summary>Reads a file that is not there, as a source of a service's own might: the exception names its full path.</summary>
    private sealed class FileReadingSource(string name, string path) : ISectionSource
    {
        public string Name => name;

        public bool ReadsEvents => false;

        public async Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken)
        {
            await System.IO.File.ReadAllBytesAsync(path, cancellationToken);
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

    private sealed class SignallingSource(SectionDefinition definition, TaskCompletionSource built) : ISectionSource
    {
        public string Name => definition.Name;

        public bool ReadsEvents => false;

        public Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken)
        {
            var section = definition.DefaultSource.BuildAsync(context, cancellationToken);
            built.TrySetResult();
            return section;
        }
    }
}
