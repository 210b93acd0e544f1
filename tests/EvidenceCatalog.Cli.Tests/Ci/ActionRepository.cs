using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Tests.Infrastructure;

namespace EvidenceCatalog.Cli.Tests.Ci;

/// <summary>What one step of the action did: its exit code, its log, and what it wrote to GitHub's files.</summary>
internal sealed record StepResult(int ExitCode, string Stdout, string Stderr, IReadOnlyDictionary<string, string> Outputs, string Summary);

/// <summary>
/// A throwaway pull request: <c>upstream/</c>, a git repository whose <c>main</c> holds the repository's sample catalogs
/// (or none), cloned to <c>checkout/</c> as actions/checkout leaves it, on a branch <c>change</c> where a test commits
/// its edit. <see cref="RunStep"/> runs a step of action.yml there as a GitHub runner would: bash, the step's command and
/// environment, GitHub's variables and files, and on PATH an <c>evidence</c> that runs the CLI built in this repository.
/// </summary>
internal sealed class ActionRepository : IDisposable
{
    private readonly CatalogWorkspace workspace = CatalogWorkspace.Empty();

    /// <summary>The folders earlier steps added through GITHUB_PATH, the latest first, as the runner prepends them.</summary>
    private readonly List<string> jobPath = [];
    private int stepCount;

