using System;
using System.Globalization;
using System.Security.Cryptography;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>
/// An HMAC-SHA256 key: the organisation's shared secret, at least 32 bytes (the size of the SHA-256 output, so the MAC
/// is as strong as the hash). Its id is <c>hmac-</c> followed by the first 16 lower-case hex digits of
/// HMAC-SHA256(key, UTF-8 "EvidenceCatalog key id"): stable for the key, and revealing nothing of it.
/// </summary>
public sealed class HmacSigningKey : SigningKey
{
    /// <summary>The fewest bytes a key may have.</summary>
    public const int MinimumLength = 32;

    private readonly byte[] key;

    private HmacSigningKey(byte[] key)
    {
        this.key = key;
        KeyId = ComputeKeyId(key);
    }

    public override string Algorithm => SignatureAlgorithms.HmacSha256;

    public override string KeyId { get; }

    /// <summary>A key from its bytes (copied).</summary>
    /// <exception cref="SigningKeyException">The key is shorter than <see cref="MinimumLength"/> bytes, or is a PEM or DER public or private key.</exception>
    public static HmacSigningKey FromBytes(ReadOnlySpan<byte> key) => Create(key.ToArray(), "HMAC key");

    /// <summary>
    /// The key from a file: the file's exact bytes are the key, with nothing trimmed, so a trailing newline is part of it.
    /// Make one with <c>openssl rand -out hmac.key 32</c>.
    /// </summary>
    /// <exception cref="SigningKeyException">The file is missing or unreadable, shorter than 32 bytes, or a PEM or DER public or private key.</exception>
    public static HmacSigningKey FromFile(string path) =>
        Create(KeyFile.ReadBytes(path, "HMAC key"), "HMAC key file '" + path + "'");

    /// <summary>
    /// The key from an environment variable whose value is the key in base64 (standard alphabet, padding allowed, surrounding
    /// whitespace ignored), so that the secret never appears on a command line. Make one with <c>openssl rand -base64 32</c>.
    /// </summary>
    /// <exception cref="SigningKeyException">The variable is not set, not base64, or decodes to fewer than 32 bytes.</exception>
    public static HmacSigningKey FromEnvironment(string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        string source = "environment variable " + variable;
        string? value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SigningKeyException(source + " is not set; set it to the base64 of the HMAC key (e.g. from: openssl rand -base64 32)");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new SigningKeyException(source + " is not base64; it must hold the base64 of the HMAC key (e.g. from: openssl rand -base64 32)");
        }

        return Create(key, source);
    }

    /// <summary>The id of an HMAC key, as described on <see cref="HmacSigningKey"/>.</summary>
    public static string ComputeKeyId(ReadOnlySpan<byte> key)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, "EvidenceCatalog key id"u8, mac);
        return "hmac-" + Convert.ToHexStringLower(mac[..8]);
    }

    public override VerificationKey ToVerificationKey() => new HmacVerificationKey((byte[])key.Clone(), KeyId);

    internal override IncrementalHash CreateHash() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    internal override byte[] Sign(IncrementalHash hash) => hash.GetHashAndReset();

    protected override void Dispose(bool disposing)
    {
        CryptographicOperations.ZeroMemory(key);
        base.Dispose(disposing);
    }

    private static HmacSigningKey Create(byte[] key, string source)
    {
        if (AsymmetricKeyFile.Describe(key) is { } held)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new SigningKeyException(source + " holds " + held + ", not an HMAC secret: a public key is no secret, so anyone could make an"
                + " HMAC-SHA256 signature with it. The HMAC key is the organisation's shared secret (make one with: openssl rand -out hmac.key 32);"
                + " a PEM key belongs to ES256, given as the signing key or, to verify, as the public key");
        }

        if (key.Length < MinimumLength)
        {
            int length = key.Length;
            CryptographicOperations.ZeroMemory(key);
            throw new SigningKeyException(source + ": HMAC key is " + length.ToString(CultureInfo.InvariantCulture)
                + " bytes; at least 32 are required (make one with: openssl rand -out hmac.key 32)");
        }

        return new HmacSigningKey(key);
    }
}
