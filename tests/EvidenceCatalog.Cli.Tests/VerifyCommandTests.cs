using System;
using System.Security.Cryptography;
using System.Text;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class VerifyCommandTests
{
    private const string Report = """
        {
          "meta": { "org": "org-acme-7f3a", "generatedAt": "2026-11-23T10:15:00Z" },
          "sections": { "vendorRegister": { "status": "degraded", "vendors": 4 } }
        }
        """;

    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("control,evidenceCount\r\nAC-01,1234\r\n");

    [Fact]
    public void An_intact_report_and_the_HMAC_key_file_exit_0_naming_algorithm_and_key()
    {
        using var workspace = CatalogWorkspace.Empty();
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        workspace.AddBytes("hmac.key", secret);
        workspace.AddBytes("report.json", SignWithHmac(secret));

        var result = Evidence.Run(workspace.Path, "verify", "report.json", "--hmac-key-file", "hmac.key");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("verified: report.json (HMAC-SHA256, key " + HmacSigningKey.ComputeKeyId(secret) + ")\n", result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void The_HMAC_key_can_come_from_an_environment_variable()
    {
        using var workspace = CatalogWorkspace.Empty();
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        workspace.AddBytes("report.json", SignWithHmac(secret));
        string variable = "EVIDENCE_VERIFY_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(secret));
        try
        {
            var result = Evidence.Run(workspace.Path, "verify", "report.json", "--hmac-key-env", variable);

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("verified: report.json (HMAC-SHA256, key hmac-", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void An_intact_ES256_report_verifies_with_the_public_key_alone()
    {
        using var workspace = CatalogWorkspace.Empty();
        string keyId = AddEs256SignedReport(workspace, Encoding.UTF8.GetBytes(Report));

        var result = Evidence.Run(workspace.Path, "verify", "report.json", "--public-key", "public.pem");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("verified: report.json (ES256, key " + keyId + ")\n", result.Stdout);
    }

    [Fact]
    public void A_changed_report_exits_1_with_the_reason_on_stderr()
    {
        using var workspace = CatalogWorkspace.Empty();
        AddEs256SignedReport(workspace, Encoding.UTF8.GetBytes(Report));
        string signed = System.IO.File.ReadAllText(workspace.Combine("report.json"));
        workspace.AddText("report.json", signed.Replace("\"degraded\"", "\"ok\"", StringComparison.Ordinal));

        var result = Evidence.Run(workspace.Path, "verify", "report.json", "--public-key", "public.pem");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith("evidence: report.json: signature does not match: the report was changed after signing, or signed with another key [ES256 signature, key ", result.Stderr);
        Assert.EndsWith("]\n", result.Stderr);
    }

    [Fact]
    public void An_unsigned_report_exits_1()
    {
        var result = VerifyWithNewHmacKey("report.json", Encoding.UTF8.GetBytes(Report));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("evidence: report.json: report is not signed\n", result.Stderr);
    }

    [Fact]
    public void Another_key_exits_1_naming_both_key_ids()
    {
        using var workspace = CatalogWorkspace.Empty();
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        byte[] other = RandomNumberGenerator.GetBytes(32);
        workspace.AddBytes("other.key", other);
        workspace.AddBytes("report.json", SignWithHmac(secret));

        var result = Evidence.Run(workspace.Path, "verify", "report.json", "--hmac-key-file", "other.key");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "evidence: report.json: the report is signed with HMAC-SHA256 key " + HmacSigningKey.ComputeKeyId(secret)
                + ", but the key given is " + HmacSigningKey.ComputeKeyId(other) + "\n",
            result.Stderr);
    }

    [Fact]
    public void A_CSV_verifies_against_its_sig_file_and_fails_once_truncated()
    {
        using var workspace = CatalogWorkspace.Empty();
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        workspace.AddBytes("hmac.key", secret);
        workspace.AddBytes("report.csv", Csv);
        using (var key = HmacSigningKey.FromBytes(secret))
        {
            workspace.AddBytes("report.csv.sig", DetachedSigner.Sign(Csv, "report.csv", key).ToJson());
        }

        var intact = Evidence.Run(workspace.Path, "verify", "report.csv", "--hmac-key-file", "hmac.key");
        workspace.AddBytes("report.csv", Csv.AsSpan(0, Csv.Length - 3).ToArray());
        var truncated = Evidence.Run(workspace.Path, "verify", "report.csv", "--hmac-key-file", "hmac.key");

        Assert.Equal(0, intact.ExitCode);
        Assert.StartsWith("verified: report.csv (HMAC-SHA256, key ", intact.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, truncated.ExitCode);
        Assert.Contains("changed or truncated after signing", truncated.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CSV_with_an_ES256_sig_verifies_with_the_public_key()
    {
        using var workspace = CatalogWorkspace.Empty();
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        workspace.AddText("public.pem", ecdsa.ExportSubjectPublicKeyInfoPem());
        workspace.AddBytes("export.csv", Csv);
        using (var key = EcdsaSigningKey.FromPem(ecdsa.ExportPkcs8PrivateKeyPem()))
        {
            workspace.AddBytes("export.csv.sig", DetachedSigner.Sign(Csv, "export.csv", key).ToJson());
        }

        Assert.Equal(0, Evidence.Run(workspace.Path, "verify", "export.csv", "--public-key", "public.pem").ExitCode);
    }

    [Fact]
    public void A_CSV_without_a_sig_file_exits_1()
    {
        var result = VerifyWithNewHmacKey("report.csv", Csv);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("evidence: report.csv: the file is not signed: there is no report.csv.sig next to it\n", result.Stderr);
    }

    [Fact]
    public void A_report_that_is_not_JSON_exits_2()
    {
        var result = VerifyWithNewHmacKey("report.json", "{ \"meta\": "u8.ToArray());

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("evidence: report.json: the report is unreadable: invalid JSON at line 1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_report_exits_2()
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddBytes("hmac.key", RandomNumberGenerator.GetBytes(32));

        var result = Evidence.Run(workspace.Path, "verify", "missing.json", "--hmac-key-file", "hmac.key");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: 'missing.json' does not exist\n", result.Stderr);
    }

    [Fact]
    public void Key_problems_exit_2_with_one_line_naming_the_key()
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddText("report.json", Report);
        workspace.AddBytes("short.key", new byte[31]);
        workspace.AddText("bad.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

        var missing = Evidence.Run(workspace.Path, "verify", "report.json", "--hmac-key-file", "nope.key");
        var tooShort = Evidence.Run(workspace.Path, "verify", "report.json", "--hmac-key-file", "short.key");
        var badPem = Evidence.Run(workspace.Path, "verify", "report.json", "--public-key", "bad.pem");
        var unset = Evidence.Run(workspace.Path, "verify", "report.json", "--hmac-key-env", "EVIDENCE_UNSET_" + Guid.NewGuid().ToString("N"));

        Assert.All([missing, tooShort, badPem, unset], result => Assert.Equal(2, result.ExitCode));
        Assert.Equal("evidence: HMAC key file '" + workspace.Combine("nope.key") + "' does not exist\n", missing.Stderr);
        Assert.Contains("HMAC key is 31 bytes; at least 32 are required", tooShort.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not hold an EC public key", badPem.Stderr, StringComparison.Ordinal);
        Assert.Contains("is not set", unset.Stderr, StringComparison.Ordinal);
        Assert.All([missing, tooShort, badPem, unset], result => Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData(new string[0], "verify needs exactly one key: --hmac-key-file, --hmac-key-env or --public-key.")]
    [InlineData(new[] { "--hmac-key-file", "a.key", "--public-key", "b.pem" }, "verify needs exactly one key: --hmac-key-file, --hmac-key-env or --public-key, not 2.")]
    public void Anything_but_exactly_one_key_option_is_a_usage_error(string[] keyOptions, string message)
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddText("report.json", Report);

        var result = Evidence.Run(workspace.Path, ["verify", "report.json", .. keyOptions]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: " + message + "\nTry 'evidence verify --help' for usage.\n", result.Stderr);
    }

    /// <summary>Runs <c>evidence verify</c> on a file holding <paramref name="content"/>, with an HMAC key file that signed nothing.</summary>
    private static CliResult VerifyWithNewHmacKey(string file, byte[] content)
    {
        using var workspace = CatalogWorkspace.Empty();
        workspace.AddBytes("hmac.key", RandomNumberGenerator.GetBytes(32));
        workspace.AddBytes(file, content);
        return Evidence.Run(workspace.Path, "verify", file, "--hmac-key-file", "hmac.key");
    }

    [Fact]
    public void A_report_forged_with_the_public_key_as_HMAC_secret_is_refused_not_verified()
    {
        using var workspace = CatalogWorkspace.Empty();
        AddEs256SignedReport(workspace, Encoding.UTF8.GetBytes(Report));
        byte[] publicPem = System.IO.File.ReadAllBytes(workspace.Combine("public.pem"));

        // The forger changes the report and MACs it with the public key, which every auditor holds.
        string forged = Report.Replace("\"degraded\"", "\"ok\"", StringComparison.Ordinal);
        string mac = Convert.ToBase64String(HMACSHA256.HashData(publicPem, Runtime.Canonical.JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(forged))));
        workspace.AddText("report.json", forged.TrimEnd()[..^1]
            + $",\"signatures\":[{{\"algorithm\":\"HMAC-SHA256\",\"keyId\":\"{HmacSigningKey.ComputeKeyId(publicPem)}\",\"value\":\"{mac}\"}}]}}");

        var verify = Evidence.Run(workspace.Path, "verify", "report.json", "--hmac-key-file", "public.pem");
        var sign = Evidence.Run(workspace.Path, "report", "--sample-catalogs", "--events", "report.json", "--org", "x", "--from", "2026-01-01", "--to", "2026-01-31", "--hmac-key-file", "public.pem");

        Assert.Equal((2, string.Empty), (verify.ExitCode, verify.Stdout));
        Assert.StartsWith($"evidence: HMAC key file '{workspace.Combine("public.pem")}' holds a PEM -----BEGIN PUBLIC KEY-----, not an HMAC secret", verify.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, sign.ExitCode);
        Assert.Contains("holds a PEM -----BEGIN PUBLIC KEY-----, not an HMAC secret", sign.Stderr, StringComparison.Ordinal);
    }

    private static byte[] SignWithHmac(byte[] secret)
    {
        using var key = HmacSigningKey.FromBytes(secret);
        return ReportSigner.Sign(Encoding.UTF8.GetBytes(Report), key);
    }

    /// <summary>Signs <paramref name="report"/> into report.json with a new P-256 key whose public half goes to public.pem; returns the key id.</summary>
    private static string AddEs256SignedReport(CatalogWorkspace workspace, byte[] report)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        workspace.AddText("public.pem", ecdsa.ExportSubjectPublicKeyInfoPem());
        using var key = EcdsaSigningKey.FromPem(ecdsa.ExportPkcs8PrivateKeyPem());
        workspace.AddBytes("report.json", ReportSigner.Sign(report, key));
        return key.KeyId;
    }
}
