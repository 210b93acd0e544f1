using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using EvidenceCatalog.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EvidenceCatalog.Generator.Tests;

/// <summary>The pipeline caches: nothing re-runs without a change, one catalog edit re-runs that file's steps only.</summary>
public sealed class CachingTests
{
    private static readonly string[] Steps =
    {
        TrackingNames.InputFiles, TrackingNames.CatalogFiles, TrackingNames.SchemaSet, TrackingNames.Options,
        TrackingNames.LoadedCatalogFile, TrackingNames.LinkedCatalog, TrackingNames.Emission, TrackingNames.SourceModel,
        TrackingNames.Diagnostics,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_rerun_with_no_change_leaves_every_step_cached(bool withSources)
    {
        var harness = new GeneratorHarness().WithSampleCatalogs();
        if (withSources)
        {
            harness.WithCatalogs(SnapshotTests.SmallCatalog.Where(f => f.Path.EndsWith("sources.yaml", StringComparison.Ordinal)));
        }

        var host = GeneratorHarness.HostCompilation();
        var driver = harness.CreateDriver().RunGenerators(host);

        var rerun = driver.RunGenerators(host.Clone()).GetRunResult().Results.Single();

        AssertAllStepsTracked(rerun);
        foreach (string step in Steps)
        {
            Assert.All(Outputs(rerun, step), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + o.Reason));
        }
    }

    [Fact]
    public void Editing_a_csharp_file_reruns_nothing()
    {
        var harness = new GeneratorHarness().WithSampleCatalogs();
        var host = GeneratorHarness.HostCompilation();
        var driver = harness.CreateDriver().RunGenerators(host);

        var edited = host.ReplaceSyntaxTree(
            host.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("namespace Host { public static class Marker { public const int Edited = 1; } }", (CSharpParseOptions)host.SyntaxTrees.Single().Options, "Host.cs"));
        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in Steps)
        {
            Assert.All(Outputs(rerun, step), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + o.Reason));
        }
    }

    [Fact]
    public void Editing_one_catalog_file_reloads_that_file_only()
    {
        var harness = new GeneratorHarness().WithSampleCatalogs();
        var host = GeneratorHarness.HostCompilation();
        var driver = harness.CreateDriver().RunGenerators(host);

        var oldText = RepositoryFiles.SampleCatalogs().Single(f => f.Path.EndsWith("vendors.yaml", StringComparison.Ordinal));
        var changed = new GeneratorHarness.InMemoryAdditionalText(oldText.Path, oldText.Text.Replace("risk: critical", "risk: high"));
        var rerun = driver.ReplaceAdditionalText(harness.FileAt(oldText.Path), changed).RunGenerators(host).GetRunResult().Results.Single();

        var loads = Outputs(rerun, TrackingNames.LoadedCatalogFile).ToList();
        Assert.Single(loads, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(loads.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(IncrementalStepRunReason.Modified, Outputs(rerun, TrackingNames.LinkedCatalog).Single().Reason);
        Assert.All(Outputs(rerun, TrackingNames.SchemaSet), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void No_step_output_holds_a_roslyn_object()
    {
        var run = new GeneratorHarness().WithSampleCatalogs().Run();
        var result = run.Driver.GetRunResult().Results.Single();
        foreach (string step in Steps)
        {
            foreach (var output in Outputs(result, step))
            {
                AssertNoRoslynObject(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertAllStepsTracked(GeneratorRunResult result)
    {
        foreach (string step in Steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "step not tracked: " + step);
        }
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs) : Enumerable.Empty<(object, IncrementalStepRunReason)>();

    /// <summary>Walks an output's object graph: a Compilation, ISymbol, SyntaxNode, Location or AdditionalText in a cached model defeats caching.</summary>
    private static void AssertNoRoslynObject(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or AdditionalText,
            step + " holds a Roslyn object: " + type.FullName);
        if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true && value is not IncrementalStepRunReason)
        {
            Assert.Fail(step + " holds a Roslyn type: " + type.FullName);
        }

        if (value is IEnumerable items && value is not string)
        {
            foreach (object? item in items)
            {
                AssertNoRoslynObject(item, step, seen);
            }
        }

        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            // A lazily built cache (the SchemaSet behind SchemaSetInput) is not part of the value and not compared.
            if (field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(Lazy<>))
            {
                continue;
            }

            AssertNoRoslynObject(field.GetValue(value), step, seen);
        }
    }
}
