using System.Linq;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvidenceCatalog.Generator.Tests;

/// <summary>Every generated file matches its approved copy under Approved/, and the generated code compiles without a warning.</summary>
public sealed class SnapshotTests
{
    /// <summary>A catalog small enough to read in one sitting: one framework, two controls, two event types, one log source.</summary>
    internal static readonly SourceFile[] SmallCatalog =
    {
        new("catalogs/framework.yaml", """
            kind: framework
            framework:
              id: mini-tsc
              name: Mini TSC
              version: "1"
              publisher: Example
              description: Two criteria, for a readable snapshot.
              criteria:
                - id: CC6.1
                  category: security
                  title: Logical access is restricted to authorised users & <services>.
                - id: CC7.2
                  category: security
                  title: "System components are monitored for \"anomalies\"."
            """),
        new("catalogs/controls.yaml", """
            kind: controls
            controls:
              - id: IAM-01
                name: Access enforcement
                description: Every request is authorised by the policy engine.
                owner: Security Engineering
                criteria: [CC6.1]
                cadence: continuous
                evidence:
                  - eventType: policy.decision
                    outcomes: [allow, deny]
                  - eventType: auth.login
              - id: MON-01
                name: Monitoring
                description: Anomalies raise alerts.
                owner: SRE
                criteria: [CC7.2]
                cadence: daily
                evidence:
                  - eventType: auth.login
                    outcomes: [failure]
            """),
        new("catalogs/events.yaml", """
            kind: events
            eventTypes:
              - id: policy.decision
                description: A policy engine decision.
                outcomes: [allow, deny]
              - id: auth.login
                description: A sign-in attempt.
                outcomes: [success, failure]
            """),
        new("catalogs/sources.yaml", """
            kind: sources
            sources:
              - id: okta-system-log
                name: Okta System Log
                description: The organisation's System Log, as /api/v1/logs returns it.
                containers: [json-lines, json-array]
                recognize:
                  - { field: /uuid, exists: true }
                time: { fields: [/published], formats: [rfc3339, epoch-milliseconds] }
                account: { field: "org:{/target/0/id}" }
                eventId: { fields: ["{/uuid}"], hashWhenMissing: true }
                nativeName: "{/eventType}"
                actor: ["user:{/actor/alternateId}", "{{unknown}}"]
                ip: ["{/client/ipAddress}"]
                rules:
                  - name: sign-in "with" <SSO>
                    when:
                      - { field: /eventType, oneOf: [user.session.start, user.authentication.sso] }
                      - { field: /debugContext/debugData/behaviors, exists: true }
                    type: auth.login
                    outcome:
                      field: /outcome/result
                      map: { SUCCESS: success, FAILURE: failure, "a\"b": failure }
                      default: failure
                  - when:
                      - { field: /eventType, prefix: "policy." }
                      - { field: /outcome/reason, exists: false }
                    type: policy.decision
                    outcome: allow
                  - type: policy.decision
            """),
    };

    [Fact]
    public void Sample_catalogs_generate_the_approved_sources()
    {
        var run = new GeneratorHarness().WithSampleCatalogs().Run();
        VerifyAll("Sample", run.Driver);
    }

    [Fact]
    public void Small_catalog_generates_the_approved_sources()
    {
        var run = new GeneratorHarness().WithCatalogs(SmallCatalog).WithSchemas(RepositoryFiles.Schemas()).Run();
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        VerifyAll("Small", run.Driver);
    }

    [Fact]
    public void Generated_sample_code_compiles_without_warnings()
    {
        var run = new GeneratorHarness().WithSampleCatalogs().Run();
        Assert.Empty(run.Diagnostics);
        var problems = Problems(run.Output);
        Assert.True(problems.Count == 0, string.Join(System.Environment.NewLine, problems));
    }

    [Fact]
    public void Generated_small_code_compiles_without_warnings()
    {
        var run = new GeneratorHarness().WithCatalogs(SmallCatalog).WithSchemas(RepositoryFiles.Schemas()).Run();
        var problems = Problems(run.Output);
        Assert.True(problems.Count == 0, string.Join(System.Environment.NewLine, problems));
    }

    [Fact]
    public void The_same_input_generates_the_same_bytes()
    {
        var first = new GeneratorHarness().WithSampleCatalogs().Run().Driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToList();
        var second = new GeneratorHarness().WithSampleCatalogs().Run().Driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToList();
        Assert.Equal(first, second);
        Assert.All(first, text => Assert.DoesNotContain(RepositoryFiles.Root, text));
    }

    /// <summary>Warnings and errors, less CS1701/CS1702 (reference version unification, which a real build suppresses too).</summary>
    private static System.Collections.Generic.List<string> Problems(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not "CS1701" and not "CS1702")
            .Select(d => d.ToString())
            .ToList();

    private static void VerifyAll(string folder, GeneratorDriver driver)
    {
        var sources = driver.GetRunResult().Results.Single().GeneratedSources;
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            string text = source.SourceText.ToString();
            Assert.StartsWith("// <auto-generated/>", text);
            Assert.Contains("#nullable enable", text);
            ApprovedFiles.Verify(folder + "/" + source.HintName + ".txt", text);
        }

        // An approved file whose source is no longer generated is stale.
        var approved = System.IO.Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryFiles.Root, "tests", "EvidenceCatalog.Generator.Tests", "Approved", folder), "*.txt")
            .Select(System.IO.Path.GetFileName)
            .OrderBy(n => n, System.StringComparer.Ordinal);
        Assert.Equal(sources.Select(s => s.HintName + ".txt").OrderBy(n => n, System.StringComparer.Ordinal), approved);
    }
}
