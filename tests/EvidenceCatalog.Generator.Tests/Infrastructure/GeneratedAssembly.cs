using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace EvidenceCatalog.Generator.Tests.Infrastructure;

/// <summary>
/// A compilation the generator produced, emitted and loaded into a context of its own, so a test can run the generated
/// code. Its references (EvidenceCatalog.Model above all) resolve to the test's own assemblies, so the records it
/// returns compare equal to the compiler's.
/// </summary>
internal sealed class GeneratedAssembly
{
    private readonly AssemblyLoadContext context;

    private GeneratedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        this.context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static GeneratedAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("the generated code does not compile: " + string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new GeneratedAssembly(context, context.LoadFromStream(image));
    }

    public void Unload() => context.Unload();
}
