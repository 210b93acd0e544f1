using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EvidenceCatalog.Server.Security;

/// <summary>
/// The tokens requests are checked against, kept in step with the token file while the server runs, so that a revoked
/// token is refused and a new one accepted within seconds, without a restart.
/// </summary>
/// <remarks>
/// A file-system watcher says when to look at once; a check every <see cref="ServerOptions.TokenFileCheckInterval"/>
/// catches what watchers miss (network file systems, a file replaced by rename, a symbolic link swapped). A change is
/// taken only when the file reads the same twice <see cref="Settle"/> apart, so a file caught midway through an
/// in-place write is not taken. A malformed file is not loaded: the last good tokens stay, less any the file no longer
/// lists, so a mistake in one line locks nobody out and a token taken out of the file never keeps working.
/// </remarks>
internal sealed class TokenFileReloader(ServerOptions options, ILogger<TokenFileReloader> log) : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    // Never disposed: a watcher event may still arrive as the server stops, and a SemaphoreSlim whose wait handle is
    // never asked for holds nothing that needs disposing.
    private readonly SemaphoreSlim poked = new(0, int.MaxValue);
    private volatile ApiTokenFile current = options.Tokens;
    private volatile string? problem;

    // What the file held when last taken (loaded, or found malformed), and the problem it had then.
    private byte[]? takenHash;
    private string? takenProblem;

    // A change seen once, waiting to be seen again Settle later.
    private byte[]? pendingHash;
    private long pendingSince;

    /// <summary>The tokens in force.</summary>
    public ApiTokenFile Current => current;

    /// <summary>Why the tokens in force are not those of the file as it stands now, or null when they are.</summary>
    public string? Problem => problem;

    private string Path => options.Tokens.Path;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.TokenFileCheckInterval is not { } interval)
        {
            return;
        }

        using var watcher = Watch(interval);
        var wait = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await poked.WaitAsync(wait, stoppingToken).ConfigureAwait(false))
                {
                    while (poked.Wait(0))
                    {
                        // One look serves every event of a burst.
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            wait = Check() ?? interval;
        }
    }

    /// <summary>Looks at the file once; returns when to look again if a change is waiting to settle.</summary>
    private TimeSpan? Check()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Missing for a moment while an editor replaces it, or unreadable: neither says which tokens to drop.
            Report($"{Path}: the token file cannot be read ({exception.Message}); the {current.Tokens.Count} token(s) last loaded stay in force");
            return null;
        }

        byte[] hash = SHA256.HashData(bytes);
        if (takenHash is not null && hash.AsSpan().SequenceEqual(takenHash))
        {
            if (problem != takenProblem)
            {
                log.LogInformation("Token file {Path} is readable again, unchanged", Path);
                problem = takenProblem;
            }

            pendingHash = null;
            return null;
        }

        if (pendingHash is null || !hash.AsSpan().SequenceEqual(pendingHash))
        {
            pendingHash = hash;
            pendingSince = Stopwatch.GetTimestamp();
            return Settle;
        }

        var settling = Settle - Stopwatch.GetElapsedTime(pendingSince);
        if (settling > TimeSpan.Zero)
        {
            return settling;
        }

        pendingHash = null;
        takenHash = hash;
        Take(Lines(bytes));
        takenProblem = problem;
        return null;
    }

    /// <summary>The lines of the file's bytes, decoded as <see cref="File.ReadAllLines(string)"/> decodes them for the first load.</summary>
    private static List<string> Lines(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private void Take(List<string> lines)
    {
        var before = current;
        try
        {
            current = ApiTokenFile.Parse(Path, lines, options.Catalog.Model);
            problem = null;
        }
        catch (ApiTokenFileException exception)
        {
            current = before.KeepListed(lines);
            Report($"{exception.Message}; the file was not reloaded: {current.Tokens.Count} token(s) of the last good file that it still lists stay in force");
        }

        string added = Difference(current, before);
        string removed = Difference(before, current);
        if (added.Length + removed.Length > 0)
        {
            log.LogInformation("Token file {Path}: {Count} token(s) in force; added: {Added}; removed: {Removed}", Path, current.Tokens.Count, added.Length == 0 ? "none" : added, removed.Length == 0 ? "none" : removed);
        }
    }

    private void Report(string message)
    {
        if (message != problem)
        {
            log.LogWarning("{Problem}", message);
        }

        problem = message;
    }

    /// <summary>Who holds the tokens of <paramref name="of"/> that <paramref name="less"/> lacks, for the log (never a token).</summary>
    private static string Difference(ApiTokenFile of, ApiTokenFile less) =>
        string.Join("; ", of.Tokens.Where(t => !less.Tokens.Any(u => u.Sha256.AsSpan().SequenceEqual(t.Sha256)))
            .Select(t => $"{t.HashSuffix} ({t.User}, {t.Account}, {t.Role.Id})"));

    private FileSystemWatcher? Watch(TimeSpan interval)
    {
        string full = System.IO.Path.GetFullPath(Path);
        try
        {
            var watcher = new FileSystemWatcher(System.IO.Path.GetDirectoryName(full)!, System.IO.Path.GetFileName(full))
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            FileSystemEventHandler poke = (_, _) => poked.Release();
            watcher.Changed += poke;
            watcher.Created += poke;
            watcher.Deleted += poke;
            watcher.Renamed += (_, _) => poked.Release();
            watcher.Error += (_, _) => poked.Release();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            log.LogWarning("Not watching the token file {Path} ({Reason}); looking at it every {Seconds} s instead", Path, exception.Message, interval.TotalSeconds);
            return null;
        }
    }
}
