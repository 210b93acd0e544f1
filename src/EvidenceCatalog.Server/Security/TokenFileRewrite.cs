using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace EvidenceCatalog.Server.Security;

/// <summary>
/// The one way a token file is written: the new text goes into <c>FILE.lock</c>, which is flushed to disk and renamed
/// over the file. The rename is atomic, so a server reading the file sees the old lines or the new ones, never half a
/// write; and creating <c>FILE.lock</c> exclusively is also the lock, so two writers never lose each other's change
/// (as git does with <c>index.lock</c>).
/// </summary>
internal static class TokenFileRewrite
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>How long a writer waits for another one to finish before it gives up.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Replaces the lines of <paramref name="path"/> (null when it does not exist) with what <paramref name="change"/>
    /// returns; null leaves the file as it is. The file keeps its permissions; a new one is readable by its owner only.
    /// </summary>
    /// <exception cref="ApiTokenFileException">The file cannot be read or written, or another writer holds it too long.</exception>
    public static void Apply(string path, Func<IReadOnlyList<string>?, IReadOnlyList<string>?> change)
    {
        string lockPath = path + ".lock";
        var lockFile = Acquire(path, lockPath);
        bool renamed = false;
        try
        {
            // Read under the lock, so the change applies to what another writer may just have written.
            var lines = File.Exists(path) ? File.ReadAllLines(path) : null;
            if (change(lines) is not { } changed)
            {
                return;
            }

            using (var writer = new StreamWriter(lockFile, Utf8) { NewLine = "\n" })
            {
                foreach (string line in changed)
                {
                    writer.WriteLine(line);
                }

                writer.Flush();
                lockFile.Flush(flushToDisk: true);
            }

            if (lines is not null && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(lockPath, File.GetUnixFileMode(path));
            }

            File.Move(lockPath, path, overwrite: true);
            renamed = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ApiTokenFileException($"{path}: the token file cannot be written: {exception.Message}");
        }
        finally
        {
            lockFile.Dispose();
            if (!renamed)
            {
                File.Delete(lockPath);
            }
        }
    }

    private static FileStream Acquire(string path, string lockPath)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly; // never readable by others, not even for the moment before the rename
        }

        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, options);
            }
            catch (IOException exception) when (exception is not DirectoryNotFoundException and not PathTooLongException && DateTime.UtcNow < deadline)
            {
                // Taken by another writer, or released between our attempt and a look at it: wait and try again.
                Thread.Sleep(50);
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                throw new ApiTokenFileException(
                    $"{path}: another process is changing the token file ({lockPath} exists); if none is, an earlier change stopped midway: delete {lockPath} and try again");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new ApiTokenFileException($"{path}: the token file cannot be written: {exception.Message}");
            }
        }
    }
}
