using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>Reads P-256 keys from PEM, with an error for each way a PEM file can be the wrong one.</summary>
internal static class EcdsaPem
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private const string MakeKey = "make a P-256 key with: openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out private.pem";

    public static EcdsaSigningKey ReadPrivateKey(string pem, string source)
    {
        var blocks = Blocks(pem);
        var keys = blocks.Where(b => b.Label is "PRIVATE KEY" or "EC PRIVATE KEY").ToList();
        if (keys.Count == 0)
        {
            throw new SigningKeyException(source + " " + Describe(blocks, wanted: "an EC private key (-----BEGIN PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)")
                + (blocks.Any(b => b.Label == "PUBLIC KEY") ? "; signing needs the private key" : "; " + MakeKey));
        }

        if (keys.Count > 1)
        {
            throw new SigningKeyException(source + " holds " + keys.Count.ToString(CultureInfo.InvariantCulture) + " private keys; give a file with exactly one");
        }

        var block = keys[0];
        return Import(
            source,
            "private key",
            key =>
            {
                if (block.Label == "PRIVATE KEY")
                {
                    key.ImportPkcs8PrivateKey(block.Der, out _);
                }
                else
                {
                    key.ImportECPrivateKey(block.Der, out _);
                }
            },
            key => new EcdsaSigningKey(key),
            "; " + MakeKey);
    }

    public static EcdsaVerificationKey ReadPublicKey(string pem, string source)
    {
        var blocks = Blocks(pem);
        var keys = blocks.Where(b => b.Label == "PUBLIC KEY").ToList();
        if (keys.Count != 1)
        {
            string advice = blocks.Any(b => b.Label.EndsWith("PRIVATE KEY", StringComparison.Ordinal))
                ? "; it holds a private key, which an auditor should not need: give the public key (openssl pkey -in private.pem -pubout -out public.pem)"
                : blocks.Any(b => b.Label == "CERTIFICATE")
                    ? "; it holds a certificate: extract its key with openssl x509 -in cert.pem -pubkey -noout > public.pem"
                    : string.Empty;
            throw new SigningKeyException(keys.Count > 1
                ? source + " holds " + keys.Count.ToString(CultureInfo.InvariantCulture) + " public keys; give a file with exactly one"
                : source + " " + Describe(blocks, wanted: "a public key (-----BEGIN PUBLIC KEY-----)") + advice);
        }

        var der = keys[0].Der;
        return Import(source, "public key", key => key.ImportSubjectPublicKeyInfo(der, out _), key => new EcdsaVerificationKey(key), string.Empty);
    }

    /// <summary>Imports into a new key, checks its curve and wraps it; the key is disposed if any step fails.</summary>
    private static T Import<T>(string source, string what, Action<ECDsa> import, Func<ECDsa, T> wrap, string advice)
    {
        var key = ECDsa.Create();
        try
        {
            import(key);
            CheckCurve(key, source);
            return wrap(key);
        }
        catch (CryptographicException exception)
        {
            key.Dispose();
            throw new SigningKeyException(source + " does not hold an EC " + what + " (" + exception.Message.TrimEnd('.') + ")" + advice, exception);
        }
        catch (SigningKeyException)
        {
            key.Dispose();
            throw;
        }
    }

    private static void CheckCurve(ECDsa key, string source)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1"))
        {
            return;
        }

        string name = curve.IsNamed ? curve.Oid.FriendlyName ?? curve.Oid.Value ?? "an unnamed curve" : "explicit curve parameters";
        throw new SigningKeyException(source + " holds a key on " + name + "; ES256 needs a key on P-256 (prime256v1, secp256r1); " + MakeKey);
    }

    private static string Describe(List<PemBlock> blocks, string wanted) =>
        blocks.Count == 0
            ? "holds no PEM data; expected " + wanted
            : "holds " + string.Join(", ", blocks.Select(b => "-----BEGIN " + b.Label + "-----")) + " but not " + wanted
                + (blocks.Any(b => b.Label == "ENCRYPTED PRIVATE KEY") ? "; encrypted keys are not supported: decrypt it with openssl pkcs8 -in encrypted.pem -out private.pem" : string.Empty);

    private static List<PemBlock> Blocks(string pem)
    {
        var blocks = new List<PemBlock>();
        var rest = pem.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            string label = rest[fields.Label].ToString();
            byte[] der = new byte[fields.DecodedDataLength];
            if (Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out int written))
            {
                blocks.Add(new PemBlock(label, der[..written]));
            }

            rest = rest[fields.Location.End..];
        }

        return blocks;
    }

    private sealed record PemBlock(string Label, byte[] Der);
}
