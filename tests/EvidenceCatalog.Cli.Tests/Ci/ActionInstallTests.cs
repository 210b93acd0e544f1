using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text.Json;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests.Ci;

/// <summary>
/// The install step of action.yml with <c>package-source</c>: the CLI of this build packed into a folder, installed from
/// that folder alone into RUNNER_TEMP, put on the job's PATH, and run by the validate step after it.
/// </summary>
public sealed class ActionInstallTests : IClassFixture<ActionInstallTests.PackedTool>, IDisposable
{
    private readonly PackedTool tool;
    private readonly ActionRepository repository = ActionRepository.WithoutTheTool();

    public ActionInstallTests(PackedTool tool)
    {
        this.tool = tool;
        // A package cache of the test's own, so that no build of another day is handed back for the same version.
        repository.ExtraEnvironment["NUGET_PACKAGES"] = repository.Combine("nuget-packages");
    }

    public void Dispose() => repository.Dispose();

    [Fact]
    public void The_packed_tool_is_installed_from_the_folder_onto_the_jobs_path_and_the_next_step_runs_it()
    {
        var install = repository.RunStep("install", "pull_request", new Dictionary<string, string> { ["package-source"] = tool.Folder });
        var validate = repository.RunStep("validate", "pull_request", new Dictionary<string, string> { ["as-of"] = Scenarios.CleanAsOf });

        Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);
        Assert.Contains("(version '" + PackedTool.Version + "') was successfully installed", install.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, validate.ExitCode);
        using var sarif = JsonDocument.Parse(File.ReadAllText(ActionDefinition.Load().Output("sarif-file", "validate", validate)));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.True(File.Exists(Path.Combine(repository.RunnerTemp, "evidence-tool", "evidence")));
    }

    [Fact]
    public void A_version_not_in_the_folder_is_not_looked_up_anywhere_else()
    {
        var install = repository.RunStep("install", "pull_request", new Dictionary<string, string> { ["package-source"] = tool.Folder, ["version"] = "0.0.0-no-such-build" });

        Assert.NotEqual(0, install.ExitCode);
        // The folder is the only feed: not found there is not found.
        Assert.Contains("Version 0.0.0-no-such-build of package evidencecatalog.cli is not found in NuGet feeds " + tool.Folder + ".", install.Stdout + install.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repository.RunnerTemp, "evidence-tool", "evidence")));
        Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(repository.RunnerTemp, "_path_1")));
    }

    [Fact]
    public void Neither_a_version_nor_a_package_source_is_refused()
    {
        var install = repository.RunStep("install", "pull_request");

        Assert.Equal(2, install.ExitCode);
        Assert.Equal("::error title=evidence action::give the action 'version' (a NuGet version of EvidenceCatalog.Cli) or 'package-source' (a folder holding the packed .nupkg)\n", install.Stdout);
    }

    [Fact]
    public void A_package_source_without_the_package_is_refused_with_how_to_pack_it()
    {
        string empty = repository.Combine("empty-feed");
        Directory.CreateDirectory(empty);

        var install = repository.RunStep("install", "pull_request", new Dictionary<string, string> { ["package-source"] = empty });

        Assert.Equal(2, install.ExitCode);
        Assert.Equal($"::error title=evidence action::package-source '{empty}' holds no EvidenceCatalog.Cli.*.nupkg; pack it first: dotnet pack src/EvidenceCatalog.Cli -o '{empty}'\n", install.Stdout);
    }

    /// <summary>The CLI this test project was built with, packed once (no rebuild) into a folder of its own.</summary>
    public sealed class PackedTool : IDisposable
    {
        public PackedTool()
        {
            Folder = Path.Combine(Path.GetTempPath(), "evidence-action-pack-" + Guid.NewGuid().ToString("N"));
            string configuration = typeof(PackedTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in new[] { "pack", "src/EvidenceCatalog.Cli", "--no-build", "-c", configuration, "-o", Folder, "-p:Version=" + Version, "-nologo" })
            {
                start.ArgumentList.Add(argument);
            }

            using var pack = Process.Start(start)!;
            var errors = pack.StandardError.ReadToEndAsync();
            string output = pack.StandardOutput.ReadToEnd();
            pack.WaitForExit();
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack src/EvidenceCatalog.Cli failed:\n" + output + errors.Result);
            }
        }

        /// <summary>A version no release uses.</summary>
        public static string Version => "0.0.0-action-test";

        public string Folder { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
