using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>The access catalog's role mappings (group of an identity system → role) reach the model and its fingerprint.</summary>
public sealed class RoleMappingTests
{
    private static CompilationResult Compile(IEnumerable<SourceFile> files) =>
        CatalogCompiler.Compile(files, RepositoryFiles.Schemas.Value, new CompilerOptions { AsOf = new CalendarDate(2026, 11, 23) });

    private static IReadOnlyList<SourceFile> WithAccessText(Func<string, string> edit) =>
        RepositoryFiles.SampleCatalogs().Select(f => f.Path.EndsWith("access-model.yaml", StringComparison.Ordinal) ? f with { Text = edit(f.Text) } : f).ToList();

    private static string WithoutMappings(string text) => text[..text.IndexOf("# Which groups of the identity systems", StringComparison.Ordinal)];

    [Fact]
    public void The_sample_mappings_are_read_with_their_system_group_and_role()
    {
        var result = Compile(RepositoryFiles.SampleCatalogs());

        Assert.True(result.Succeeded);
        Assert.Contains(new RoleMapping(IdentitySystem.Aws, "<root_account>", "owner"), result.Model.RoleMappings);
        Assert.Contains(new RoleMapping(IdentitySystem.GoogleWorkspace, "/Engineering", "member"), result.Model.RoleMappings);
        Assert.Equal(new RoleMapping(IdentitySystem.Okta, "Executives", "owner"), result.Model.RoleMappings[0]);
    }

    [Fact]
    public void A_catalog_without_mappings_keeps_its_fingerprint_whether_the_list_is_absent_or_empty()
    {
        var absent = Compile(WithAccessText(WithoutMappings));
        var empty = Compile(WithAccessText(t => WithoutMappings(t) + "roleMappings: []\n"));

        Assert.True(absent.Succeeded);
        Assert.Empty(absent.Model.RoleMappings);
        Assert.Equal(absent.Model.Fingerprint, empty.Model.Fingerprint);
        Assert.NotEqual(absent.Model.Fingerprint, Compile(RepositoryFiles.SampleCatalogs()).Model.Fingerprint);
    }

    [Fact]
    public void The_order_of_the_mappings_does_not_change_the_fingerprint()
    {
        var reordered = Compile(WithAccessText(t =>
        {
            var lines = t.Split('\n').ToList();
            int first = lines.FindIndex(l => l.StartsWith("  - { system:", StringComparison.Ordinal));
            int count = lines.Count(l => l.StartsWith("  - { system:", StringComparison.Ordinal));
            lines.Reverse(first, count);
            return string.Join('\n', lines);
        }));

        Assert.Equal(Compile(RepositoryFiles.SampleCatalogs()).Model.Fingerprint, reordered.Model.Fingerprint);
        Assert.NotEqual(Compile(RepositoryFiles.SampleCatalogs()).Model, reordered.Model);
    }
}
