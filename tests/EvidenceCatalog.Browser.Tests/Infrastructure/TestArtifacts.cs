using System;
using System.IO;

namespace EvidenceCatalog.Browser.Tests.Infrastructure;

/// <summary>Where the browser tests leave what a person looks at (the first page's screenshot, the PDF): TestResults/workpaper/ of the checkout.</summary>
internal static class TestArtifacts
{
    public static string Folder { get; } = Find();

    public static string PathOf(string name) => Path.Combine(Folder, name);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EvidenceCatalog.sln")))
            {
                return Directory.CreateDirectory(Path.Combine(directory.FullName, "TestResults", "workpaper")).FullName;
            }
        }

        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "workpaper")).FullName;
    }
}
