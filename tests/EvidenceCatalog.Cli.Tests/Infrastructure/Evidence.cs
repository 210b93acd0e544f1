using System;
using System.IO;

namespace EvidenceCatalog.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of the CLI produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard output split into lines, without the final empty one.</summary>
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs <c>evidence</c> in process with an explicit working directory, so no test depends on the process's own.</summary>
internal static class Evidence
{
    public static CliResult Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, TimeProvider.System, args);

    public static CliResult Run(string workingDirectory, TimeProvider clock, params string[] args) =>
        RunWithCatalogCache(workingDirectory, clock, catalogCache: null, args);

    /// <summary>Runs as the process does, keeping compiled catalogs in <paramref name="catalogCache"/>.</summary>
    public static CliResult RunWithCatalogCache(string workingDirectory, TimeProvider clock, string? catalogCache, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int exitCode = EvidenceCli.Run(args, stdout, stderr, workingDirectory, clock, catalogCache);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
