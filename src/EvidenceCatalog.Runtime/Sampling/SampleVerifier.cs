using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Runtime.Sampling;

/// <summary>
/// Recomputes a report's samples from the population and says, control by control, whether they are the report's: the
/// report's account, window and time zone are read from its <c>meta</c>, the events are read again from the source, and
/// every control's sample (size, population size and digest, seed, strata, events) is drawn by the same rule and
/// compared with the report's in canonical form (RFC 8785). The report's signature is not checked here
/// (<see cref="Signing.ReportVerifier"/> does that).
/// </summary>
public static class SampleVerifier
{
    /// <summary>Recomputes the samples of <paramref name="report"/> from <paramref name="source"/> and compares them.</summary>
    /// <param name="catalog">The catalogs the report was built from (its fingerprint must be the report's).</param>
    /// <param name="report">The report's JSON, signed or not.</param>
    /// <param name="source">The population: the events the report was built from.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <exception cref="SampleVerificationException">The report is not a report with samples, or was built from other catalogs.</exception>
    public static async Task<SampleVerification> VerifyAsync(IEvidenceCatalog catalog, ReadOnlyMemory<byte> report, IEvidenceSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(source);
        var claimed = ReadReport(report, catalog.Fingerprint);
        var job = new ReportJob(catalog, new ReportOptions
        {
            Account = claimed.Account,
            From = claimed.From,
            To = claimed.To,
            TimeZone = claimed.TimeZone,

            // The report's own time, so that events are judged "in the future" exactly as they were.
            Clock = new FixedClock(claimed.GeneratedAt),
        });
        var result = await job.RunAsync(source, cancellationToken).ConfigureAwait(false);
        var drawn = result.Report.Samples;
        if (!string.Equals(drawn.Method, claimed.Method, StringComparison.Ordinal))
        {
            throw new SampleVerificationException($"the report's samples were drawn by '{claimed.Method}'; this tool draws '{drawn.Method}'");
        }

        var checks = new List<ControlSampleCheck>();
        foreach (string id in claimed.Controls.Keys.Union(drawn.Controls.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            checks.Add(Compare(id, claimed.Controls.GetValueOrDefault(id), drawn.Controls.GetValueOrDefault(id)));
        }

        return new SampleVerification(claimed.Account, drawn.Method, checks, result.Report.Meta.Ingestion!);
    }

    private static ControlSampleCheck Compare(string id, JsonElement? claimed, ControlSample? drawn)
    {
        if (claimed is null)
        {
            return new ControlSampleCheck(id, false, "the report has no sample of this control; the catalogs have the control");
        }

        if (drawn is null)
        {
            return new ControlSampleCheck(id, false, "the report has a sample of this control; the catalogs have no such control");
        }

        var recomputed = JsonSerializer.SerializeToElement(drawn, ReportJson.Options);
        if (JsonCanonicalizer.Canonicalize(claimed.Value).AsSpan().SequenceEqual(JsonCanonicalizer.Canonicalize(recomputed)))
        {
            return new ControlSampleCheck(id, true, null);
        }

        return new ControlSampleCheck(id, false, Difference(claimed.Value, drawn));
    }

    /// <summary>The first difference an auditor would look for: the population, then the seed, then the events.</summary>
    private static string Difference(JsonElement claimed, ControlSample drawn)
    {
        long? size = Member(claimed, "populationSize") is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out long v) ? v : null;
        if (size != drawn.PopulationSize)
        {
            return $"the population has {drawn.PopulationSize.ToString(CultureInfo.InvariantCulture)} events; the report says {(size is null ? "nothing" : size.Value.ToString(CultureInfo.InvariantCulture))}";
        }

        if (Text(claimed, "populationDigest") != drawn.PopulationDigest)
        {
            return $"the population's digest is {drawn.PopulationDigest}; the report says {Text(claimed, "populationDigest") ?? "nothing"} (same size, other events)";
        }

        if (Text(claimed, "seed") != drawn.Seed)
        {
            return $"the seed is {drawn.Seed}; the report says {Text(claimed, "seed") ?? "nothing"}";
        }

        var reported = Member(claimed, "events") is { ValueKind: JsonValueKind.Array } events
            ? events.EnumerateArray().Select(e => Text(e, "id")).OfType<string>().ToList()
            : [];
        var recomputed = drawn.Events.Select(e => e.Id).ToList();
        var missing = reported.Except(recomputed, StringComparer.Ordinal).ToList();
        var extra = recomputed.Except(reported, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            return $"the sample differs: drawn now but not in the report: {List(extra)}; in the report but not drawn now: {List(missing)}";
        }

        return "the sample's members differ from the report's (same population, seed and events)";
    }

