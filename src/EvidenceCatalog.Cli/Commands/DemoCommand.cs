using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using EvidenceCatalog.Model;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Packages;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Server.Security;
using EvidenceCatalog.Synthetic;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence demo</c>: the whole path on the sample organisation, with no arguments — 120 days of synthetic events in
/// which one continuous control is silent for a day, a SQLite store, an access snapshot, a demo key pair, the signed JSON
/// report (whose Type II verdict that silent day fails) and CSV export, their verification, and the auditor's package of
/// the same window with its bundle verified.
/// </summary>
internal sealed class DemoCommand : Command
{
    private readonly CommandContext context;

    private readonly Option<string> directory = new("--dir")
    {
        Description = "Folder the demo writes into (created; its previous demo files are replaced).",
        HelpName = "dir",
        DefaultValueFactory = _ => "evidence-demo",
    };

    private readonly Option<int> days = new("--days")
    {
        Description = "Days of events, ending yesterday (UTC).",
        DefaultValueFactory = _ => 120,
    };

    private readonly Option<int> perDay = new("--per-day")
    {
        Description = "Events per day.",
        DefaultValueFactory = _ => 1000,
    };

    private readonly Option<string?> silentDay = new("--silent-day")
    {
        Description = "A control whose evidence stops for one day, so the operating test shows an exception and Type II fails: CONTROL, or CONTROL@YYYY-MM-DD (default: the first continuous control with evidence rules, on the middle day); none for a run that passes.",
        HelpName = "control[@date]|none",
    };

    private readonly CatalogOption catalogs = new(sampleWhenNoFolder: true);

    public DemoCommand(CommandContext context)
        : base("demo", "Run the whole path on the sample organisation: events, store, signed report and CSV, verification, the auditor's package.")
    {
        this.context = context;
        Options.Add(directory);
        Options.Add(days);
        Options.Add(perDay);
        Options.Add(silentDay);
        catalogs.AddTo(this);
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult) => catalogs.Run(
        context,
        parseResult,
        catalog => Run(catalog, CommandOptions.FullPath(context, parseResult.GetValue(directory)!), parseResult.GetValue(days), parseResult.GetValue(perDay), parseResult.GetValue(silentDay)));

