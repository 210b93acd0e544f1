using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests.Ci;

/// <summary>action.yml and the scripts its steps run agree: every input reaches a script, every output is written by one.</summary>
public sealed partial class ActionDefinitionTests
{
    private readonly ActionDefinition action = ActionDefinition.Load();

    [Fact]
    public void The_action_is_composite_and_each_step_runs_a_script_of_the_action_folder_in_bash()
    {
        Assert.Equal("composite", action.Using);
        Assert.Equal(["install", "validate", "diff"], action.Steps.Select(step => step.Id));
        foreach (var step in action.Steps)
        {
            Assert.Equal("bash", step.Shell);
            string script = ScriptOf(step);
            Assert.True(File.Exists(script), $"step '{step.Id}' runs {script}, which does not exist");
            Assert.Equal(0, BashSyntaxCheck(script));
        }
    }

    [Fact]
    public void Each_step_sets_exactly_the_INPUT_variables_its_script_reads_each_from_the_input_of_that_name()
    {
        foreach (var step in action.Steps)
        {
            var read = InputVariable().Matches(File.ReadAllText(ScriptOf(step))).Select(match => match.Value).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(read, step.Environment.Keys.Where(name => name.StartsWith("INPUT_", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            foreach (var (name, expression) in step.Environment)
            {
                string input = Assert.Single(ActionDefinition.InputsRead(expression));
                Assert.Equal("${{ inputs." + input + " }}", expression);
                Assert.True(action.Inputs.ContainsKey(input), $"step '{step.Id}' reads input '{input}', which action.yml does not declare");
                // GitHub's own naming of an input as a variable, so the scripts read what a reader of action.yml expects.
                Assert.Equal("INPUT_" + input.ToUpperInvariant().Replace('-', '_'), name);
            }
        }
    }

    [Fact]
    public void Every_input_is_read_by_a_step()
    {
        var read = action.Steps.SelectMany(step => step.Environment.Values).SelectMany(ActionDefinition.InputsRead).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(action.Inputs.Keys.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_output_is_written_by_the_script_of_the_step_it_names()
    {
        foreach (var (name, expression) in action.Outputs)
        {
            var (stepId, output) = ActionDefinition.StepOutput(expression);
            string script = File.ReadAllText(ScriptOf(action.Step(stepId)));
            Assert.True(
                script.Contains("echo \"" + output + "=", StringComparison.Ordinal) || script.Contains("echo \"" + output + "<<", StringComparison.Ordinal),
                $"output '{name}' is step '{stepId}' output '{output}', which its script never writes to $GITHUB_OUTPUT");
        }
    }

    [Fact]
    public void Step_conditions_name_only_steps_that_run_before()
    {
        var earlier = new System.Collections.Generic.List<string>();
        foreach (var step in action.Steps)
        {
            foreach (Match reference in StepReference().Matches(step.Condition ?? string.Empty))
            {
                Assert.Contains(reference.Groups["step"].Value, earlier);
            }

            earlier.Add(step.Id);
        }
    }

    /// <summary>The script a step's run line names under $GITHUB_ACTION_PATH.</summary>
    private static string ScriptOf(ActionStep step)
    {
        var match = RunLine().Match(step.Run);
        Assert.True(match.Success, $"step '{step.Id}' runs '{step.Run}', not one script of the action folder");
        return Path.Combine(RepositoryRoot.Path, match.Groups["script"].Value);
    }

    private static int BashSyntaxCheck(string script)
    {
        var bash = ChildProcess.Run(new ProcessStartInfo("bash", ["-n", script]));
        Assert.Equal(string.Empty, bash.Stderr);
        return bash.ExitCode;
    }

    [GeneratedRegex(@"^bash ""\$GITHUB_ACTION_PATH/(?<script>action/[a-z-]+\.sh)""\n?$")]
    private static partial Regex RunLine();

    [GeneratedRegex(@"\bINPUT_[A-Z_]+\b")]
    private static partial Regex InputVariable();

    [GeneratedRegex(@"\bsteps\.(?<step>[A-Za-z0-9_-]+)\.")]
    private static partial Regex StepReference();
}
