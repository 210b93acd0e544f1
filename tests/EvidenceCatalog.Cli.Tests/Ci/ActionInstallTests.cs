using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
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
    public void The_action_installs_the_ReadyToRun_package_of_this_machines_runtime_identifier()
    {
        var install = repository.RunStep("install", "pull_request", new Dictionary<string, string> { ["package-source"] = tool.Folder });

        Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);
        // dotnet tool install unpacked the package for this machine, the RID-specific one, and not the portable `any`.
        string store = Path.Combine(repository.RunnerTemp, "evidence-tool", ".store", "evidencecatalog.cli", PackedTool.Version);
        Assert.Equal(["evidencecatalog.cli", "evidencecatalog.cli." + PackedTool.RuntimeIdentifier], Directory.GetDirectories(store).Select(directory => Path.GetFileName(directory)).Order(StringComparer.Ordinal));
        string folder = Path.Combine(store, "evidencecatalog.cli." + PackedTool.RuntimeIdentifier, PackedTool.Version, "tools", "net10.0", PackedTool.RuntimeIdentifier);
        // Every assembly of the tool, ours and its dependencies, carries native code for this platform.
        string[] assemblies = Directory.GetFiles(folder, "*.dll").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        Assert.Subset(new HashSet<string>(assemblies), new HashSet<string> { "evidence.dll", "EvidenceCatalog.Compiler.dll", "EvidenceCatalog.Runtime.dll", "YamlDotNet.dll", "NJsonSchema.dll", "Newtonsoft.Json.dll", "System.CommandLine.dll" });
        Assert.All(assemblies, assembly => Assert.True(IsReadyToRun(Path.Combine(folder, assembly)), assembly + " holds no ReadyToRun code"));
        // The check tells the two apart: the build the other tests run (no RID) is IL only.
        Assert.False(IsReadyToRun(typeof(StartupProfile).Assembly.Location));
    }

    [Fact]
    public void A_package_source_with_only_a_runtime_specific_package_is_refused_with_how_to_pack_it()
    {
        // dotnet tool install looks for the package that points at the RID-specific ones; without it, it finds no tool.
        string partial = repository.Combine("partial-feed");
        Directory.CreateDirectory(partial);
        string ridPackage = $"EvidenceCatalog.Cli.{PackedTool.RuntimeIdentifier}.{PackedTool.Version}.nupkg";
        File.Copy(Path.Combine(tool.Folder, ridPackage), Path.Combine(partial, ridPackage));

        var install = repository.RunStep("install", "pull_request", new Dictionary<string, string> { ["package-source"] = partial });

        Assert.Equal(2, install.ExitCode);
        Assert.Equal($"::error title=evidence action::package-source '{partial}' holds no EvidenceCatalog.Cli.VERSION.nupkg; pack it first: dotnet pack src/EvidenceCatalog.Cli -o '{partial}'\n", install.Stdout);
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
        Assert.Equal($"::error title=evidence action::package-source '{empty}' holds no EvidenceCatalog.Cli.VERSION.nupkg; pack it first: dotnet pack src/EvidenceCatalog.Cli -o '{empty}'\n", install.Stdout);
    }

    /// <summary>An R2R image's managed native header is the READYTORUN_HEADER, which starts with the signature "RTR" (0x00525452).</summary>
    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        var header = reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory;
        return header is { Size: >= 4 } && reader.GetSectionData(header.Value.RelativeVirtualAddress).GetReader().ReadUInt32() == 0x00525452;
    }

    /// <summary>
    /// The CLI of this test project's configuration, packed once into a folder of its own as `dotnet pack` packs it: the
    /// package pointing at the RID-specific ones, and of those the one for this machine and the portable `any` (the others
    /// cannot run here, and each is one more ReadyToRun compilation). The RID-specific packages are built by the pack
    /// itself (a build of this project has no RID); the version is the package's alone, so the assemblies the other tests
    /// run are not rebuilt.
    /// </summary>
    public sealed class PackedTool : IDisposable
    {
        public PackedTool()
        {
            Folder = Path.Combine(Path.GetTempPath(), "evidence-action-pack-" + Guid.NewGuid().ToString("N"));
            string configuration = typeof(PackedTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path };
            foreach (string argument in new[] { "pack", "src/EvidenceCatalog.Cli", "-c", configuration, "-o", Folder, "-p:PackageVersion=" + Version, $"-p:ToolPackageRuntimeIdentifiers=\"{RuntimeIdentifier};any\"", "-nologo" })
            {
                start.ArgumentList.Add(argument);
            }

            var pack = ChildProcess.Run(start);
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack src/EvidenceCatalog.Cli failed:\n" + pack.Stdout + pack.Stderr);
            }
        }

        /// <summary>A version no release uses.</summary>
        public static string Version => "0.0.0-action-test";

        /// <summary>This machine's runtime identifier, e.g. linux-x64.</summary>
        public static string RuntimeIdentifier => RuntimeInformation.RuntimeIdentifier;

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