    private int Run(LoadedCatalog loaded, string folder, int dayCount, int eventsPerDay, string? silent)
    {
        if (dayCount < 1 || eventsPerDay < 1)
        {
            throw new CommandInputException("--days and --per-day must be at least 1");
        }

        var catalog = loaded.Catalog;
        Directory.CreateDirectory(folder);
        string account = catalog.Model.Policies?.Organization.Id ?? "northwind-cloud";
        var now = context.Clock.GetUtcNow();
        var today = new DateTime(now.Year, now.Month, now.Day, 0, 0, 0, DateTimeKind.Utc);
        var from = Date(today.AddDays(-dayCount));
        var to = Date(today.AddDays(-1));
        string Named(string name) => Path.Combine(folder, name);
        string Shown(string path) => Path.GetRelativePath(context.WorkingDirectory, path);

        // 1. Events, deterministic for the day the demo runs; one control silent for a day unless told otherwise.
        string eventsPath = Named("events.jsonl");
        var generation = new SyntheticEventOptions { Account = account, Start = from, Days = dayCount, PerDay = eventsPerDay, Seed = 1 };
        generation = generation with { SilentDays = SilentDays(catalog.Model, generation, silent) };
        if (SyntheticEventGenerator.FindProblem(catalog.Model, generation) is { } problem)
        {
            throw new CommandInputException(problem);
        }

        using (var file = new FileStream(eventsPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            new SyntheticEventGenerator(catalog.Model, generation).Write(file);
        }

        context.Output.WriteLine($"1. generated {generation.EventCount:N0} events ({dayCount} days × {eventsPerDay}/day, {from}..{to}) into {Shown(eventsPath)}");
        foreach (var day in generation.SilentDays)
        {
            context.Output.WriteLine($"   {day.Control} ({KebabCase.FromEnum(catalog.Model.Controls.First(c => c.Id == day.Control).Cadence)}) has no evidence on {day.Date}, planted to show an exception failing Type II (--silent-day none for a run that passes)");
        }

        // 2. A fresh store, so the demo shows exactly these events.
        string storePath = Named("evidence.db");
        foreach (string stale in new[] { storePath, storePath + "-wal", storePath + "-shm" })
        {
            File.Delete(stale);
        }

        using var location = CommandOptions.StoreLocation(context, "sqlite:" + Shown(storePath));
        IngestionResult ingested;
        using (var store = location.OpenOrCreate())
        {
            ingested = new IngestionJob(catalog) { Clock = context.Clock }
                .RunAsync(new JsonLinesSource(JsonLinesInput.File(eventsPath, context.WorkingDirectory)), store).GetAwaiter().GetResult();
        }

        var stats = ingested.Total;
        context.Output.WriteLine($"2. ingested them into the SQLite store {Shown(storePath)}: read {stats.Read:N0}, accepted {stats.Accepted:N0}, duplicates {stats.Duplicates:N0}, rejected {stats.Rejected:N0}");

        // 3. An access snapshot of the same people, and a demo key pair (an organisation keeps its own).
        string accessPath = Named(Path.Combine("access", account + ".json")); // the layout of 'evidence serve --access-dir'
        Directory.CreateDirectory(Path.GetDirectoryName(accessPath)!);
        using (var file = File.Create(accessPath))
        {
            AccessSnapshotWriter.Write(SyntheticAccessSnapshot.Create(catalog.Model, account, 1, now), file);
        }

        string privateKeyPath = Named("demo-signing-key.pem");
        string publicKeyPath = Named("demo-public-key.pem");
        if (!File.Exists(privateKeyPath) || !File.Exists(publicKeyPath))
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            OwnerOnlyFile.WriteAllText(privateKeyPath, ecdsa.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(publicKeyPath, ecdsa.ExportSubjectPublicKeyInfoPem());
        }

        context.Output.WriteLine($"3. wrote an access snapshot {Shown(accessPath)} and a demo ECDSA P-256 key pair {Shown(privateKeyPath)} / {Shown(publicKeyPath)}");

        // 4. The signed report and the signed evidence population, from the store.
        using var key = EcdsaSigningKey.FromPemFile(privateKeyPath);
        var job = new ReportJob(catalog, new ReportOptions
        {
            Account = account,
            From = from,
            To = to,
            AccessSnapshot = AccessSnapshotSource.FromFile(accessPath, JsonLinesInput.NameOf(accessPath, context.WorkingDirectory)),
            Clock = context.Clock,
        })
        {
            SigningKeys = [key],
            CatalogSource = loaded.Source,
        };
        context.Output.WriteLine("4. built the signed report and CSV export from the store:");
        var files = new ReportFiles(context);
        var source = SourceFactory.Of(new StoreSource(location));
        string jsonPath = Named("evidence-report.json");
        string csvPath = Named("evidence-report.csv");
        files.WriteJson(job, source, jsonPath, [key], catalog.Model);
        files.WriteCsv(job, source, csvPath, [key]);

        // 5. What an auditor does with the public key alone.
        using var publicKey = VerificationKey.FromPublicKeyPemFile(publicKeyPath);
        var jsonCheck = ReportVerifier.Verify(File.ReadAllBytes(jsonPath), publicKey);
        var csvCheck = DetachedVerifier.VerifyFile(csvPath, publicKey);
        context.Output.WriteLine($"5. verified with the public key: {Shown(jsonPath)}: {Verdict(jsonCheck)}; {Shown(csvPath)}: {Verdict(csvCheck)}");
        context.Output.WriteLine();
        context.Output.WriteLine("Verify them yourself:");
        context.Output.WriteLine($"  evidence verify {Shown(jsonPath)} --public-key {Shown(publicKeyPath)}");
        context.Output.WriteLine($"  evidence verify {Shown(csvPath)} --public-key {Shown(publicKeyPath)}");

        // 6. The auditor's package of the same window, and its bundle checked as an auditor would.
        string packagePath = Named("evidence-package");
        context.Output.WriteLine();
        context.Output.Write("6. wrote the auditor's ");
        new PackageFiles(context).Write(new PackageJob(job), source, Shown(packagePath), [key], catalog.Model, reportSummary: false);
        PackageVerification packageCheck;
        using (var package = PackageContent.Open(packagePath))
        {
            packageCheck = PackageVerifier.Verify(package, publicKey);
        }

        context.Output.WriteLine($"   verified with the public key: {Shown(packagePath)}: "
            + (packageCheck.IsIntact ? $"intact ({packageCheck.Algorithm}, key {packageCheck.KeyId}, {packageCheck.Subjects} files)" : "NOT intact: " + string.Join("; ", packageCheck.Problems)));

        context.Output.WriteLine();
        context.Output.WriteLine($"Open the auditor's workpaper (offline; its Verify button checks the signature in the browser): {Shown(Path.Combine(packagePath, PackagePath.Workpaper))}");
        context.Output.WriteLine("Verify the package yourself (or with openssl and sha256sum alone: docs/verifying.md):");
        context.Output.WriteLine($"  evidence verify {Shown(packagePath)} --public-key {Shown(publicKeyPath)}");

        // 7. What it takes to serve the same store over HTTP: a token per role (demo only: a real server's tokens are
        // made one at a time with 'evidence token add', and their plain text is never written down).
        string tokensPath = Named("tokens.txt");
        string demoTokensPath = Named("demo-tokens.env");
        var env = new List<string> { "# Demo only: plain API tokens of tokens.txt, one per role of the access catalog, for curl." };
        File.Delete(tokensPath);
        foreach (var role in catalog.Model.Roles)
        {
            string token = ApiTokenFile.NewToken();
            ApiTokenFile.Append(tokensPath, ApiTokenFile.Line(token, $"{role.Id}@{account}.example", account, role.Id, now));
            env.Add($"{role.Id.Replace('-', '_').ToUpperInvariant()}_TOKEN={token}");
        }

        OwnerOnlyFile.WriteAllText(demoTokensPath, string.Join('\n', env) + "\n");
        context.Output.WriteLine();
        context.Output.WriteLine($"Serve the store over HTTP (tokens for every role in {Shown(demoTokensPath)}):");
        context.Output.WriteLine($"  evidence serve --store sqlite:{Shown(storePath)} --tokens {Shown(tokensPath)} --sign-key {Shown(privateKeyPath)} --access-dir {Shown(Path.GetDirectoryName(accessPath)!)}");
        context.Output.WriteLine($"  . {Shown(demoTokensPath)} && curl -H \"Authorization: Bearer $AUDITOR_TOKEN\" 'http://127.0.0.1:5080/api/soc2-evidence?accountId={account}'");
        return jsonCheck.IsIntact && csvCheck.IsIntact && packageCheck.IsIntact ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>
    /// The silent day the demo plants: none for <c>none</c>; else the control given (by default the first continuous control
    /// with evidence rules), on the date given (by default the middle day of the run).
    /// </summary>
    private static EquatableArray<SilentDay> SilentDays(CatalogModel model, SyntheticEventOptions generation, string? silent)
    {
        if (string.Equals(silent, "none", StringComparison.Ordinal))
        {
            return EquatableArray<SilentDay>.Empty;
        }

        string? control = silent;
        var date = generation.DateAt(generation.Days / 2);
        if (silent is not null && silent.IndexOf('@', StringComparison.Ordinal) is int at and >= 0)
        {
            control = silent[..at];
            if (!CalendarDate.TryParse(silent[(at + 1)..], out date))
            {
                throw new CommandInputException($"--silent-day takes CONTROL, CONTROL@YYYY-MM-DD or none, not '{silent}'");
            }
        }

        control ??= model.Controls.FirstOrDefault(c => c.Cadence == Cadence.Continuous && c.Evidence.Count > 0)?.Id;
        return control is null ? EquatableArray<SilentDay>.Empty : new[] { new SilentDay(control, date) }.ToEquatableArray();
    }

    private static string Verdict(VerificationResult result) =>
        result.IsIntact ? $"intact ({result.Algorithm}, key {result.KeyId})" : "NOT intact: " + result.Reason;

    private static CalendarDate Date(DateTime day) => new(day.Year, day.Month, day.Day);
}
