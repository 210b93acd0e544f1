using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace EvidenceCatalog.Cli.Tests.Ci;

/// <summary>One step of the composite action: its id, condition, shell, environment expressions and command.</summary>
internal sealed record ActionStep(string Id, string? Condition, string Shell, IReadOnlyDictionary<string, string> Environment, string Run);

/// <summary>
/// The repository's <c>action.yml</c>, read with YamlDotNet: what its inputs default to, what its outputs are made of,
/// and its steps, whose <c>${{ inputs.NAME }}</c> expressions <see cref="Environment"/> evaluates as GitHub would.
/// </summary>
internal sealed partial class ActionDefinition
{
    private ActionDefinition(YamlMappingNode root)
    {
        Root = root;
        Inputs = Mapping(root, "inputs").Children.ToDictionary(
            input => Scalar(input.Key),
            input => ((YamlMappingNode)input.Value).Children.TryGetValue(new YamlScalarNode("default"), out var value) ? Scalar(value) : string.Empty,
            StringComparer.Ordinal);
        Outputs = Mapping(root, "outputs").Children.ToDictionary(
            output => Scalar(output.Key),
            output => Scalar(((YamlMappingNode)output.Value).Children[new YamlScalarNode("value")]),
            StringComparer.Ordinal);
        var runs = Mapping(root, "runs");
        Using = Scalar(runs.Children[new YamlScalarNode("using")]);
        Steps = [.. ((YamlSequenceNode)runs.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().Select(Step)];
    }

    public static string FilePath => Path.Combine(Infrastructure.RepositoryRoot.Path, "action.yml");

    public YamlMappingNode Root { get; }

    public string Using { get; }

    /// <summary>Each input and its default.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; }

    /// <summary>Each output and its value expression.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; }

    public IReadOnlyList<ActionStep> Steps { get; }

    public static ActionDefinition Load()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(FilePath))
        {
            yaml.Load(reader);
        }

        return new ActionDefinition((YamlMappingNode)yaml.Documents.Single().RootNode);
    }

    public ActionStep Step(string id) => Steps.Single(step => step.Id == id);

    /// <summary>A step's environment as GitHub would set it with <paramref name="given"/> inputs (the others at their defaults).</summary>
    public Dictionary<string, string> Environment(ActionStep step, IReadOnlyDictionary<string, string> given)
    {
        foreach (string name in given.Keys.Where(name => !Inputs.ContainsKey(name)))
        {
            throw new ArgumentException($"action.yml has no input '{name}'", nameof(given));
        }

        return step.Environment.ToDictionary(
            variable => variable.Key,
            variable => InputExpression().Replace(variable.Value, match =>
            {
                string name = match.Groups["name"].Value;
                return given.TryGetValue(name, out string? value) ? value
                    : Inputs.TryGetValue(name, out string? fallback) ? fallback
                    : throw new InvalidOperationException($"step '{step.Id}' reads input '{name}', which action.yml does not declare");
            }),
            StringComparer.Ordinal);
    }

    /// <summary>The action's output <paramref name="name"/> after its step ran: empty when the step did not set it.</summary>
    public string Output(string name, string stepId, StepResult step)
    {
        var (source, output) = StepOutput(Outputs[name]);
        return source == stepId ? step.Outputs.GetValueOrDefault(output, string.Empty)
            : throw new InvalidOperationException($"output '{name}' comes from step '{source}', not '{stepId}'");
    }

    /// <summary>The names of the inputs an expression reads.</summary>
    public static IEnumerable<string> InputsRead(string expression) =>
        InputExpression().Matches(expression).Select(match => match.Groups["name"].Value);

    /// <summary><c>${{ steps.ID.outputs.NAME }}</c>: the step id and output name an output's value is taken from.</summary>
    public static (string Step, string Output) StepOutput(string expression)
    {
        var match = StepOutputExpression().Match(expression);
        return match.Success ? (match.Groups["step"].Value, match.Groups["output"].Value)
            : throw new InvalidOperationException($"'{expression}' is not a step output expression");
    }

    [GeneratedRegex(@"\$\{\{\s*inputs\.(?<name>[A-Za-z0-9_-]+)\s*\}\}")]
    private static partial Regex InputExpression();

    [GeneratedRegex(@"^\$\{\{\s*steps\.(?<step>[A-Za-z0-9_-]+)\.outputs\.(?<output>[A-Za-z0-9_-]+)\s*\}\}$")]
    private static partial Regex StepOutputExpression();

    private static ActionStep Step(YamlMappingNode step)
    {
        string? Value(string key) => step.Children.TryGetValue(new YamlScalarNode(key), out var node) ? Scalar(node) : null;
        var environment = step.Children.TryGetValue(new YamlScalarNode("env"), out var env)
            ? ((YamlMappingNode)env).Children.ToDictionary(variable => Scalar(variable.Key), variable => Scalar(variable.Value), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return new ActionStep(
            Value("id") ?? throw new InvalidOperationException("a step of action.yml has no id"),
            Value("if"),
            Value("shell") ?? string.Empty,
            environment,
            Value("run") ?? string.Empty);
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;
}