    private ActionRepository(bool baseHasCatalogs, bool builtToolOnPath)
    {
        Directory.CreateDirectory(Upstream);
        Git(Upstream, "init", "--quiet", "--initial-branch=main");
        File.WriteAllText(Path.Combine(Upstream, "README.md"), "A service whose SOC 2 evidence is catalogued.\n");
        if (baseHasCatalogs)
        {
            Diff.DiffWorkspace.Copy(RepositoryRoot.Catalogs, Path.Combine(Upstream, "catalogs"));
        }

        Git(Upstream, "add", ".");
        Git(Upstream, "commit", "--quiet", "-m", "The base branch");
        Git(workspace.Path, "clone", "--quiet", Upstream, Checkout);
        Git(Checkout, "checkout", "--quiet", "-b", "change");
        if (!baseHasCatalogs)
        {
            Diff.DiffWorkspace.Copy(RepositoryRoot.Catalogs, Path.Combine(Checkout, "catalogs"));
        }

        Directory.CreateDirectory(Combine("runner-temp"));
        if (!builtToolOnPath)
        {
            return;
        }

        // The CLI this test project was built with, as an installed tool would run it.
        Directory.CreateDirectory(Combine("tools"));
        jobPath.Add(Combine("tools"));
        File.WriteAllText(Combine("tools/evidence"), "#!/bin/sh\nexec dotnet \"" + Path.Combine(AppContext.BaseDirectory, "evidence.dll") + "\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Combine("tools/evidence"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Upstream => Combine("upstream");

    /// <summary>The working directory of the job: the pull request's branch checked out.</summary>
    public string Checkout => Combine("checkout");

    public string RunnerTemp => Combine("runner-temp");

    /// <summary>Environment variables every step gets besides GitHub's (NUGET_PACKAGES for an isolated package cache).</summary>
    public Dictionary<string, string> ExtraEnvironment { get; } = new(StringComparer.Ordinal);

    public static ActionRepository WithCatalogsOnMain() => new(baseHasCatalogs: true, builtToolOnPath: true);

    /// <summary>The first pull request: main has no catalogs, the branch adds the sample catalogs.</summary>
    public static ActionRepository WithoutCatalogsOnMain() => new(baseHasCatalogs: false, builtToolOnPath: true);

    /// <summary>No <c>evidence</c> on PATH until the install step puts one there.</summary>
    public static ActionRepository WithoutTheTool() => new(baseHasCatalogs: true, builtToolOnPath: false);

    public string Combine(string relativePath) => workspace.Combine(relativePath);

    /// <summary>Replaces <paramref name="before"/> once in a file of the checkout and commits it on the branch.</summary>
    public void Commit(string file, string before, string after, string message)
    {
        Edit(file, before, after);
        Git(Checkout, "commit", "--quiet", "-am", message);
    }

    /// <summary>Adds a file to the checkout and commits it on the branch.</summary>
    public void CommitNewFile(string file, byte[] content, string message)
    {
        string path = Path.Combine(Checkout, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        Git(Checkout, "add", file);
        Git(Checkout, "commit", "--quiet", "-m", message);
    }

    public void Edit(string file, string before, string after)
    {
        string path = Path.Combine(Checkout, file);
        string text = File.ReadAllText(path);
        int at = text.IndexOf(before, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"{file} has no '{before}' to change");
        }

        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), after, text.AsSpan(at + before.Length)));
    }

    public string Git(string workingDirectory, params string[] arguments)
    {
        var result = Run(workingDirectory, "git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", .. arguments], null);
        return result.ExitCode == 0 ? result.Stdout : throw new InvalidOperationException("git " + string.Join(' ', arguments) + ": " + result.Stderr);
    }

    /// <summary>
    /// Runs the step <paramref name="id"/> of action.yml in the checkout for an event, with the inputs given (the others
    /// at their defaults). Each step gets its own GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, as on a runner.
    /// </summary>
    public StepResult RunStep(string id, string eventName, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var action = ActionDefinition.Load();
        var step = action.Step(id);
        if (step.Shell != "bash")
        {
            throw new InvalidOperationException($"step '{id}' runs in '{step.Shell}'; this runner knows bash");
        }

        int number = ++stepCount;
        string outputFile = Combine($"runner-temp/_output_{number}");
        string summaryFile = Combine($"runner-temp/_summary_{number}");
        string pathFile = Combine($"runner-temp/_path_{number}");
        File.WriteAllText(outputFile, string.Empty);
        File.WriteAllText(summaryFile, string.Empty);
        File.WriteAllText(pathFile, string.Empty);

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = string.Join(Path.PathSeparator, [.. jobPath, System.Environment.GetEnvironmentVariable("PATH")]),
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_ACTION_PATH"] = RepositoryRoot.Path,
            ["GITHUB_WORKSPACE"] = Checkout,
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_REF_NAME"] = "change",
            ["GITHUB_OUTPUT"] = outputFile,
            ["GITHUB_STEP_SUMMARY"] = summaryFile,
            ["GITHUB_PATH"] = pathFile,
            ["GITHUB_ENV"] = Combine("runner-temp/_env"),
            ["RUNNER_TEMP"] = RunnerTemp,
        };
        if (eventName is "pull_request" or "pull_request_target")
        {
            environment["GITHUB_BASE_REF"] = "main";
            environment["GITHUB_HEAD_REF"] = "change";
        }

        foreach (var (name, value) in ExtraEnvironment.Concat(action.Environment(step, inputs ?? new Dictionary<string, string>())))
        {
            environment[name] = value;
        }

        // As a runner runs `shell: bash`: bash --noprofile --norc -eo pipefail {0}.
        var result = Run(Checkout, "bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.Run], environment);
        jobPath.InsertRange(0, File.ReadAllLines(pathFile).Where(line => line.Length > 0).Reverse());
        return new StepResult(result.ExitCode, result.Stdout, result.Stderr, WorkflowCommandFile.ReadOutputs(outputFile), File.ReadAllText(summaryFile));
    }

    public void Dispose() => workspace.Dispose();

    private static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, string program, string[] arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the machine's own CI run leaks into the step: only the variables this runner sets.
        foreach (string name in start.Environment.Keys.Where(name => name.StartsWith("GITHUB_", StringComparison.Ordinal) || name.StartsWith("INPUT_", StringComparison.Ordinal) || name.StartsWith("RUNNER_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return ChildProcess.Run(start);
    }
}
