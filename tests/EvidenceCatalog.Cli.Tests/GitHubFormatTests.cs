using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Compiler.Diagnostics;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

public sealed class GitHubFormatTests
{
    [Fact]
    public void GitHub_format_prints_a_workflow_command_per_diagnostic_and_the_summary()
    {
        using var workspace = Scenarios.WithSevereRiskVendor();

        var result = Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--format", "github");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "::error file=catalogs/vendors/zz-severe-risk.yaml,line=6,col=11,endLine=6,endColumn=17,title=EC2006 Value not allowed::"
                    + Scenarios.SevereVendorMessage,
                (RepositoryRoot.CatalogFileCount + 1) + " files checked: 1 error, no warnings.",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void Warnings_become_warning_commands()
    {
        var result = Evidence.Run(RepositoryRoot.Path, "validate", "--as-of", Scenarios.OverdueAsOf, "--format", "github");

        Assert.Contains(result.StdoutLines, l => l.StartsWith("::warning file=catalogs/vendors/", System.StringComparison.Ordinal)
            && l.Contains(",title=EC4001 Review overdue::the next review of '", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Message_escapes_percent_and_line_breaks_only()
    {
        Assert.Equal("100%25 done%0D%0Anext: a, b", GitHubAnnotationFormatter.EscapeData("100% done\r\nnext: a, b"));
    }

    [Fact]
    public void Properties_also_escape_colon_and_comma()
    {
        Assert.Equal("C%3A/cat%2Calogs/50%25.yaml%0A", GitHubAnnotationFormatter.EscapeProperty("C:/cat,alogs/50%.yaml\n"));
    }

    [Fact]
    public void An_annotation_escapes_the_file_and_the_message_each_by_its_own_rule()
    {
        var diagnostic = new CatalogDiagnostic("EC1007", CatalogDiagnosticSeverity.Error, "c:/odd,dir/a.yaml", new SourceSpan(2, 3, 2, 9, 10, 16), "invalid YAML: 50% of a line\nbroken");

        Assert.Equal(
            "::error file=c%3A/odd%2Cdir/a.yaml,line=2,col=3,endLine=2,endColumn=9,title=EC1007 YAML syntax error::invalid YAML: 50%25 of a line%0Abroken",
            GitHubAnnotationFormatter.Annotation(diagnostic));
    }
}
