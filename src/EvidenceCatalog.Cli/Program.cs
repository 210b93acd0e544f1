using System;
using EvidenceCatalog.Cli.Caching;

namespace EvidenceCatalog.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        StartupProfile.Start(args);
        return EvidenceCli.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory, TimeProvider.System, CompiledCatalogCache.FolderFromEnvironment());
    }
}
