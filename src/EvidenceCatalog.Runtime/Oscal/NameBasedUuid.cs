using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EvidenceCatalog.Runtime.Oscal;

/// <summary>
/// Name-based UUIDs, version 5 (RFC 9562 section 5.5, as RFC 4122 section 4.3 defined them): SHA-1 over the namespace's
/// 16 bytes in network order followed by the name's UTF-8 bytes, the first 16 bytes of the hash kept, with the version
/// and variant bits set. The same namespace and name always give the same UUID.
/// </summary>
public static class NameBasedUuid
{
    /// <summary>The version 5 UUID of <paramref name="name"/> in <paramref name="namespaceId"/>, lower-case, hyphenated.</summary>
    public static string Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> space = stackalloc byte[16];
        if (!namespaceId.TryWriteBytes(space, bigEndian: true, out _))
        {
            throw new InvalidOperationException("a GUID is 16 bytes");
        }

        byte[] input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        space.CopyTo(input);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
#pragma warning disable CA5350 // RFC 9562 defines version 5 on SHA-1: an identifier, not a security use.
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return string.Create(36, hash[..16].ToArray(), static (chars, bytes) =>
        {
            int at = 0;
            for (int i = 0; i < 16; i++)
            {
                if (i is 4 or 6 or 8 or 10)
                {
                    chars[at++] = '-';
                }

                bytes[i].TryFormat(chars[at..], out int written, "x2", CultureInfo.InvariantCulture);
                at += written;
            }
        });
    }
}
