using System;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Compiler.Schema;
using EvidenceCatalog.Generator.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Generator.Tests.Packaging;

/// <summary>
/// The packages work for a brand-new repository: pack the model, the generator and the runtime into a local folder
/// feed, then build new console projects that reference them and have catalogs/ and schemas/ of their own: one with
/// the generator alone, one a service that also runs the README's library snippet on the runtime package.
/// </summary>
public sealed class PackAndConsumeTests : IClassFixture<PackAndConsumeTests.LocalFeed>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private readonly LocalFeed feed;

    public PackAndConsumeTests(LocalFeed feed) => this.feed = feed;

    [Fact]
    public void A_new_project_with_valid_catalogs_builds_and_runs_printing_typed_values()
    {
        string project = feed.NewConsumer("valid");

        var build = DotnetCli.Run(project, Timeout, "build", "-c", "Release");
        Assert.True(build.ExitCode == 0, build.ToString());

        var run = DotnetCli.Run(project, Timeout, "run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Stripe: Stripe, Inc. (Medium)", run.Output);
        Assert.Matches("fingerprint: [0-9a-f]{64}", run.Output);
    }

    [Fact]
    public void A_new_project_with_a_broken_vendor_fails_to_build_with_only_the_line_the_compiler_prints()
    {
        string project = feed.NewConsumer("broken");
        string vendors = Path.Combine(project, "catalogs", "vendors", "vendors.yaml");
        string text = File.ReadAllText(vendors);
        int at = text.IndexOf("risk: critical", StringComparison.Ordinal);
        File.WriteAllText(vendors, text.Substring(0, at) + "risk: severe" + text.Substring(at + "risk: critical".Length));

        var build = DotnetCli.Run(project, Timeout, "build", "-c", "Release");

        // The line `evidence validate` prints for the same files, help link included; MSBuild adds the project in brackets.
        var compiled = CatalogCompiler.Compile(
            Directory.EnumerateFiles(Path.Combine(project, "catalogs"), "*.yaml", SearchOption.AllDirectories).Select(p => new SourceFile(p, File.ReadAllText(p))),
            SchemaSet.Load(Directory.EnumerateFiles(Path.Combine(project, "schemas"), "*.json").Select(p => new SourceFile(p, File.ReadAllText(p)))),
            new CompilerOptions());
        string expected = Assert.Single(compiled.Diagnostics).ToString() + " [" + Path.Combine(project, "Consumer.csproj") + "]";
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("): error EC2006: 'risk' is 'severe', which is not allowed; use one of: critical, high, medium, low (", expected, StringComparison.Ordinal);
        var reported = build.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(" EC2006: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reported);
        Assert.All(reported, line => Assert.Equal(expected, line));

        // Program.cs uses VendorRegister.Stripe, which stayed valid: the catalog's error is the build's only error (no CS0117).
        var errors = build.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        Assert.All(errors, line => Assert.Equal(expected, line));
    }

    [Fact]
    public void A_service_on_the_runtime_package_runs_the_readme_library_snippet_and_pulls_in_no_database_driver()
    {
        string project = feed.NewConsumer("service", withRuntime: true);
        File.WriteAllText(Path.Combine(project, "EvidenceExample.cs"), ReadmeSnippet.LibraryApi());
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using System;
            using System.Collections.Generic;
            using System.Security.Cryptography;
            using System.Text.Json;
            using System.Threading.Tasks;
            using EvidenceCatalog.Runtime.Events;

            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            byte[] signed = await EvidenceExample.SignedReport(Events(), ecdsa.ExportPkcs8PrivateKeyPem(), ecdsa.ExportSubjectPublicKeyInfoPem());
            using var report = JsonDocument.Parse(signed);
            Console.WriteLine("IAM-01 evidence: " + report.RootElement.GetProperty("controls").GetProperty("IAM-01").GetProperty("evidenceCount").GetInt64());
            Console.WriteLine("signed: " + report.RootElement.GetProperty("signatures")[0].GetProperty("algorithm").GetString());

            static async IAsyncEnumerable<AuditEvent> Events()
            {
                for (int day = 0; day < 90; day++)
                {
                    await Task.Yield();
                    yield return new AuditEvent($"e{day}", new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero).AddDays(day), "policy.decision", "allow", "user:alice@northwind.example", "northwind-cloud");
                }
            }
            """);

        var build = DotnetCli.Run(project, Timeout, "build", "-c", "Release");
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = DotnetCli.Run(project, Timeout, "run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());

        Assert.Contains("IAM-01 evidence: 90", run.Output);
        Assert.Contains("signed: ES256", run.Output);
        string assets = File.ReadAllText(Path.Combine(project, "obj", "project.assets.json"));
        foreach (string absent in new[] { "Npgsql", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "EvidenceCatalog.Synthetic", "EvidenceCatalog.Stores." })
        {
            Assert.DoesNotContain("\"" + absent, assets, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_named_pipe_or_a_link_to_a_device_among_the_catalogs_fails_the_build_with_EC1016_instead_of_hanging_it()
    {
        // The C# compiler opens every input before the generator runs, and blocked for ever on the pipe.
        string project = feed.NewConsumer("special-files");
        FolderFixture.MakeNamedPipe(Path.Combine(project, "catalogs", "pipe.yaml"));
        File.CreateSymbolicLink(Path.Combine(project, "catalogs", "zero.yaml"), "/dev/zero");
        Directory.CreateSymbolicLink(Path.Combine(project, "catalogs", "controls", "up"), "..");

        var build = DotnetCli.Run(project, Timeout, "build", "-c", "Release");

        // The words and help page of evidence validate; the folder link adds no input (no id declared twice, EC3001).
        var rule = DiagnosticDescriptors.NotRegularFile;
        Assert.NotEqual(0, build.ExitCode);
        foreach (var (file, what) in new[] { ("pipe.yaml", "a named pipe (FIFO)"), ("zero.yaml", "a symbolic link to a character device ('/dev/zero')") })
        {
            string line = Path.Combine(project, "catalogs", file) + "(1,1): error EC1016: " + string.Format(CultureInfo.InvariantCulture, rule.MessageFormat, what) + " (" + rule.HelpUri + ")";
            Assert.Contains(line, build.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(" EC3001", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Packages_carry_readme_licence_urls_and_tags_and_pack_without_a_warning()
    {
        foreach (var (project, output) in feed.PackOutputs)
        {
            Assert.False(output.Contains("warning", StringComparison.OrdinalIgnoreCase), "dotnet pack " + project + " warned:" + Environment.NewLine + output);
        }

        foreach (string id in new[] { "EvidenceCatalog.Model", "EvidenceCatalog.Generator", "EvidenceCatalog.Runtime" })
        {
            using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed.Feed, id + "." + LocalFeed.Version + ".nupkg"));
            using var nuspecStream = package.GetEntry(id + ".nuspec")!.Open();
            var metadata = System.Xml.Linq.XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;

            Assert.Equal("MIT", Value("license"));
            Assert.Equal("README.md", Value("readme"));
            Assert.NotNull(package.GetEntry("README.md"));
            Assert.StartsWith("https://", Value("projectUrl"), StringComparison.Ordinal);
            Assert.StartsWith("https://", metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value, StringComparison.Ordinal);
            Assert.Contains("soc2", Value("tags").Split(' '));
            Assert.False(string.IsNullOrWhiteSpace(Value("description")), id + " has no description");
        }
    }

    /// <summary>The packages, packed once for the test class into a temporary folder feed.</summary>
    public sealed class LocalFeed : IDisposable
    {
        public LocalFeed()
        {
            Directory = Path.Combine(Path.GetTempPath(), "evidence-pack-" + Guid.NewGuid().ToString("N"));
            Feed = Path.Combine(Directory, "feed");
            System.IO.Directory.CreateDirectory(Feed);
            foreach (string project in new[] { "src/EvidenceCatalog.Model", "src/EvidenceCatalog.Generator", "src/EvidenceCatalog.Runtime" })
            {
                var pack = DotnetCli.Run(RepositoryFiles.Root, Timeout, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version);
                if (pack.ExitCode != 0)
                {
                    throw new InvalidOperationException("dotnet pack " + project + " failed:" + Environment.NewLine + pack);
                }

                PackOutputs.Add(project, pack.Output);
            }
        }

        /// <summary>What <c>dotnet pack</c> printed for each project.</summary>
        public System.Collections.Generic.Dictionary<string, string> PackOutputs { get; } = [];

        /// <summary>A version no real release uses, so a package cache can never hand back another build.</summary>
        public static string Version { get; } = "0.0.0-pack-test";

        public string Directory { get; }

        public string Feed { get; }

        /// <summary>
        /// A new console project referencing the generator package (and the runtime package, <paramref name="withRuntime"/>),
        /// with a copy of the sample catalogs and schemas; a service's catalogs go in the namespace the README uses.
        /// </summary>
        public string NewConsumer(string name, bool withRuntime = false)
        {
            string project = Path.Combine(Directory, name);
            System.IO.Directory.CreateDirectory(project);
            Copy(Path.Combine(RepositoryFiles.Root, "catalogs"), Path.Combine(project, "catalogs"));
            Copy(Path.Combine(RepositoryFiles.Root, "schemas"), Path.Combine(project, "schemas"));
            File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RootNamespace>Consumer</RootNamespace>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <RestorePackagesPath>{Path.Combine(Directory, "packages")}</RestorePackagesPath>
                    {(withRuntime ? "<EvidenceCatalogNamespace>EvidenceCatalog.Catalogs</EvidenceCatalogNamespace>" : string.Empty)}
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="EvidenceCatalog.Generator" Version="{Version}" />
                    {(withRuntime ? $"<PackageReference Include=\"EvidenceCatalog.Runtime\" Version=\"{Version}\" />" : string.Empty)}
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="evidence-local" value="{Feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(project, "Program.cs"), """
                using System;

                Console.WriteLine($"Stripe: {Consumer.VendorRegister.Stripe.Name} ({Consumer.VendorRegister.Stripe.Risk})");
                Console.WriteLine($"fingerprint: {Consumer.CatalogInfo.Fingerprint}");
                """);

            // Keep the repository's Directory.Build.props and Directory.Packages.props out of the consumer's build.
            File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project />");
            return project;
        }

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is not worth failing a test run for.
            }
        }

        private static void Copy(string from, string to)
        {
            foreach (string file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(to, Path.GetRelativePath(from, file));
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
