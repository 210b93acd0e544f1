using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// The by-hand check of docs/verifying.md, exactly as written there (its <c>sh</c> blocks between the
/// <c>package-by-hand</c> markers, run in order by bash), on a package just built: OpenSSL and sha256sum verify an intact
/// package and catch a changed file, an extra file and a changed statement. Needs bash, OpenSSL 3 and GNU coreutils.
/// </summary>
public sealed class PackageByHandTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static string DocumentedCommands()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "verifying.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int begin = page.IndexOf("<!-- package-by-hand: begin", StringComparison.Ordinal);
        int end = page.IndexOf("<!-- package-by-hand: end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/verifying.md has no package-by-hand markers");
        var script = new StringBuilder();
        foreach (Match block in Regex.Matches(page[begin..end], "```sh\n(.*?)```", RegexOptions.Singleline))
        {
            script.Append(block.Groups[1].Value);
        }

        Assert.True(script.Length > 0, "no sh block between the package-by-hand markers");
        return script.ToString();
    }

    private static CatalogWorkspace Built()
    {
        var workspace = PackageCommandTests.Workspace();
        var result = Evidence.Run(workspace.Path, Clock, ["package", "--events", "events.jsonl", .. ReportCommandTests.Window, "--output", "evidence-package", "--sign-key", "signing-key.pem", "--hmac-key-file", "hmac.key"]);
        Assert.Equal(0, result.ExitCode);
        return workspace;
    }

    private static (int ExitCode, string Output) Bash(string workingDirectory, string script)
    {
        var bash = ChildProcess.Run(new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script]) { WorkingDirectory = workingDirectory });
        return (bash.ExitCode, bash.Stdout + bash.Stderr);
    }

    [Fact]
    public void The_documented_commands_verify_an_intact_package_with_the_public_key_and_the_hmac_secret()
    {
        using var workspace = Built();

        var (exitCode, output) = Bash(workspace.Path, DocumentedCommands());

        Assert.True(exitCode == 0, output);
        Assert.Contains("Verified OK\n", output);
        foreach (string file in new[] { "evidence-report.json", "population/IAM-01.csv", "population/BCK-01.csv", "oscal/assessment-results.json", "manifest.json" })
        {
            Assert.Contains(file + ": OK\n", output);
        }

        Assert.Contains("no file missing or extra\n", output);
        Assert.Contains("{\"organization\":{\"id\":\"northwind-cloud\"", output);
        Assert.Matches("HMAC-SHA256 hmac-[0-9a-f]{16}: Verified OK\n", output);
    }

    [Fact]
    public void The_documented_pae_is_the_bytes_the_tool_signed()
    {
        using var workspace = Built();

        Assert.Equal(0, Bash(workspace.Path, DocumentedCommands()).ExitCode);

        byte[] statement = File.ReadAllBytes(workspace.Combine("statement.json"));
        Assert.Equal(
            EvidenceCatalog.Runtime.Signing.Dsse.DssePreAuthentication.Encode("application/vnd.in-toto+json", statement),
            File.ReadAllBytes(workspace.Combine("pae.bin")));
    }

    [Fact]
    public void The_documented_commands_catch_a_changed_file()
    {
        using var workspace = Built();
        File.AppendAllText(workspace.Combine("evidence-package/population/IAM-01.csv"), "x\n");

        var (exitCode, output) = Bash(workspace.Path, DocumentedCommands());

        Assert.NotEqual(0, exitCode);
        Assert.Contains("population/IAM-01.csv: FAILED", output);
    }

    [Fact]
    public void The_documented_commands_catch_an_extra_file()
    {
        using var workspace = Built();
        workspace.AddText("evidence-package/extra.txt", "added\n");

        var (exitCode, output) = Bash(workspace.Path, DocumentedCommands());

        Assert.NotEqual(0, exitCode);
        Assert.Contains("> extra.txt\nFAILED: files missing (<) or extra (>)", output);
    }

    [Fact]
    public void The_documented_commands_catch_a_wrong_hmac_secret()
    {
        using var workspace = Built();
        File.WriteAllBytes(workspace.Combine("hmac.key"), System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        var (exitCode, output) = Bash(workspace.Path, DocumentedCommands());

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Verified OK\n", output); // the ES256 check still passes
        Assert.Matches("HMAC-SHA256 hmac-[0-9a-f]{16}: Verification failure\n", output);
    }

    [Fact]
    public void The_documented_commands_catch_a_changed_statement()
    {
        using var workspace = Built();
        string bundle = workspace.Combine("evidence-package/bundle.dsse.json");
        string text = File.ReadAllText(bundle);
        string payload = Regex.Match(text, "\"payload\": \"([^\"]*)\"").Groups[1].Value;
        string changed = Convert.ToBase64String(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Convert.FromBase64String(payload)).Replace("\"pass\":false", "\"pass\":true ", StringComparison.Ordinal)));
        Assert.NotEqual(payload, changed);
        File.WriteAllText(bundle, text.Replace(payload, changed, StringComparison.Ordinal));

        var (exitCode, output) = Bash(workspace.Path, DocumentedCommands());

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Verification failure", output);
    }
}