    private static string List(List<string> ids) =>
        ids.Count == 0 ? "none" : string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? $" and {(ids.Count - 5).ToString(CultureInfo.InvariantCulture)} more" : string.Empty);

    private static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static ClaimedSamples ReadReport(ReadOnlyMemory<byte> report, string fingerprint)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(report);
        }
        catch (JsonException exception)
        {
            throw new SampleVerificationException($"the report is not JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var meta = Member(root, "meta");
            var window = meta is { } m ? Member(m, "window") : null;
            string? account = meta is { } a ? Text(a, "orgId") : null;
            string? from = window is { } f ? Text(f, "from") : null;
            string? to = window is { } t ? Text(t, "to") : null;
            string? zone = window is { } z ? Text(z, "tz") : null;
            string? generatedAt = meta is { } g ? Text(g, "generatedAt") : null;
            if (account is null || from is null || to is null || zone is null || generatedAt is null)
            {
                throw new SampleVerificationException("this is not an evidence report: it has no meta.orgId, meta.generatedAt and meta.window (from, to, tz)");
            }

            if (Member(root, "samples") is not { ValueKind: JsonValueKind.Object } samples
                || Text(samples, "method") is not { } method
                || Member(samples, "controls") is not { ValueKind: JsonValueKind.Object } controls)
            {
                throw new SampleVerificationException(
                    $"the report has no samples (reportVersion {(meta is { } v ? Text(v, "reportVersion") : null) ?? "unknown"}): samples came with report format 1.1.0");
            }

            string? reportFingerprint = Text(meta!.Value, "catalogFingerprint");
            if (!string.Equals(reportFingerprint, fingerprint, StringComparison.Ordinal))
            {
                throw new SampleVerificationException(
                    $"the report was built from the catalogs with fingerprint {reportFingerprint ?? "(none)"}, these have {fingerprint}: give the catalogs the report was built from");
            }

            if (!CalendarDate.TryParse(from, out var fromDate) || !CalendarDate.TryParse(to, out var toDate)
                || !DateTimeOffset.TryParseExact(generatedAt, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                throw new SampleVerificationException($"the report's window ({from}..{to}) or generatedAt ({generatedAt}) is not written as a report writes it");
            }

            TimeZoneInfo timeZone;
            try
            {
                timeZone = ReportTimeZone.Find(zone);
            }
            catch (ReportOptionsException exception)
            {
                throw new SampleVerificationException("the report's time zone: " + exception.Message);
            }

            var claimed = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
            foreach (var control in controls.EnumerateObject())
            {
                claimed[control.Name] = control.Value.Clone();
            }

            return new ClaimedSamples(account, fromDate, toDate, timeZone, at.ToUniversalTime(), method, claimed);
        }
    }

    private sealed record ClaimedSamples(
        string Account,
        CalendarDate From,
        CalendarDate To,
        TimeZoneInfo TimeZone,
        DateTimeOffset GeneratedAt,
        string Method,
        Dictionary<string, JsonElement?> Controls);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>A report's samples recomputed from a population: one check per control, by id.</summary>
/// <param name="Account">The report's account.</param>
/// <param name="Method">The selection rule.</param>
/// <param name="Controls">One check per control of the report or the catalogs, by id (ordinal).</param>
/// <param name="Ingestion">What was read from the population's source, counted as a report counts it.</param>
public sealed record SampleVerification(string Account, string Method, IReadOnlyList<ControlSampleCheck> Controls, IngestionSummary Ingestion)
{
    /// <summary>True when every control's sample is the report's.</summary>
    public bool Matches => Controls.All(c => c.Matches);
}

/// <summary>One control's sample, recomputed: whether it is the report's, and if not the first difference found.</summary>
public sealed record ControlSampleCheck(string Control, bool Matches, string? Difference);

/// <summary>A report whose samples cannot be recomputed: not a report, no samples, other catalogs.</summary>
public sealed class SampleVerificationException(string message) : Exception(message);
