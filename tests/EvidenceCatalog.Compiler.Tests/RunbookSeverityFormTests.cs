using System.Linq;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>A procedure names its severities in one form; the error for both says which two keys clash and what to do.</summary>
public sealed class RunbookSeverityFormTests
{
    [Fact]
    public void Both_severity_forms_are_refused_with_the_rule_the_schema_states()
    {
        var diagnostic = Assert.Single(DiagnosticFixture.Named("schema-procedure-severity-both-forms").Compile().Diagnostics);

        Assert.Equal("EC2009", diagnostic.Id);
        Assert.EndsWith(
            "(id 'fixture-both-forms') has a form the schema forbids here. A procedure names one severity (severity) or several (severities), not both: remove one of them.",
            diagnostic.Message);
    }
}
