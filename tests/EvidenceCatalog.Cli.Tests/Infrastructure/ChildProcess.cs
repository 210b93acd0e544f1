using System.Diagnostics;

namespace EvidenceCatalog.Cli.Tests.Infrastructure;

/// <summary>A program run to its end as a child process, its standard output and error read whole (neither can fill up and block it).</summary>
internal static class ChildProcess
{
    public static (int ExitCode, string Stdout, string Stderr) Run(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
