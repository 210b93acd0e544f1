using System;
using System.IO;
using System.Linq;
using System.Runtime;
using EvidenceCatalog.Cli.Caching;

namespace EvidenceCatalog.Cli;

/// <summary>
/// The runtime's multi-core JIT (<see cref="ProfileOptimization"/>) for the <c>evidence</c> process: each command records
/// which methods its start compiled, in a profile under the user's cache folder, and the next run of the same command
/// compiles them on another core while the first one works. Most of a short command's start is compilation (the
/// catalogs' schemas, the compiler, the report), so on two cores the second and later runs start about a third sooner
/// (bench/README.md, "Start-up"). It only ever speeds things up: a folder that cannot be made or written leaves it off,
/// and <c>EVIDENCE_STARTUP_PROFILE=off</c> turns it off.
/// </summary>
internal static class StartupProfile
{
    /// <summary>The environment variable that names the profiles' folder, or turns them off with <c>off</c>.</summary>
    public const string Variable = "EVIDENCE_STARTUP_PROFILE";

    /// <summary>Starts recording (and playing back, when a profile exists) for the command <paramref name="args"/> runs.</summary>
    public static void Start(string[] args)
    {
        string? folder = Folder(Environment.GetEnvironmentVariable(Variable));
        if (folder is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(ProfileName(args));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // An optimisation: without a writable folder the command runs as it would have.
        }
    }

    /// <summary>The profiles' folder: the variable's value, else <c>$XDG_CACHE_HOME/evidence/startup</c> or <c>~/.cache/evidence/startup</c>; null when off or there is no home.</summary>
    internal static string? Folder(string? setting) => UserCache.Folder(setting, "startup");

    /// <summary>One profile per command (its first word, when it is a plain word), so that each plays back what it compiles.</summary>
    internal static string ProfileName(string[] args)
    {
        string command = args.Length > 0 && args[0].Length is > 0 and <= 32 && args[0].All(char.IsAsciiLetterLower) ? args[0] : "evidence";
        return command + ".jitprofile";
    }
}
