using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Workpaper;
using EvidenceCatalog.Synthetic;

namespace EvidenceCatalog.Browser.Tests.Infrastructure;

/// <summary>
/// The report of <c>evidence demo</c>, built the way the demo builds it: the sample organisation's catalogs, 120 days ×
/// 1,000 synthetic events read from a file, a synthetic access snapshot, signed with a fresh ES256 key. Built once for
/// the test run (a few seconds), in a folder of its own.
/// </summary>
internal sealed class DemoReport
{
    public const string Account = "northwind-cloud";

    private static readonly Lazy<Task<DemoReport>> Shared = new(() => Task.Run(Build));

    private DemoReport(string folder, byte[] json, EcdsaSigningKey key)
    {
        Folder = folder;
        Json = json;
        Key = key;
        Workpaper = WorkpaperRenderer.Render(json, [key]);
    }

    public static DateTimeOffset Now { get; } = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Where the events file lies, and where tests write their pages.</summary>
    public string Folder { get; }

    /// <summary>The signed report, as <c>evidence report</c> writes it.</summary>
    public byte[] Json { get; }

    /// <summary>The key that signed it.</summary>
    public EcdsaSigningKey Key { get; }

    /// <summary>Its HTML workpaper, as <c>evidence report --format html</c> writes it (rendered once).</summary>
    public byte[] Workpaper { get; }

    public static Task<DemoReport> GetAsync() => Shared.Value;

    /// <summary>A new ES256 key (the demo makes one the same way).</summary>
    public static EcdsaSigningKey NewKey()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return EcdsaSigningKey.FromPem(ecdsa.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A file in the report's folder.</summary>
    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Writes the workpaper to a file of the report's folder, for a page to open from disk; its path.</summary>
    public async Task<string> WriteWorkpaperAsync(string name)
    {
        string file = PathOf(name);
        await File.WriteAllBytesAsync(file, Workpaper).ConfigureAwait(false);
        return file;
    }

    private static async Task<DemoReport> Build()
    {
        string folder = Path.Combine(Path.GetTempPath(), "evidence-browser-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var catalog = GeneratedEvidenceCatalog.Instance;
        var from = new CalendarDate(2026, 7, 26);
        string eventsPath = Path.Combine(folder, "events.jsonl");
        using (var file = File.Create(eventsPath))
        {
            new SyntheticEventGenerator(catalog.Model, new SyntheticEventOptions { Account = Account, Start = from, Days = 120, PerDay = 1000, Seed = 1 }).Write(file);
        }

        var key = NewKey();
        var job = new ReportJob(catalog, new ReportOptions
        {
            Account = Account,
            From = from,
            To = new CalendarDate(2026, 11, 22),
            AccessSnapshot = AccessSnapshotSource.FromSnapshot(SyntheticAccessSnapshot.Create(catalog.Model, Account, 1, Now)),
            Clock = new FixedClock(Now),
        })
        {
            SigningKeys = [key],
            CatalogSource = "sample catalogs built into the tool",
        };
        var result = await job.RunAsync(new JsonLinesSource([JsonLinesInput.File(eventsPath, folder)])).ConfigureAwait(false);
        return new DemoReport(folder, result.Json, key);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
