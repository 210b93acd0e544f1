using System;
using System.IO;
using System.Runtime.InteropServices;

namespace EvidenceCatalog.Cli.Input;

/// <summary>What a path names once its symbolic links are followed.</summary>
internal enum FileType
{
    Regular,
    Directory,
    NamedPipe,
    CharacterDevice,
    BlockDevice,
    Socket,
    Missing,

    /// <summary>
    /// Where the type cannot be asked for (see <see cref="FileTypes.Of"/>): an entry that reports no length, which a
    /// named pipe, a device and a socket all do. It is never opened, and is read as an empty file.
    /// </summary>
    EmptyOrSpecial,
}

/// <summary>
/// The type of a file system entry, asked of the system before anything is opened: opening a named pipe blocks until
/// something writes to it (a FIFO named <c>*.yaml</c> hung <c>evidence validate</c>), and a device such as
/// <c>/dev/zero</c> never ends. .NET has no API for it (dotnet/runtime#85148), so on Linux this is <c>statx(2)</c>,
/// whose buffer layout is the same on every architecture.
/// </summary>
internal static class FileTypes
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int NoSuchFile = 2;

    private static bool statxMissing = !RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    public static FileType Of(string path)
    {
        if (!statxMissing)
        {
            try
            {
                return OfLinux(path);
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                // A C library older than glibc 2.28 (or musl 1.2.5): fall back to what .NET can tell.
                statxMissing = true;
            }
        }

        return OfAnySystem(path);
    }

    /// <summary>The type in words, for a diagnostic: "a named pipe (FIFO)".</summary>
    public static string InWords(FileType type) => type switch
    {
        FileType.Regular => "a regular file",
        FileType.Directory => "a folder",
        FileType.NamedPipe => "a named pipe (FIFO)",
        FileType.CharacterDevice => "a character device",
        FileType.BlockDevice => "a block device",
        FileType.Socket => "a socket",
        FileType.Missing => "nothing",
        _ => "an entry of unknown type",
    };

    private static FileType OfLinux(string path)
    {
        byte[] status = new byte[256];
        if (statx(AtCurrentDirectory, path, 0, StatxType, status) != 0)
        {
            int error = Marshal.GetLastPInvokeError();
            return error == NoSuchFile ? FileType.Missing : throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
        }

        return (BitConverter.ToUInt16(status, ModeOffset) & 0xF000) switch
        {
            0x8000 => FileType.Regular,
            0x4000 => FileType.Directory,
            0x1000 => FileType.NamedPipe,
            0x2000 => FileType.CharacterDevice,
            0x6000 => FileType.BlockDevice,
            0xC000 => FileType.Socket,
            _ => FileType.EmptyOrSpecial,
        };
    }

    private static FileType OfAnySystem(string path)
    {
        if (Directory.Exists(path))
        {
            return FileType.Directory;
        }

        var file = new FileInfo(path);
        return !file.Exists ? FileType.Missing : file.Length > 0 ? FileType.Regular : FileType.EmptyOrSpecial;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] status);
}
