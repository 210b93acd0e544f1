using System;

namespace EvidenceCatalog.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        StartupProfile.Start(args);
        return EvidenceCli.Run(args, Console.Out, Console.Error);
    }
}
