using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using EvidenceCatalog.Runtime.Signing;

namespace EvidenceCatalog.Runtime.Workpaper;

/// <summary>The public half of an ES256 signing key as a JWK (RFC 7517/7518), for WebCrypto's importKey in the page.</summary>
internal static class PublicJwk
{
    private const int CoordinateLength = 32;

    /// <summary><c>{"crv":"P-256","kty":"EC","x":…,"y":…}</c>: the members RFC 7638 hashes into the key id, in its order.</summary>
    public static string Of(EcdsaSigningKey key)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.ExportPublicKeyPem());
        var point = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        return "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + Coordinate(point.X!) + "\",\"y\":\"" + Coordinate(point.Y!) + "\"}";
    }

    private static string Coordinate(byte[] value)
    {
        byte[] padded = new byte[CoordinateLength];
        value.CopyTo(padded.AsSpan(CoordinateLength - value.Length));
        return Base64Url.EncodeToString(padded);
    }
}
