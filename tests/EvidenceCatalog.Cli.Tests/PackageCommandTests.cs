using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Runtime.Exports;
using EvidenceCatalog.Runtime.Signing.Dsse;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// <c>evidence package</c> writes the report, the population as one CSV per control, the manifest and a signed
/// DSSE/in-toto bundle, as a folder or a zip; <c>evidence verify PACKAGE</c> names exactly what was changed, removed,
/// added or signed by another key.
/// </summary>
public sealed class PackageCommandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A population CSV of a control with no evidence in the window: the header alone.</summary>
    private static readonly string Header = string.Join(",", EvidenceCsvWriter.Columns) + "\r\n";

    private static string[] Package(string output, params string[] keys) =>
        ["package", "--events", "events.jsonl", .. ReportCommandTests.Window, "--output", output, .. keys];

    /// <summary>Events, an ES256 key pair and an HMAC secret, and another key pair that signed nothing.</summary>
    internal static CatalogWorkspace Workspace()
    {
        var workspace = ReportCommandTests.WithEvents(
            ReportCommandTests.Line("a", "2026-03-02T10:00:00Z"),
            ReportCommandTests.Line("b", "2026-03-03T10:00:00Z", outcome: "deny"),
            ReportCommandTests.Line("c", "2026-03-04T10:00:00Z", type: "auth.login", outcome: "success"),
            "not json");
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        workspace.AddText("signing-key.pem", ecdsa.ExportPkcs8PrivateKeyPem());
        workspace.AddText("public-key.pem", ecdsa.ExportSubjectPublicKeyInfoPem());
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        workspace.AddText("other-signing-key.pem", other.ExportPkcs8PrivateKeyPem());
        workspace.AddText("other-public-key.pem", other.ExportSubjectPublicKeyInfoPem());
        workspace.AddBytes("hmac.key", RandomNumberGenerator.GetBytes(32));
        return workspace;
    }

    /// <summary>The population files of the sample catalogs: one per control with evidence rules, in id order.</summary>
    internal static string[] PopulationFiles =>
        [.. GeneratedEvidenceCatalog.Instance.Model.Controls.Where(c => c.Evidence.Count > 0).Select(c => "population/" + c.Id + ".csv").Order(StringComparer.Ordinal)];

    /// <summary>Every file of a package of the sample catalogs, in ordinal order, as a folder lists them.</summary>
    internal static string[] PackageFiles =>
        ["bundle.dsse.json", "evidence-report.json", "evidence-samples.csv", "evidence-workpaper.html", "manifest.json", "oscal/assessment-results.json", "oscal/catalog-soc2.json", "oscal/component-definition.json", .. PopulationFiles];

    /// <summary>The files the signed statement lists, in the order written (the manifest last).</summary>
    private static string[] Subjects =>
        ["evidence-report.json", .. PopulationFiles, "evidence-samples.csv", "evidence-workpaper.html", "oscal/catalog-soc2.json", "oscal/component-definition.json", "oscal/assessment-results.json", "manifest.json"];

    private static string[] Listed(CatalogWorkspace workspace, string folder) =>
        [.. Directory.GetFiles(workspace.Combine(folder), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(workspace.Combine(folder), f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static CliResult Verify(CatalogWorkspace workspace, string package, string key = "--public-key", string file = "public-key.pem") =>
        Evidence.Run(workspace.Path, Clock, "verify", package, key, file);

    [Fact]
    public void A_folder_package_holds_every_file_and_verifies_with_the_public_key_and_the_hmac_secret()
    {
        using var workspace = Workspace();
        var result = Evidence.Run(workspace.Path, Clock, Package("pkg", "--sign-key", "signing-key.pem", "--hmac-key-file", "hmac.key"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("package: pkg (", result.Stdout);
        Assert.Contains("verify it: evidence verify pkg --public-key PUBLIC-KEY.pem", result.Stdout);
        Assert.Equal(PackageFiles, Listed(workspace, "pkg"));

        var es256 = Verify(workspace, "pkg");
        Assert.Equal(0, es256.ExitCode);
        Assert.StartsWith("verified: pkg (ES256, key ", es256.Stdout, StringComparison.Ordinal);
        Assert.Contains("25 files against their SHA-256, no file missing or extra, evidence-report.json signature (ES256", es256.Stdout);
        var hmac = Verify(workspace, "pkg", "--hmac-key-file", "hmac.key");
        Assert.Equal(0, hmac.ExitCode);
        Assert.StartsWith("verified: pkg (HMAC-SHA256, key hmac-", hmac.Stdout, StringComparison.Ordinal);

        // The report is the one 'evidence report' writes, so it verifies on its own too.
        Assert.Equal(0, Verify(workspace, "pkg/evidence-report.json").ExitCode);
    }

    [Fact]
    public void The_bundle_is_a_dsse_envelope_over_an_in_toto_statement_of_every_file_and_the_predicate()
    {
        using var workspace = Workspace();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, Package("pkg", "--sign-key", "signing-key.pem")).ExitCode);

        using var bundle = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("pkg/bundle.dsse.json")));
        Assert.Equal("application/vnd.in-toto+json", bundle.RootElement.GetProperty("payloadType").GetString());
        var signature = Assert.Single(bundle.RootElement.GetProperty("signatures").EnumerateArray().ToList());
        using var publicKey = EvidenceCatalog.Runtime.Signing.VerificationKey.FromPublicKeyPemFile(workspace.Combine("public-key.pem"));
        Assert.Equal(publicKey.KeyId, signature.GetProperty("keyid").GetString());

        // The signature is DER over PAE(type, payload), checked here with the BCL alone.
        byte[] payload = Convert.FromBase64String(bundle.RootElement.GetProperty("payload").GetString()!);
        byte[] pae = Encoding.UTF8.GetBytes("DSSEv1 28 application/vnd.in-toto+json " + payload.Length + " ").Concat(payload).ToArray();
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(workspace.Combine("public-key.pem")));
        Assert.True(ecdsa.VerifyData(pae, Convert.FromBase64String(signature.GetProperty("sig").GetString()!), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        using var statement = JsonDocument.Parse(payload);
        var root = statement.RootElement;
        Assert.Equal("https://in-toto.io/Statement/v1", root.GetProperty("_type").GetString());
        var subjects = root.GetProperty("subject").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("digest").GetProperty("sha256").GetString());
        Assert.Equal(Subjects, subjects.Keys);
        foreach (var (name, sha256) in subjects)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(workspace.Combine("pkg/" + name)))), sha256);
        }

        var predicate = root.GetProperty("predicate");
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("pkg/evidence-report.json")));
        var meta = report.RootElement.GetProperty("meta");
        Assert.Equal("northwind-cloud", predicate.GetProperty("organization").GetProperty("id").GetString());
        Assert.Equal("2026-03-01", predicate.GetProperty("window").GetProperty("from").GetString());
        Assert.Equal(31, predicate.GetProperty("window").GetProperty("days").GetInt32());
        Assert.Equal(meta.GetProperty("catalogFingerprint").GetString(), predicate.GetProperty("catalogFingerprint").GetString());
        Assert.Equal(meta.GetProperty("reportVersion").GetString(), predicate.GetProperty("reportVersion").GetString());
        Assert.False(predicate.GetProperty("typeII").GetProperty("pass").GetBoolean());
        Assert.NotEmpty(predicate.GetProperty("typeII").GetProperty("warnings").EnumerateArray());
        Assert.Equal(3, predicate.GetProperty("evidence").GetProperty("eventsInWindow").GetInt64());
        long evidence = report.RootElement.GetProperty("controls").EnumerateObject().Sum(c => c.Value.GetProperty("evidenceCount").GetInt64());
        Assert.Equal(evidence, predicate.GetProperty("evidence").GetProperty("populationRows").GetInt64());
        Assert.Equal(evidence, PopulationFiles.Sum(f => File.ReadAllLines(workspace.Combine("pkg/" + f)).Length - 1));

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("pkg/manifest.json")));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(Subjects[..^1], listed.Select(f => f.GetProperty("name").GetString()));
        Assert.All(listed, f => Assert.Equal(new FileInfo(workspace.Combine("pkg/" + f.GetProperty("name").GetString())).Length, f.GetProperty("bytes").GetInt64()));
    }

    [Fact]
    public void A_zip_package_holds_the_same_files_and_verifies()
    {
        using var workspace = Workspace();
        var result = Evidence.Run(workspace.Path, Clock, Package("out/audit.zip", "--sign-key", "signing-key.pem"));

        Assert.Equal(0, result.ExitCode);
        using (var zip = ZipFile.OpenRead(workspace.Combine("out/audit.zip")))
        {
            Assert.Equal(PackageFiles, zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        }

        Assert.Equal(0, Verify(workspace, "out/audit.zip").ExitCode);
        Assert.True(File.Exists(workspace.Combine("out/audit.zip.quarantine.jsonl")), "the rejected line is quarantined beside the package, not in it");
    }

    [Fact]
    public void Each_population_file_is_byte_for_byte_what_report_format_csv_control_writes_and_holds_its_controls_evidence_count()
    {
        using var workspace = Workspace();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, "generate-events", "--days", "14", "--per-day", "300", "--start", "2026-03-01", "--out", "generated.jsonl").ExitCode);
        string[] window = ["--events", "generated.jsonl", "--org", "northwind-cloud", "--from", "2026-03-01", "--to", "2026-03-14"];
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, ["package", .. window, "--output", "pkg", "--sign-key", "signing-key.pem"]).ExitCode);

        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("pkg/evidence-report.json")));
        var controls = report.RootElement.GetProperty("controls");
        long written = 0;
        int withRows = 0;
        foreach (string file in PopulationFiles)
        {
            string id = Path.GetFileNameWithoutExtension(file);
            var alone = Evidence.Run(workspace.Path, Clock, ["report", .. window, "--format", "csv", "--control", id, "--out", "alone/" + id + ".csv"]);
            Assert.Equal(0, alone.ExitCode);

            byte[] packaged = File.ReadAllBytes(workspace.Combine("pkg/" + file));
            Assert.True(File.ReadAllBytes(workspace.Combine("alone/" + id + ".csv")).AsSpan().SequenceEqual(packaged), file + " differs from 'evidence report --format csv --control " + id + "'");
            long rows = Encoding.UTF8.GetString(packaged).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
            Assert.Equal(controls.GetProperty(id).GetProperty("evidenceCount").GetInt64(), rows);
            written += rows;
            withRows += rows > 0 ? 1 : 0;
        }

        Assert.True(withRows >= 2, "the generated events are evidence for several controls");
        Assert.Equal(controls.EnumerateObject().Sum(c => c.Value.GetProperty("evidenceCount").GetInt64()), written);
    }

    [Fact]
    public void Every_control_with_evidence_rules_has_a_population_file_and_a_manual_control_none()
    {
        using var workspace = Workspace();
        var result = Evidence.Run(workspace.Path, Clock, Package("pkg", "--sign-key", "signing-key.pem"));

        Assert.Equal(0, result.ExitCode);
        var controls = GeneratedEvidenceCatalog.Instance.Model.Controls;
        Assert.Equal(controls.Where(c => c.Evidence.Count > 0).Select(c => c.Id + ".csv").Order(StringComparer.Ordinal), Listed(workspace, "pkg/population"));
        Assert.Equal(18, PopulationFiles.Length);
        Assert.Equal(["BRD-01", "ETH-01", "RA-01", "TRN-01"], controls.Where(c => c.Evidence.Count == 0).Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Contains("in population/*.csv: one file for each of the 18 controls with evidence rules\n", result.Stdout);
    }

    [Fact]
    public void A_control_without_evidence_in_the_window_still_has_its_file_with_the_header_alone()
    {
        using var workspace = Workspace();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, Package("pkg", "--sign-key", "signing-key.pem")).ExitCode);

        // The three events are evidence for a few access controls; backups saw nothing in the window, which is evidence too.
        Assert.Equal(Header, File.ReadAllText(workspace.Combine("pkg/population/BCK-01.csv")));
        Assert.StartsWith(Header + "IAM-01,a,2026-03-02T10:00:00Z,policy.decision,allow,", File.ReadAllText(workspace.Combine("pkg/population/IAM-01.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void One_file_changed_is_named_with_both_digests()
    {
        using var workspace = Workspace();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, Package("pkg", "--sign-key", "signing-key.pem")).ExitCode);
        File.AppendAllText(workspace.Combine("pkg/population/IAM-01.csv"), "x\n");

        var result = Verify(workspace, "pkg");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches("^evidence: pkg: population/IAM-01.csv was changed: its SHA-256 is [0-9a-f]{64}, the signed statement records [0-9a-f]{64}\n$", result.Stderr);
    }

    [Fact]
    public void A_changed_report_is_named_by_its_digest_and_by_its_own_signature_when_the_digest_is_not_checked_first()
    {
        using var workspace = Workspace();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, Package("pkg", "--sign-key", "signing-key.pem")).ExitCode);
        string path = workspace.Combine("pkg/evidence-report.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"northwind-cloud\"", "\"northwind-kloud\"", StringComparison.Ordinal));

        var result = Verify(workspace, "pkg");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("evidence: pkg: evidence-report.json was changed: its SHA-256 is ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void One_file_missing_and_one_extra_are_each_named()
    {
        using var workspace = Workspace();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, Package("pkg", "--sign-key", "signing-key.pem")).ExitCode);
        File.Delete(workspace.Combine("pkg/population/BCK-01.csv"));
        workspace.AddText("pkg/notes/extra.txt", "added after signing\n");

        var result = Verify(workspace, "pkg");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "evidence: pkg: population/BCK-01.csv is missing (the signed statement lists it)\n"
            + "evidence: pkg: notes/extra.txt is not part of the package: the signed statement does not list it\n",
            result.Stderr);
    }

    [Fact]
    public void A_file_added_to_a_zip_package_is_named()
    {
        using var workspace = Workspace();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, Package("audit.zip", "--sign-key", "signing-key.pem")).ExitCode);
        using (var zip = ZipFile.Open(workspace.Combine("audit.zip"), ZipArchiveMode.Update))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        var result = Verify(workspace, "audit.zip");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("evidence: audit.zip: readme.txt is not part of the package: the signed statement does not list it\n", result.Stderr);
    }

    [Fact]
    public void A_changed_payload_fails_the_envelope_signature_and_nothing_after_it_is_believed()
    {
        using var workspace = Workspace();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, Package("pkg", "--sign-key", "signing-key.pem")).ExitCode);

        // Rewrite the statement to match a changed CSV, keep the old signature: the digests agree, the signature does not.
        File.AppendAllText(workspace.Combine("pkg/population/IAM-01.csv"), "forged\n");
        string bundlePath = workspace.Combine("pkg/bundle.dsse.json");
        using var bundle = JsonDocument.Parse(File.ReadAllBytes(bundlePath));
        string payload = Encoding.UTF8.GetString(Convert.FromBase64String(bundle.RootElement.GetProperty("payload").GetString()!));
        string oldDigest = payload.Split("\"name\":\"population/IAM-01.csv\",\"digest\":{\"sha256\":\"")[1][..64];
        string newDigest = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(workspace.Combine("pkg/population/IAM-01.csv"))));
        string forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.Replace(oldDigest, newDigest, StringComparison.Ordinal)));
        File.WriteAllText(bundlePath, File.ReadAllText(bundlePath).Replace(bundle.RootElement.GetProperty("payload").GetString()!, forged, StringComparison.Ordinal));

        var result = Verify(workspace, "pkg");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("evidence: pkg: bundle.dsse.json: " + DsseVerifier.MismatchReason + "\n", result.Stderr);
    }

    [Fact]
    public void A_signature_from_another_key_is_refused_by_key_id_and_a_forged_key_id_by_the_signature()
    {
        using var workspace = Workspace();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, Package("pkg", "--sign-key", "signing-key.pem")).ExitCode);
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, Package("other", "--sign-key", "other-signing-key.pem")).ExitCode);
        using var mine = EvidenceCatalog.Runtime.Signing.VerificationKey.FromPublicKeyPemFile(workspace.Combine("public-key.pem"));
        using var theirs = EvidenceCatalog.Runtime.Signing.VerificationKey.FromPublicKeyPemFile(workspace.Combine("other-public-key.pem"));

        var otherKey = Verify(workspace, "other");
        Assert.Equal(1, otherKey.ExitCode);
        Assert.Equal($"evidence: other: bundle.dsse.json: the envelope is signed with ES256 key {theirs.KeyId}, but the key given is {mine.KeyId}\n", otherKey.Stderr);

        // The other key's signature under this key's id: the id only chooses, the signature decides.
        string bundlePath = workspace.Combine("other/bundle.dsse.json");
        File.WriteAllText(bundlePath, File.ReadAllText(bundlePath).Replace(theirs.KeyId, mine.KeyId, StringComparison.Ordinal));
        var forged = Verify(workspace, "other");
        Assert.Equal(1, forged.ExitCode);
        Assert.Equal("evidence: other: bundle.dsse.json: " + DsseVerifier.MismatchReason + "\n", forged.Stderr);
    }

    [Fact]
    public void An_hmac_only_package_verified_with_a_public_key_is_refused_saying_why()
    {
        using var workspace = Workspace();
        var built = Evidence.Run(workspace.Path, Clock, Package("pkg", "--hmac-key-file", "hmac.key"));
        Assert.Equal(0, built.ExitCode);
        Assert.Contains("verify it: evidence verify pkg --hmac-key-file HMAC-KEY", built.Stdout);

        var result = Verify(workspace, "pkg");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(
            "^evidence: pkg: bundle.dsse.json: the envelope is signed only with HMAC-SHA256 key hmac-[0-9a-f]{16}: a public key cannot check an HMAC, which needs the organisation's shared secret\n$",
            result.Stderr);
        Assert.Equal(0, Verify(workspace, "pkg", "--hmac-key-file", "hmac.key").ExitCode);
    }

    [Fact]
    public void A_window_with_no_events_still_builds_a_package_that_says_so()
    {
        using var workspace = Workspace();
        var result = Evidence.Run(workspace.Path, Clock, ["package", "--events", "events.jsonl", "--org", "northwind-cloud", "--from", "2026-05-01", "--to", "2026-05-31", "--output", "pkg", "--sign-key", "signing-key.pem"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("note: the window 2026-05-01..2026-05-31 (UTC) holds no events of northwind-cloud: the package is built with an empty population", result.Stdout);
        Assert.Equal(0, Verify(workspace, "pkg").ExitCode);
        Assert.All(PopulationFiles, f => Assert.Equal(Header, File.ReadAllText(workspace.Combine("pkg/" + f))));
        using var bundle = JsonDocument.Parse(File.ReadAllBytes(workspace.Combine("pkg/bundle.dsse.json")));
        using var statement = JsonDocument.Parse(Convert.FromBase64String(bundle.RootElement.GetProperty("payload").GetString()!));
        Assert.Equal(0, statement.RootElement.GetProperty("predicate").GetProperty("evidence").GetProperty("eventsInWindow").GetInt64());
    }

    [Fact]
    public void A_package_needs_a_key_files_not_standard_input_and_an_output_it_may_replace()
    {
        using var workspace = Workspace();
        workspace.AddText("notes/keep.txt", "mine\n");

        var unsigned = Evidence.Run(workspace.Path, Clock, Package("pkg"));
        var stdin = Evidence.Run(workspace.Path, Clock, ["package", "--events", "-", .. ReportCommandTests.Window, "--sign-key", "signing-key.pem"]);
        var folder = Evidence.Run(workspace.Path, Clock, Package("notes", "--sign-key", "signing-key.pem"));

        Assert.Equal((2, "evidence: a package is signed: give --sign-key PEM (ECDSA P-256, checked with the public key alone) and/or --hmac-key-file FILE or --hmac-key-env VARIABLE\n"), (unsigned.ExitCode, unsigned.Stderr));
        Assert.Equal(2, stdin.ExitCode);
        Assert.Contains("give files or --store, not standard input (-)", stdin.Stderr);
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("--output 'notes' is a folder that holds files but no bundle.dsse.json", folder.Stderr);
        Assert.Equal("mine\n", File.ReadAllText(workspace.Combine("notes/keep.txt")));
        Assert.False(Directory.Exists(workspace.Combine("pkg")));
    }

    [Fact]
    public void An_earlier_package_is_replaced_whole()
    {
        using var workspace = Workspace();
        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, Package("pkg", "--sign-key", "signing-key.pem")).ExitCode);
        workspace.AddText("pkg/stale.txt", "left from before\n");

        Assert.Equal(0, Evidence.Run(workspace.Path, Clock, Package("pkg", "--hmac-key-file", "hmac.key")).ExitCode);

        Assert.False(File.Exists(workspace.Combine("pkg/stale.txt")));
        Assert.Equal(0, Verify(workspace, "pkg", "--hmac-key-file", "hmac.key").ExitCode);
    }

    [Fact]
    public void Something_that_is_no_package_is_an_input_error()
    {
        using var workspace = Workspace();
        workspace.AddText("notes.zip", "not a zip");
        Directory.CreateDirectory(workspace.Combine("empty"));

        var notZip = Verify(workspace, "notes.zip");
        var empty = Verify(workspace, "empty");

        Assert.Equal(2, notZip.ExitCode);
        Assert.StartsWith("evidence: '", notZip.Stderr, StringComparison.Ordinal);
        Assert.Contains("notes.zip' is neither a folder nor a zip archive", notZip.Stderr);
        Assert.Equal((1, "evidence: empty: bundle.dsse.json is missing: nothing in the package is signed without it\n"), (empty.ExitCode, empty.Stderr));
    }
}
