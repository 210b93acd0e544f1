using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Generator.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Xunit;
using Xunit.Sdk;

namespace EvidenceCatalog.Generator.Tests;

/// <summary>
/// Every page in docs/diagnostics/ shows an example that a test fixture proves: the page names the fixture, each file it
/// shows is that fixture's file to the byte, and the lines under "prints" are exactly what the fixture prints, with
/// <c>evidence validate</c> for the compiler's fixtures and the folder fixtures, and with <c>dotnet build</c> (the generator) for EC5xxx.
/// Set EVIDENCE_ACCEPT=1 (never on CI) to write the printed lines into the pages after an intended change.
/// </summary>
public sealed class DiagnosticPageTests
{
    private static readonly Regex FixtureLink = new(@"\]\(\.\./\.\./(tests/EvidenceCatalog\.(?:Compiler|Generator|Cli)\.Tests/Fixtures/[a-z0-9-]+)/\)", RegexOptions.CultureInvariant);

    private static readonly Regex FileBlock = new("^`(?<path>[^`\n]+)`:\n\n```[a-z]*\n(?<text>.*?)```$", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex PrintsBlock = new("^prints\n\n```\n(?<lines>.*?)```$", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant);

    public static IEnumerable<object[]> Pages() => DiagnosticDescriptors.All.Select(d => new object[] { d.Id });

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_example_of_the_page_prints_exactly_the_documented_lines(string id)
    {
        string pagePath = Path.Combine(DiagnosticFixture.RepositoryRoot, DiagnosticDescriptors.Find(id)!.HelpPath);
        string page = File.ReadAllText(pagePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        string example = ExampleOf(page);
        var prints = PrintsBlock.Match(example);
        Assert.True(prints.Success, id + ": the example has no block after a line 'prints'.");
        var documented = prints.Groups["lines"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var link = FixtureLink.Match(example);
        if (!link.Success)
        {
            // Only the generator's internal error has no fixture (no catalog provokes it): its line shows the format.
            Assert.Equal(DiagnosticDescriptors.GenerationFailed.Id, id);
            Assert.Matches(FormatPattern(DiagnosticDescriptors.GenerationFailed), Assert.Single(documented));
            return;
        }

        var fixture = DiagnosticFixture.At(Path.Combine(DiagnosticFixture.RepositoryRoot, link.Groups[1].Value));
        foreach (Match file in FileBlock.Matches(example))
        {
            string shown = file.Groups["path"].Value;
            Assert.Equal(File.ReadAllText(Path.Combine(fixture.Directory, shown)).Replace("\r\n", "\n", StringComparison.Ordinal), file.Groups["text"].Value);
        }

        var printed = link.Groups[1].Value.Contains(".Generator.", StringComparison.Ordinal)
            ? FixtureBuild.Run(fixture).Select(FixtureBuild.BuildLine).ToArray()
            : link.Groups[1].Value.Contains(".Cli.", StringComparison.Ordinal)
                ? FolderFixture.Validate(fixture)
                : fixture.Compile().Diagnostics.Select(d => d.ToString()).ToArray();
        Assert.Contains(printed, line => line.Contains(" " + id + ": ", StringComparison.Ordinal));
        if (!printed.SequenceEqual(documented) && Accept())
        {
            File.WriteAllText(pagePath, page.Replace(prints.Value, "prints\n\n```\n" + string.Concat(printed.Select(l => l + "\n")) + "```", StringComparison.Ordinal));
            return;
        }

        Assert.Equal(printed, documented);
    }

    private static string ExampleOf(string page)
    {
        int start = page.IndexOf("\n## Example\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page has no '## Example' section");
        int end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    /// <summary>The line of <paramref name="descriptor"/> as the build prints it about no file, its arguments free.</summary>
    private static string FormatPattern(CatalogDiagnosticDescriptor descriptor) =>
        "^CSC : error " + descriptor.Id + ": "
        + string.Join(".+", Regex.Split(descriptor.MessageFormat, @"\{\d+\}").Select(Regex.Escape))
        + Regex.Escape(" (" + descriptor.HelpUri + ")") + "$";

    private static bool Accept()
    {
        bool accept = Environment.GetEnvironmentVariable("EVIDENCE_ACCEPT") == "1";
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (accept && ci)
        {
            throw new XunitException("EVIDENCE_ACCEPT is ignored when CI=true: approve on a developer machine and commit the pages.");
        }

        return accept;
    }
}
