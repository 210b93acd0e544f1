using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Signing;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Signing;

/// <summary>
/// The <c>canonicalize.py</c> of docs/verifying.md, run as an auditor runs it, gives exactly the bytes the signer
/// signed — also for map keys whose UTF-16 order (RFC 8785) differs from their code-point order (Python's).
/// </summary>
public sealed class DocumentedCanonicalizerTests
{
    // U+FF21 (full-width A) and U+E000 (private use) sort after an emoji by code point, before it by UTF-16 code unit
    // (the emoji's high surrogate is U+D83D).
    private static readonly string[] Resources = ["docs", "\uFF21-drive", "\uE000-vault", "\U0001F600-board", "docs\uFF21", "docs\U0001F600"];

    [Fact]
    public async Task The_documented_script_reproduces_the_signed_bytes_of_a_report_whose_keys_mix_both_ranges()
    {
        Assert.True(string.CompareOrdinal("\uE000", "\U0001F600") > 0, "the keys must sort differently by UTF-16 code unit than by code point");
        using var key = HmacSigningKey.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        byte[] signed = await SignedReportWithResources(key);
        byte[] expected = JsonCanonicalizer.Canonicalize(signed, CanonicalJsonOptions.SignedReport);
        string folder = Path.Combine(Path.GetTempPath(), "evidence-canonicalize-py", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "canonicalize.py"), DocumentedScript());
            File.WriteAllBytes(Path.Combine(folder, "report.json"), signed);

            byte[] canonical = RunPython(folder, "canonicalize.py", "report.json");

            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(canonical));
            Assert.Equal(expected, canonical);
            using var document = System.Text.Json.JsonDocument.Parse(signed);
            string value = document.RootElement.GetProperty("signatures")[0].GetProperty("value").GetString()!;
            Assert.Equal(value, Convert.ToBase64String(HMACSHA256.HashData(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), canonical)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<byte[]> SignedReportWithResources(SigningKey key)
    {
        string counts = string.Join(",", Resources.Select((r, i) => $"\"{r}\":{i + 1}"));
        var snapshot = AccessSnapshot.Parse(Encoding.UTF8.GetBytes(
            $"{{\"takenAt\":\"2026-03-31T00:00:00Z\",\"users\":[{{\"id\":\"alice@northwind.example\",\"role\":\"admin\",\"resourceAccess\":{{{counts}}}}}]}}"), "access.json");
        var options = Options(new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 31)) with { AccessSnapshot = AccessSnapshotSource.FromSnapshot(snapshot) };
        var job = new ReportJob(Catalog, options) { SigningKeys = [key] };
        return (await job.RunAsync(Source(Line("a", "2026-03-02T10:00:00Z")))).Json;
    }

    /// <summary>The first Python block after the canonical-form heading of docs/verifying.md, exactly as an auditor copies it.</summary>
    private static string DocumentedScript()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EvidenceCatalog.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        string doc = File.ReadAllText(Path.Combine(directory!.FullName, "docs", "verifying.md"));
        int heading = doc.IndexOf("### 1. The canonical form", StringComparison.Ordinal);
        Assert.True(heading >= 0, "docs/verifying.md has no canonical-form section");
        int start = doc.IndexOf("```python\n", heading, StringComparison.Ordinal) + "```python\n".Length;
        int end = doc.IndexOf("\n```", start, StringComparison.Ordinal);
        return doc[start..end] + "\n";
    }

    private static byte[] RunPython(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("python3 did not finish within 60 s");
        }

        copy.GetAwaiter().GetResult();
        Assert.True(process.ExitCode == 0, "python3 failed: " + error.GetAwaiter().GetResult());
        return output.ToArray();
    }
}
