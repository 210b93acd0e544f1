using System;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace EvidenceCatalog.Generator.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI as a child process, bounded in time, capturing everything it prints.</summary>
internal static class DotnetCli
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => "exit " + ExitCode + Environment.NewLine + Output;
    }

    public static Result Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A child build must not inherit the test host's MSBuild node or telemetry settings.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = Task.Run(() => output.Append(process.StandardOutput.ReadToEnd()));
        var stderr = Task.Run(() => process.StandardError.ReadToEnd());
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " did not finish within " + timeout);
        }

        stdout.Wait();
        return new Result(process.ExitCode, output.ToString() + stderr.Result);
    }
}
