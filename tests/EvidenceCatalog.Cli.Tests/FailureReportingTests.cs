using System;
using System.IO;
using System.Text;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class FailureReportingTests
{
    [Fact]
    public void An_output_file_that_cannot_be_written_exits_2_with_one_line()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        // The output path is an existing directory.
        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--output", "catalogs");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("evidence: cannot write 'catalogs': ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void A_bug_is_one_line_on_stderr_saying_so_and_exit_70_never_a_stack_trace()
    {
        using var stderr = new StringWriter { NewLine = "\n" };

        int exitCode = EvidenceCli.Run(["validate", "--as-of", Scenarios.CleanAsOf], new BrokenWriter(), stderr, RepositoryRoot.Path);

        Assert.Equal(70, exitCode);
        Assert.Equal(
            "evidence: internal error (InvalidOperationException): the writer broke on purpose; this is a bug in evidence, please report it with the command that caused it\n",
            stderr.ToString());
    }

    private sealed class BrokenWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new InvalidOperationException("the writer broke\non purpose");
    }
}
