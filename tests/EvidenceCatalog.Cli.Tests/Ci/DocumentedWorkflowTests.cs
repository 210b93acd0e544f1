using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Compiler.Diagnostics;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace EvidenceCatalog.Cli.Tests.Ci;

/// <summary>
/// The copy-paste workflow, the from-source variant and the pre-commit config of docs/pull-requests.md use only what
/// action.yml and .pre-commit-hooks.yaml declare, so that what a user copies works.
/// </summary>
public sealed partial class DocumentedWorkflowTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "pull-requests.md")).ReplaceLineEndings("\n");

    private readonly ActionDefinition action = ActionDefinition.Load();

    [Fact]
    public void The_workflow_checks_out_the_history_and_uses_this_repositorys_action_with_its_inputs()
    {
        var steps = WorkflowSteps(YamlBlockAfter("### The workflow file"));

        var checkout = steps.Single(step => Value(step, "uses").StartsWith("actions/checkout@", StringComparison.Ordinal));
        Assert.Equal("0", Value(With(checkout), "fetch-depth"));
        var evidence = steps.Single(step => Value(step, "id") == "evidence");
        string repository = new Uri(HelpLinks.RepositoryUrl).AbsolutePath.Trim('/');
        Assert.Matches("^" + Regex.Escape(repository) + "@[^/]+$", Value(evidence, "uses"));
        AssertKnownInputs(With(evidence));
        Assert.NotEqual(string.Empty, Value(With(evidence), "version"));
    }

    [Fact]
    public void The_workflow_uploads_the_SARIF_output_and_comments_the_markdown_output()
    {
        string workflow = YamlBlockAfter("### The workflow file");
        var steps = WorkflowSteps(workflow);

        var upload = steps.Single(step => Value(step, "uses").StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal));
        Assert.Equal("${{ steps.evidence.outputs.sarif-file }}", Value(With(upload), "sarif_file"));
        var comment = steps.Single(step => Value(step, "uses").StartsWith("actions/github-script@", StringComparison.Ordinal));
        Assert.Equal("${{ steps.evidence.outputs.diff-markdown }}", Value((YamlMappingNode)comment.Children[new YamlScalarNode("env")], "DIFF"));
        Assert.Contains("process.env.DIFF", Value(With(comment), "script"), StringComparison.Ordinal);
        Assert.DoesNotContain("${{", Value(With(comment), "script"), StringComparison.Ordinal);
        foreach (Match output in ActionOutputReference().Matches(workflow))
        {
            Assert.Contains(output.Groups["name"].Value, action.Outputs.Keys);
        }
    }

    [Fact]
    public void The_from_source_variant_installs_the_package_it_packs()
    {
        var steps = (YamlSequenceNode)Load(YamlBlockAfter("In a repository that builds the tool from source"));

        var pack = (YamlMappingNode)steps.Children[0];
        var evidence = (YamlMappingNode)steps.Children[1];
        Assert.Equal("./", Value(evidence, "uses"));
        AssertKnownInputs(With(evidence));
        Assert.EndsWith("-o " + Value(With(evidence), "package-source"), Value(pack, "run"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pre_commit_config_names_the_hook_the_repository_declares()
    {
        var config = (YamlMappingNode)Load(YamlBlockAfter("## The pre-commit hook"));
        var repository = (YamlMappingNode)((YamlSequenceNode)config.Children[new YamlScalarNode("repos")]).Children.Single();
        var hooks = (YamlSequenceNode)Load(File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".pre-commit-hooks.yaml")));

        Assert.Equal(HelpLinks.RepositoryUrl, Value(repository, "repo"));
        var used = ((YamlSequenceNode)repository.Children[new YamlScalarNode("hooks")]).Children.Cast<YamlMappingNode>().Select(hook => Value(hook, "id"));
        Assert.Equal(hooks.Children.Cast<YamlMappingNode>().Select(hook => Value(hook, "id")), used);
    }

    private void AssertKnownInputs(YamlMappingNode with)
    {
        foreach (var key in with.Children.Keys.Cast<YamlScalarNode>())
        {
            Assert.Contains(key.Value!, action.Inputs.Keys);
        }
    }

    /// <summary>The first ```yaml block after the line that starts with <paramref name="marker"/>.</summary>
    private static string YamlBlockAfter(string marker)
    {
        int heading = Page.IndexOf("\n" + marker, StringComparison.Ordinal);
        Assert.True(heading >= 0, $"docs/pull-requests.md has no line starting '{marker}'");
        int start = Page.IndexOf("```yaml\n", heading, StringComparison.Ordinal) + "```yaml\n".Length;
        return Page[start..Page.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    private static List<YamlMappingNode> WorkflowSteps(string workflow)
    {
        var jobs = (YamlMappingNode)((YamlMappingNode)Load(workflow)).Children[new YamlScalarNode("jobs")];
        var job = (YamlMappingNode)jobs.Children.Single().Value;
        return [.. ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>()];
    }

    /// <summary>YAML as the block shows it: the from-source variant is indented as steps of a job are.</summary>
    private static YamlNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Dedent(yaml)));
        return stream.Documents.Single().RootNode;
    }

    private static string Dedent(string yaml)
    {
        var lines = yaml.Split('\n');
        int indent = lines.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart(' ').Length);
        return string.Join('\n', lines.Select(line => line.Length >= indent ? line[indent..] : line.TrimStart(' ')));
    }

    private static YamlMappingNode With(YamlMappingNode step) => (YamlMappingNode)step.Children[new YamlScalarNode("with")];

    private static string Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value ?? string.Empty : string.Empty;

    [GeneratedRegex(@"steps\.evidence\.outputs\.(?<name>[A-Za-z0-9_-]+)")]
    private static partial Regex ActionOutputReference();
}
