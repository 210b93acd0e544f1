using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>The RFC 7638 thumbprint of a P-256 public key: SHA-256 over its JWK's required members in lexicographic order, base64url.</summary>
internal static class JwkThumbprint
{
    private const int CoordinateLength = 32;

    public static string Compute(ECDsa key)
    {
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        string jwk = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + Coordinate(point.X!) + "\",\"y\":\"" + Coordinate(point.Y!) + "\"}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(jwk)));
    }

    /// <summary>RFC 7518 §6.2.1.2: each coordinate is the full field size, leading zeros kept.</summary>
    private static string Coordinate(byte[] value)
    {
        if (value.Length >= CoordinateLength)
        {
            return Base64Url.EncodeToString(value);
        }

        byte[] padded = new byte[CoordinateLength];
        value.CopyTo(padded.AsSpan(CoordinateLength - value.Length));
        return Base64Url.EncodeToString(padded);
    }
}
