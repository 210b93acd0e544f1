using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Synthetic;

namespace EvidenceCatalog.Benchmarks.Runtime;

/// <summary>
/// A report of about 100 MB for the signing benchmarks. A real one first: the sample catalogs, 1,000,000 synthetic
/// events (100 days × 10,000 from 2026-01-01, seed 1, generated in memory), <see cref="EvidenceReportBuilder"/> with the
/// largest sample size allowed (10,000 events per control), serialized by <see cref="ReportJson"/> (indented). No real
/// window holds enough to reach 100 MB, so its <c>controls</c> object is then repeated under new ids (<c>BCK-01~0002</c>,
/// ...) until the document passes the target size; every other member is kept as it is. The result has the members,
/// nesting, strings and integers of a report (no other number), indented as the CLI writes it, unsigned.
/// </summary>
internal static class LargeReport
{
    public const long TargetBytes = 100_000_000;

    public const string Account = "northwind-cloud";

    internal static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static byte[] Build(long targetBytes = TargetBytes) => Enlarge(BuildReal(), targetBytes);

    /// <summary>The real report the large one is grown from.</summary>
    public static byte[] BuildReal()
    {
        var catalog = SampleCatalog();
        var generation = new SyntheticEventOptions { Account = Account, Start = new CalendarDate(2026, 1, 1), Days = 100, PerDay = 10_000, Seed = 1 };
        using var events = new MemoryStream();
        new SyntheticEventGenerator(catalog.Model, generation).Write(events);
        events.Position = 0;

        var job = new ReportJob(catalog, new ReportOptions
        {
            Account = Account,
            From = new CalendarDate(2026, 1, 1),
            To = new CalendarDate(2026, 4, 10),
            SampleSize = ReportOptions.MaxSampleSize,
            Clock = new FixedClock(Now),
        });
        var result = job.RunAsync(new JsonLinesSource(JsonLinesInput.Stream("events", () => events))).GetAwaiter().GetResult();
        if (result.Report.Meta.Ingestion!.Accepted != generation.EventCount)
        {
            throw new InvalidOperationException($"{result.Report.Meta.Ingestion.Accepted} of {generation.EventCount} events accepted");
        }

        return result.Json;
    }

    /// <summary>The repository's catalogs/, compiled as <c>evidence report</c> compiles them.</summary>
    public static ModelEvidenceCatalog SampleCatalog()
    {
        var sources = CatalogSources.Read(RepositoryLayout.Catalogs, RepositoryLayout.Root);
        var compiled = CatalogCompiler.Compile(sources, SchemaSet.Embedded, new CompilerOptions { AsOf = new CalendarDate(2026, 11, 23) });
        if (!compiled.Succeeded)
        {
            throw new InvalidOperationException("the sample catalogs do not compile:\n" + string.Join("\n", compiled.Diagnostics.Take(20)));
        }

        return new ModelEvidenceCatalog(compiled.Model);
    }

    /// <summary>The report with its controls repeated under new ids until it holds at least <paramref name="targetBytes"/>.</summary>
    public static byte[] Enlarge(byte[] report, long targetBytes)
    {
        using var document = JsonDocument.Parse(report);
        var root = document.RootElement;
        var controls = root.GetProperty("controls");
        long controlsBytes = controls.GetRawText().Length;
        long restBytes = report.Length - controlsBytes;

        var output = new ArrayBufferWriter<byte>((int)Math.Min(int.MaxValue, targetBytes + report.Length));
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var member in root.EnumerateObject())
            {
                if (member.Name == "controls")
                {
                    writer.WritePropertyName(member.Name);
                    WriteControls(writer, controls, targetBytes - restBytes);
                }
                else
                {
                    member.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return [.. output.WrittenSpan, (byte)'\n'];
    }

    /// <summary>The real controls, then copies under new ids until the writer has passed <paramref name="untilBytes"/>.</summary>
    private static void WriteControls(Utf8JsonWriter writer, JsonElement controls, long untilBytes)
    {
        writer.WriteStartObject();
        foreach (var control in controls.EnumerateObject())
        {
            control.WriteTo(writer);
        }

        for (int copy = 2; writer.BytesCommitted + writer.BytesPending < untilBytes; copy++)
        {
            foreach (var control in controls.EnumerateObject())
            {
                if (writer.BytesCommitted + writer.BytesPending >= untilBytes)
                {
                    break;
                }

                writer.WritePropertyName(control.Name + "~" + copy.ToString("D4", CultureInfo.InvariantCulture));
                control.Value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
