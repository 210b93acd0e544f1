using System;
using System.Diagnostics;
using System.IO;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// The multi-core JIT profiles of the <c>evidence</c> process (<see cref="StartupProfile"/>): written per command into the
/// cache folder, played back by the next run without changing what it prints, and never in the way of a command.
/// </summary>
public sealed class StartupProfileTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "evidence-startup-" + Guid.NewGuid().ToString("N"));

    public StartupProfileTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_command_records_its_profile_and_the_next_run_plays_it_back_printing_the_same()
    {
        string profiles = Path.Combine(folder, "profiles");

        var first = Run(("EVIDENCE_STARTUP_PROFILE", profiles));
        string profile = Path.Combine(profiles, "validate.jitprofile");
        Assert.True(File.Exists(profile), first.Stdout + first.Stderr);
        Assert.True(new FileInfo(profile).Length > 0);
        var second = Run(("EVIDENCE_STARTUP_PROFILE", profiles));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Equal(string.Empty, second.Stderr);
    }

    [Fact]
    public void By_default_the_profiles_go_to_the_cache_folder_and_off_writes_none()
    {
        var byDefault = Run(("XDG_CACHE_HOME", Path.Combine(folder, "cache")), ("EVIDENCE_STARTUP_PROFILE", null));
        var off = Run(("XDG_CACHE_HOME", Path.Combine(folder, "off")), ("EVIDENCE_STARTUP_PROFILE", "off"));

        Assert.Equal(0, byDefault.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "cache", "evidence", "startup", "validate.jitprofile")));
        Assert.Equal(0, off.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(folder, "off")));
        Assert.Equal(byDefault.Stdout, off.Stdout);
    }

    [Fact]
    public void A_folder_that_cannot_be_made_leaves_the_command_as_it_was()
    {
        string blocked = Path.Combine(folder, "a-file");
        File.WriteAllText(blocked, "in the way");

        var run = Run(("EVIDENCE_STARTUP_PROFILE", Path.Combine(blocked, "profiles")));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("no errors", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_profile_changes_nothing_of_what_the_command_does()
    {
        // Two runs ending together can leave a profile half written; the runtime checks what it plays back.
        string profiles = Path.Combine(folder, "damaged");
        var clean = Run(("EVIDENCE_STARTUP_PROFILE", profiles));
        string profile = Path.Combine(profiles, "validate.jitprofile");
        byte[] recorded = File.ReadAllBytes(profile);
        var random = new Random(13);
        byte[] flipped = (byte[])recorded.Clone();
        for (int i = 0; i < 200; i++)
        {
            flipped[random.Next(16, flipped.Length)] = (byte)random.Next(256);
        }

        byte[] noise = new byte[recorded.Length];
        random.NextBytes(noise);
        foreach (byte[] damaged in new[] { recorded[..(recorded.Length / 3)], flipped, noise, [] })
        {
            File.WriteAllBytes(profile, damaged);

            var run = Run(("EVIDENCE_STARTUP_PROFILE", profiles));

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(clean.Stdout, run.Stdout);
            Assert.Equal(string.Empty, run.Stderr);
        }
    }

    [Theory]
    [InlineData(new[] { "report", "--events", "x" }, "report.jitprofile")]
    [InlineData(new string[0], "evidence.jitprofile")]
    [InlineData(new[] { "--help" }, "evidence.jitprofile")]
    [InlineData(new[] { "../../etc" }, "evidence.jitprofile")]
    public void Each_command_has_a_profile_of_its_own_named_by_a_plain_word(string[] args, string expected) =>
        Assert.Equal(expected, StartupProfile.ProfileName(args));

    private static (int ExitCode, string Stdout, string Stderr) Run(params (string Name, string? Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "evidence.dll"));
        start.ArgumentList.Add("validate");
        start.ArgumentList.Add(RepositoryRoot.Catalogs);
        start.ArgumentList.Add("--as-of");
        start.ArgumentList.Add(Scenarios.CleanAsOf);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return ChildProcess.Run(start);
    }
}
