using System;
using System.IO;
using System.Linq;

namespace EvidenceCatalog.Browser.Tests.Infrastructure;

/// <summary>
/// The Chromium the browser tests drive: <c>EVIDENCE_CHROMIUM</c> when set, else the first of Debian's and the usual
/// install paths. Without one the tests skip on a developer's machine, and fail under <c>CI=true</c>, never skip.
/// </summary>
internal static class ChromiumExecutable
{
    public const string Variable = "EVIDENCE_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>Under CI=true the browser tests must run.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The executable, or null when none is installed.</summary>
    public static string? Path { get; } = Find();

    /// <summary>Why the browser tests are skipped here, or null when they run (always null under CI=true).</summary>
    public static string? SkipReason => Path is null && !Required ? Missing : null;

    /// <summary>What to do when there is none.</summary>
    public static string Missing =>
        "no Chromium found (" + Variable + " is not set, and none of " + string.Join(", ", Candidates) + " exists): install Debian's chromium "
        + "(sudo apt-get install -y chromium; .ci/run does it) or set " + Variable + " to a Chromium executable";

    private static string? Find() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);
}
