using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace EvidenceCatalog.Architecture.Tests;

/// <summary>
/// The architecture, enforced: which project may use which. The project files are read (project and package
/// references, followed transitively), and the built assemblies' references are checked too, so that neither a
/// project file nor a stray reference can bring a forbidden dependency in.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] DatabaseDrivers = ["Npgsql", "Microsoft.Data.Sqlite", "SQLitePCLRaw.bundle_e_sqlite3"];

    [Fact]
    public void The_runtime_references_no_database_driver_no_store_package_and_nothing_synthetic()
    {
        var reached = ProjectGraph.Source.Reaches("EvidenceCatalog.Runtime");

        Assert.DoesNotContain(reached, r => DatabaseDrivers.Contains(r) || r.StartsWith("EvidenceCatalog.Stores.", StringComparison.Ordinal) || r == "EvidenceCatalog.Synthetic");
        AssertAssemblyDoesNotReference(typeof(Runtime.Jobs.ReportJob).Assembly, ["Npgsql", "Microsoft.Data.Sqlite", "EvidenceCatalog.Synthetic", "EvidenceCatalog.Stores.Sqlite", "EvidenceCatalog.Stores.PostgreSql"]);
    }

    [Fact]
    public void The_compiler_references_neither_the_runtime_nor_roslyn()
    {
        var reached = ProjectGraph.Source.Reaches("EvidenceCatalog.Compiler");

        Assert.DoesNotContain("EvidenceCatalog.Runtime", reached);
        Assert.DoesNotContain(reached, r => r.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        AssertAssemblyDoesNotReference(typeof(Compiler.CatalogCompiler).Assembly, ["EvidenceCatalog.Runtime", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp"]);
    }

    [Fact]
    public void The_model_references_nothing_but_the_base_class_library()
    {
        // System.Collections.Immutable is a package on netstandard2.0 and part of the BCL everywhere else.
        Assert.All(ProjectGraph.Source.Reaches("EvidenceCatalog.Model"), r => Assert.StartsWith("System.", r, StringComparison.Ordinal));
        Assert.All(
            typeof(Model.CatalogModel).Assembly.GetReferencedAssemblies(),
            a => Assert.True(a.Name is "netstandard" || a.Name!.StartsWith("System", StringComparison.Ordinal), $"the model references {a.Name}"));
    }

    [Fact]
    public void The_server_references_neither_the_cli_nor_a_database_driver()
    {
        var reached = ProjectGraph.Source.Reaches("EvidenceCatalog.Server");

        Assert.DoesNotContain("EvidenceCatalog.Cli", reached);
        Assert.DoesNotContain(reached, DatabaseDrivers.Contains);
        AssertAssemblyDoesNotReference(typeof(Server.EvidenceServer).Assembly, ["evidence", "Npgsql", "Microsoft.Data.Sqlite"]);
    }

    [Fact]
    public void Each_store_package_brings_only_its_own_driver()
    {
        var sqlite = ProjectGraph.Source.Reaches("EvidenceCatalog.Stores.Sqlite");
        var postgres = ProjectGraph.Source.Reaches("EvidenceCatalog.Stores.PostgreSql");

        Assert.Contains("Microsoft.Data.Sqlite", sqlite);
        Assert.DoesNotContain("Npgsql", sqlite);
        Assert.Contains("Npgsql", postgres);
        Assert.DoesNotContain("Microsoft.Data.Sqlite", postgres);
    }

    [Fact]
    public void Every_project_under_src_is_known_to_these_rules()
    {
        // A new project must be placed in the architecture on purpose: add a rule for it here.
        Assert.Equal(
            [
                "EvidenceCatalog.Catalogs", "EvidenceCatalog.Cli", "EvidenceCatalog.Compiler", "EvidenceCatalog.Generator", "EvidenceCatalog.Model",
                "EvidenceCatalog.Runtime", "EvidenceCatalog.Server", "EvidenceCatalog.Stores.PostgreSql", "EvidenceCatalog.Stores.Sqlite", "EvidenceCatalog.Synthetic",
            ],
            ProjectGraph.Source.Names);
    }

    private static void AssertAssemblyDoesNotReference(Assembly assembly, string[] forbidden)
    {
        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain(referenced, name => forbidden.Contains(name, StringComparer.Ordinal));
    }
}
