namespace EvidenceCatalog.Runtime.Signing;

/// <summary>The names of the signature algorithms, as written in a report's <c>signatures</c> and in a <c>.sig</c> file.</summary>
public static class SignatureAlgorithms
{
    /// <summary>HMAC with SHA-256 under the organisation's shared secret; the value is the 32-byte MAC.</summary>
    public const string HmacSha256 = "HMAC-SHA256";

    /// <summary>ECDSA on P-256 with SHA-256 (JWA ES256); the value is r||s, 64 bytes (IEEE P1363), never DER.</summary>
    public const string Es256 = "ES256";
}
