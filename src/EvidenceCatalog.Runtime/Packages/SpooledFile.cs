using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace EvidenceCatalog.Runtime.Packages;

/// <summary>
/// A package file's bytes written before the package is, in a temporary file deleted when disposed (never held in
/// memory): for files that one read of the events writes side by side, while a package takes its files one at a time.
/// </summary>
internal sealed class SpooledFile : IDisposable
{
    private readonly FileStream file;

    public SpooledFile()
    {
        string path = Path.GetTempFileName();
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Where the bytes are written (not to be disposed).</summary>
    public Stream Output => file;

    /// <summary>The bytes written, copied to <paramref name="destination"/>.</summary>
    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        file.Position = 0;
        await file.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => file.Dispose();
}
