using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace EvidenceCatalog.Architecture.Tests;

/// <summary>The projects under <c>src/</c> as their project files declare them: project and package references, direct and transitive.</summary>
internal sealed class ProjectGraph
{
    private readonly Dictionary<string, (IReadOnlyList<string> Projects, IReadOnlyList<string> Packages)> projects;

    private ProjectGraph(Dictionary<string, (IReadOnlyList<string> Projects, IReadOnlyList<string> Packages)> projects)
    {
        this.projects = projects;
    }

    public static ProjectGraph Source { get; } = Load(Path.Combine(RepositoryRoot(), "src"));

    /// <summary>Every project's name.</summary>
    public IEnumerable<string> Names => projects.Keys.OrderBy(n => n, StringComparer.Ordinal);

    /// <summary>The projects and packages <paramref name="project"/> uses, through its project references too.</summary>
    public IReadOnlySet<string> Reaches(string project)
    {
        var reached = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!projects.TryGetValue(next, out var references))
            {
                throw new InvalidOperationException($"there is no project {next} under src/");
            }

            foreach (string package in references.Packages)
            {
                reached.Add(package);
            }

            foreach (string referenced in references.Projects.Where(reached.Add))
            {
                pending.Push(referenced);
            }
        }

        return reached;
    }

    private static ProjectGraph Load(string source)
    {
        var loaded = new Dictionary<string, (IReadOnlyList<string>, IReadOnlyList<string>)>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(source, "*.csproj", SearchOption.AllDirectories))
        {
            var project = XDocument.Load(file);
            var projectReferences = project.Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
                .ToList();
            var packageReferences = project.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToList();
            loaded.Add(Path.GetFileNameWithoutExtension(file), (projectReferences, packageReferences));
        }

        return new ProjectGraph(loaded);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EvidenceCatalog.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EvidenceCatalog.sln not found above " + AppContext.BaseDirectory);
    }
}
