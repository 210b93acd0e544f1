using System;
using System.Security.Cryptography;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

public sealed class EcdsaKeyTests
{
    [Fact]
    public void The_public_key_file_alone_verifies_an_ES256_report()
    {
        using var keys = new TestKeys();
        var (privatePath, publicPath) = keys.NewEcdsaKeyFiles();
        byte[] signed;
        using (var signingKey = EcdsaSigningKey.FromPemFile(privatePath))
        {
            signed = ReportSigner.Sign(SampleReport.Bytes, signingKey);
        }

        using var publicKey = VerificationKey.FromPublicKeyPemFile(publicPath);

        Assert.True(ReportVerifier.Verify(signed, publicKey).IsIntact);
    }

    [Fact]
    public void A_SEC1_EC_PRIVATE_KEY_with_EC_PARAMETERS_as_openssl_ecparam_writes_it_is_accepted()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string pem = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + ecdsa.ExportECPrivateKeyPem();

        using var key = EcdsaSigningKey.FromPem(pem);
        using var publicKey = VerificationKey.FromPublicKeyPem(ecdsa.ExportSubjectPublicKeyInfoPem());

        Assert.True(ReportVerifier.Verify(ReportSigner.Sign(SampleReport.Bytes, key), publicKey).IsIntact);
    }

    [Fact]
    public void A_key_on_another_curve_is_refused_for_signing_and_verifying()
    {
        using var keys = new TestKeys();
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        string privatePath = keys.Write("p384.pem", p384.ExportPkcs8PrivateKeyPem());
        string publicPath = keys.Write("p384.pub.pem", p384.ExportSubjectPublicKeyInfoPem());

        var signing = Assert.Throws<SigningKeyException>(() => EcdsaSigningKey.FromPemFile(privatePath));
        var verifying = Assert.Throws<SigningKeyException>(() => VerificationKey.FromPublicKeyPemFile(publicPath));

        Assert.StartsWith("private key file '" + privatePath + "' holds a key on ", signing.Message, StringComparison.Ordinal);
        Assert.Contains("ES256 needs a key on P-256", signing.Message, StringComparison.Ordinal);
        Assert.Contains("ES256 needs a key on P-256", verifying.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_key_given_as_the_public_key_is_refused_with_the_command_to_extract_it()
    {
        using var keys = new TestKeys();
        var (privatePath, _) = keys.NewEcdsaKeyFiles();

        var exception = Assert.Throws<SigningKeyException>(() => VerificationKey.FromPublicKeyPemFile(privatePath));

        Assert.Contains("give the public key (openssl pkey -in private.pem -pubout -out public.pem)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_given_for_signing_is_refused()
    {
        using var keys = new TestKeys();
        var (_, publicPath) = keys.NewEcdsaKeyFiles();

        var exception = Assert.Throws<SigningKeyException>(() => EcdsaSigningKey.FromPemFile(publicPath));

        Assert.Contains("signing needs the private key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_RSA_key_is_refused()
    {
        using var rsa = RSA.Create(2048);

        var signing = Assert.Throws<SigningKeyException>(() => EcdsaSigningKey.FromPem(rsa.ExportPkcs8PrivateKeyPem()));
        var verifying = Assert.Throws<SigningKeyException>(() => VerificationKey.FromPublicKeyPem(rsa.ExportSubjectPublicKeyInfoPem()));

        Assert.Contains("does not hold an EC private key", signing.Message, StringComparison.Ordinal);
        Assert.Contains("does not hold an EC public key", verifying.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_PEM_is_refused()
    {
        using var keys = new TestKeys();
        string path = keys.Write("empty.pem", "not a key\n");

        var exception = Assert.Throws<SigningKeyException>(() => VerificationKey.FromPublicKeyPemFile(path));

        Assert.Equal("public key file '" + path + "' holds no PEM data; expected a public key (-----BEGIN PUBLIC KEY-----)", exception.Message);
    }

    [Fact]
    public void An_encrypted_private_key_is_refused_with_how_to_decrypt_it()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string pem = ecdsa.ExportEncryptedPkcs8PrivateKeyPem("secret", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));

        var exception = Assert.Throws<SigningKeyException>(() => EcdsaSigningKey.FromPem(pem));

        Assert.Contains("encrypted keys are not supported", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signing_twice_gives_different_values_that_both_verify()
    {
        using var keys = new TestKeys();
        using var key = keys.NewEcdsaKey(out var publicKey);
        using (publicKey)
        {
            byte[] first = ReportSigner.Sign(SampleReport.Bytes, key);
            byte[] second = ReportSigner.Sign(SampleReport.Bytes, key);

            Assert.NotEqual(first, second);
            Assert.True(ReportVerifier.Verify(first, publicKey).IsIntact);
            Assert.True(ReportVerifier.Verify(second, publicKey).IsIntact);
        }
    }
}
