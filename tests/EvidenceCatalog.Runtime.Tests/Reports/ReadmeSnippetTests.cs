using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Reports;

/// <summary>The library snippet in the README compiles against the runtime and does what it says.</summary>
public sealed class ReadmeSnippetTests
{
    [Fact]
    public async Task Readme_library_snippet_compiles_runs_and_returns_a_verified_report()
    {
        string source = ReadmeSnippet.LibraryApi();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat([typeof(Jobs.ReportJob).Assembly.Location, typeof(GeneratedEvidenceCatalog).Assembly.Location, typeof(Model.CatalogModel).Assembly.Location])
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var method = Assembly.Load(image.ToArray()).GetType("EvidenceExample")!.GetMethod("SignedReport")!;
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var task = (Task<byte[]>)method.Invoke(null, [Events(), ecdsa.ExportPkcs8PrivateKeyPem(), ecdsa.ExportSubjectPublicKeyInfoPem()])!;
        byte[] signed = await task;

        using var report = JsonDocument.Parse(signed);
        Assert.Equal(90, report.RootElement.GetProperty("controls").GetProperty("IAM-01").GetProperty("evidenceCount").GetInt64());
        Assert.Equal("ES256", report.RootElement.GetProperty("signatures")[0].GetProperty("algorithm").GetString());
    }

    private static async IAsyncEnumerable<AuditEvent> Events([EnumeratorCancellation] System.Threading.CancellationToken cancellationToken = default)
    {
        for (int day = 0; day < 90; day++)
        {
            await Task.Yield();
            yield return new AuditEvent($"e{day}", new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero).AddDays(day), "policy.decision", "allow", "user:alice@northwind.example", "northwind-cloud");
        }
    }
}
