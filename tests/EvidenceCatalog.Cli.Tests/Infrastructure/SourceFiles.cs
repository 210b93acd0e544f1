using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using EvidenceCatalog.Runtime.Tests.Sources;
using Xunit;

namespace EvidenceCatalog.Cli.Tests.Infrastructure;

/// <summary>
/// The real-shaped records of <c>shared/samples/source-events</c> (never copied into the repository), and what the
/// tests of <c>--source</c> make of them: the path of a sample, its records, a file written from them.
/// </summary>
internal static class SourceFiles
{
    public const string CloudTrail = "aws-cloudtrail.jsonl";
    public const string Okta = "okta-system-log.jsonl";
    public const string GitHub = "github-audit-log.jsonl";

    /// <summary>A sample of no source of the test catalogs (Microsoft Entra ID sign-ins).</summary>
    public const string EntraSignIns = "azure-signin.jsonl";

    /// <summary>The absolute path of a sample; reports and summaries name it by its file name (it lies outside the working directory).</summary>
    public static string Sample(string file) => Path.Combine(SourceSamples.Path, file);

    /// <summary>The sample's records, one a line, as they are in the file.</summary>
    public static string[] Records(string file) =>
        Encoding.UTF8.GetString(SourceSamples.Read(file)).Split('\n').Where(l => l.Trim().Length > 0).ToArray();

    public static byte[] Gzip(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    /// <summary>
    /// The counts of an <c>ingested NAME …: read R, accepted A, duplicates D, rejected J, unmapped U</c> line, checked to add up.
    /// </summary>
    public static (long Read, long Accepted, long Duplicates, long Rejected, long Unmapped) Counts(string line)
    {
        var match = Regex.Match(line, @"read (\d+), accepted (\d+), duplicates (\d+), rejected (\d+), unmapped (\d+)");
        Assert.True(match.Success, "no counts with unmapped in: " + line);
        var counts = (long.Parse(match.Groups[1].Value), long.Parse(match.Groups[2].Value), long.Parse(match.Groups[3].Value), long.Parse(match.Groups[4].Value), long.Parse(match.Groups[5].Value));
        Assert.Equal(counts.Item1, counts.Item2 + counts.Item3 + counts.Item4 + counts.Item5);
        return counts;
    }
}
