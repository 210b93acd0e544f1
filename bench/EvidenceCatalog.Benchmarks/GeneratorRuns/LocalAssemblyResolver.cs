using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace EvidenceCatalog.Benchmarks.GeneratorRuns;

/// <summary>
/// Loads an assembly missing from the .deps.json from the application folder when it was copied there. The project
/// BenchmarkDotNet generates references this one, and with it the generator, whose GetTargetPath returns its analyzer
/// dependencies: EvidenceCatalog.Compiler.dll is copied but left out of that project's .deps.json (see
/// GeneratorReference.targets, which fixes it for this project's own build only).
/// </summary>
internal static class LocalAssemblyResolver
{
    [ModuleInitializer]
    internal static void Register() =>
        AssemblyLoadContext.Default.Resolving += static (context, name) =>
        {
            string path = Path.Combine(System.AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
}
