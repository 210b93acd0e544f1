using System;
using System.IO;
using System.Text;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>Reads key files, turning every failure into a <see cref="SigningKeyException"/> that names the file.</summary>
internal static class KeyFile
{
    /// <summary>Keys are a few hundred bytes; anything larger is the wrong file, read by mistake.</summary>
    private const long MaxLength = 64 * 1024;

    public static byte[] ReadBytes(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new SigningKeyException(what + " file '" + path + "' does not exist");
            }

            if (file.Length > MaxLength)
            {
                throw new SigningKeyException(what + " file '" + path + "' is " + file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + " bytes, too large for a key; is it the right file?");
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SigningKeyException("cannot read " + what + " file '" + path + "': " + exception.Message, exception);
        }
    }

    public static string ReadText(string path, string what) => Encoding.UTF8.GetString(ReadBytes(path, what));
}
