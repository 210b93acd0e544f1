using EvidenceCatalog.Compiler.Diff.Findings;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests.Diff;

/// <summary>When <c>evidence diff</c> calls an encryption algorithm change a weakening (ECD007), and when it does not guess.</summary>
public sealed class AlgorithmStrengthTests
{
    [Theory]
    [InlineData("AES-256-GCM", "AES-128-GCM", "a smaller AES number")]
    [InlineData("TLS 1.3", "TLS 1.2", "a smaller TLS number")]
    [InlineData("TLS 1.3", "TLS 1.1", "TLS 1.1 is deprecated")]
    [InlineData("TLS 1.2", "TLS 1.0", "TLS 1.0 is deprecated")]
    [InlineData("TLS 1.2", "SSLv3", "SSL is deprecated")]
    [InlineData("RS512", "RS256", "a smaller RS number")]
    [InlineData("HMAC-SHA-256", "HMAC-SHA-1", "SHA-1 is deprecated")]
    [InlineData("SHA-256", "MD5", "MD5 is deprecated")]
    [InlineData("AES-256", "3DES", "3DES is deprecated")]
    [InlineData("AES-256", "Triple-DES", "3DES is deprecated")]
    [InlineData("AES-256-GCM", "RC4", "RC4 is deprecated")]
    public void A_weaker_algorithm_is_named_with_the_reason(string before, string after, string reason) =>
        Assert.Equal(reason, AlgorithmStrength.Weakening(before, after));

    [Theory]
    [InlineData("AES-128-GCM", "AES-256-GCM")]
    [InlineData("TLS 1.2", "TLS 1.3")]
    [InlineData("AES-256-GCM", "ChaCha20-Poly1305")]
    [InlineData("AES-256-GCM", "aes-256-gcm")]
    [InlineData("bcrypt", "Argon2id")]
    [InlineData("3DES", "DES-EDE3")]
    [InlineData("RS256 (JWT)", "ES256 (JWT)")]
    public void Other_changes_are_not_judged_weaker(string before, string after) =>
        Assert.Null(AlgorithmStrength.Weakening(before, after));
}
