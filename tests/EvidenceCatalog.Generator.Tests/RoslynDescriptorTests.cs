using System;
using System.IO;
using System.Linq;
using System.Reflection;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Generator.Diagnostics;
using EvidenceCatalog.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvidenceCatalog.Generator.Tests;

/// <summary>The generator's Roslyn descriptors are the one list of diagnostics, id for id, and its release files track them all.</summary>
public sealed class RoslynDescriptorTests
{
    [Fact]
    public void Every_diagnostic_of_the_list_has_one_roslyn_descriptor_of_the_same_name_id_and_wording()
    {
        var catalogFields = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(CatalogDiagnosticDescriptor))
            .ToDictionary(f => f.Name, f => (CatalogDiagnosticDescriptor)f.GetValue(null)!, StringComparer.Ordinal);
        var roslynFields = typeof(RoslynDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .ToDictionary(f => f.Name, f => (DiagnosticDescriptor)f.GetValue(null)!, StringComparer.Ordinal);

        Assert.Equal(catalogFields.Keys.Order(StringComparer.Ordinal), roslynFields.Keys.Order(StringComparer.Ordinal));
        Assert.All(catalogFields, pair =>
        {
            var (rule, roslyn) = (pair.Value, roslynFields[pair.Key]);
            Assert.Equal(
                (rule.Id, rule.Title, "EvidenceCatalog." + rule.Category, rule.Help, rule.HelpUri, rule.DefaultSeverity == CatalogDiagnosticSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning),
                (roslyn.Id, roslyn.Title.ToString(), roslyn.Category, roslyn.Description.ToString(), roslyn.HelpLinkUri, roslyn.DefaultSeverity));
            Assert.True(roslyn.IsEnabledByDefault);
        });
    }

    [Fact]
    public void The_release_files_list_every_id_with_its_category_and_severity()
    {
        string generator = Path.Combine(RepositoryFiles.Root, "src", "EvidenceCatalog.Generator");
        var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(f => File.ReadAllLines(Path.Combine(generator, f)))
            .Where(l => l.StartsWith("EC", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => (Id: c[0], Category: c[1], Severity: c[2]))
            .OrderBy(r => r.Id, StringComparer.Ordinal);

        Assert.Equal(
            DiagnosticDescriptors.All.Select(d => (d.Id, "EvidenceCatalog." + d.Category, d.DefaultSeverity.ToString())),
            rows);
    }
}
