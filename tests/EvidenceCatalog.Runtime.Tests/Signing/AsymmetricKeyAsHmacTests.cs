using System;
using System.Security.Cryptography;
using System.Text;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

/// <summary>
/// A public key is no secret: taken as the HMAC key, it would let every auditor forge HMAC signatures. A PEM or DER key,
/// public or private, is therefore refused wherever an HMAC secret is expected — to sign and to verify.
/// </summary>
public sealed class AsymmetricKeyAsHmacTests
{
    public static TheoryData<string, string> AsymmetricKeys()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsa = RSA.Create(2048);
        var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=test", ecdsa, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));
        return new TheoryData<string, string>
        {
            { ecdsa.ExportSubjectPublicKeyInfoPem(), "a PEM -----BEGIN PUBLIC KEY-----" },
            { ecdsa.ExportPkcs8PrivateKeyPem(), "a PEM -----BEGIN PRIVATE KEY-----" },
            { ecdsa.ExportECPrivateKeyPem(), "a PEM -----BEGIN EC PRIVATE KEY-----" },
            { rsa.ExportRSAPublicKeyPem(), "a PEM -----BEGIN RSA PUBLIC KEY-----" },
            { certificate.ExportCertificatePem(), "a PEM -----BEGIN CERTIFICATE-----" },
            { "comment line\n" + ecdsa.ExportSubjectPublicKeyInfoPem() + "\n", "a PEM -----BEGIN PUBLIC KEY-----" },
        };
    }

    [Theory]
    [MemberData(nameof(AsymmetricKeys))]
    public void A_key_file_holding_a_PEM_key_or_certificate_is_refused_as_an_HMAC_key(string text, string held)
    {
        using var keys = new TestKeys();
        string path = keys.Write("key.pem", Encoding.ASCII.GetBytes(text));

        var refused = Assert.Throws<SigningKeyException>(() => HmacSigningKey.FromFile(path));
        var refusedToVerify = Assert.Throws<SigningKeyException>(() => VerificationKey.FromHmacKeyFile(path));

        Assert.StartsWith($"HMAC key file '{path}' holds {held}, not an HMAC secret: a public key is no secret", refused.Message, StringComparison.Ordinal);
        Assert.Equal(refused.Message, refusedToVerify.Message);
    }

    [Fact]
    public void A_DER_public_key_is_refused_from_bytes_and_from_the_environment()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] der = ecdsa.ExportSubjectPublicKeyInfo();
        string variable = "EVIDENCE_HMAC_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(der));
        try
        {
            var fromBytes = Assert.Throws<SigningKeyException>(() => HmacSigningKey.FromBytes(der));
            var fromEnvironment = Assert.Throws<SigningKeyException>(() => VerificationKey.FromHmacKeyEnvironment(variable));

            Assert.StartsWith("HMAC key holds a DER-encoded public key (SubjectPublicKeyInfo), not an HMAC secret", fromBytes.Message, StringComparison.Ordinal);
            Assert.StartsWith($"environment variable {variable} holds a DER-encoded public key", fromEnvironment.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Random_secrets_are_never_taken_for_keys()
    {
        for (int i = 0; i < 2000; i++)
        {
            byte[] secret = RandomNumberGenerator.GetBytes(32 + (i % 33));
            secret[0] = 0x30; // the DER SEQUENCE tag, the one byte the check looks at first
            using var key = HmacSigningKey.FromBytes(secret);
        }
    }
}
