using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit.Sdk;

namespace EvidenceCatalog.Generator.Tests.Infrastructure;

/// <summary>
/// Approval files: the expected text lives in <c>Approved/NAME</c> in this test project's source folder (found from
/// the repository root, not from [CallerFilePath], which deterministic CI builds map to /_/). On a mismatch the actual text is
/// written to <c>Approved/NAME.received</c> and the test fails with a line diff. Set EVIDENCE_ACCEPT=1 to accept the
/// received text as the new approved one; acceptance is refused when CI=true, so CI can never approve its own output.
/// </summary>
internal static class ApprovedFiles
{
    private const string AcceptVariable = "EVIDENCE_ACCEPT";

    public static void Verify(string name, string actual)
    {
        string directory = Path.Combine(RepositoryFiles.Root, "tests", "EvidenceCatalog.Generator.Tests", "Approved");
        string approvedPath = Path.Combine(directory, name);
        string receivedPath = approvedPath + ".received";
        actual = Normalize(actual);

        string? approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;
        if (approved == actual)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        bool accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (accept && !ci)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approvedPath)!);
            File.WriteAllText(approvedPath, actual);
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        File.WriteAllText(receivedPath, actual);
        string hint = accept && ci
            ? "EVIDENCE_ACCEPT is ignored when CI=true: approve on a developer machine and commit the file."
            : "If the change is intended, rerun with " + AcceptVariable + "=1 to approve it, and commit the approved file.";
        throw new XunitException(
            (approved is null ? "No approved file " + approvedPath : "Approved file differs: " + approvedPath) + Environment.NewLine +
            "Received: " + receivedPath + Environment.NewLine + hint + Environment.NewLine +
            LineDiff(approved ?? string.Empty, actual));
    }

    /// <summary>A short unified-style diff: the first differing lines with a little context.</summary>
    public static string LineDiff(string expected, string actual, int maxLines = 40)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        int first = 0;
        while (first < a.Length && first < b.Length && a[first] == b[first])
        {
            first++;
        }

        int tailA = a.Length - 1, tailB = b.Length - 1;
        while (tailA >= first && tailB >= first && a[tailA] == b[tailB])
        {
            tailA--;
            tailB--;
        }

        var diff = new StringBuilder();
        diff.Append("@@ line ").Append(first + 1).AppendLine(" @@");
        for (int i = Math.Max(0, first - 2); i < first; i++)
        {
            diff.Append("  ").AppendLine(a[i]);
        }

        foreach (string line in a.Skip(first).Take(Math.Max(0, tailA - first + 1)).Take(maxLines / 2))
        {
            diff.Append("- ").AppendLine(line);
        }

        foreach (string line in b.Skip(first).Take(Math.Max(0, tailB - first + 1)).Take(maxLines / 2))
        {
            diff.Append("+ ").AppendLine(line);
        }

        return diff.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
