using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

public sealed class KeyIdTests
{
    [Fact]
    public void An_HMAC_key_id_is_hmac_and_16_hex_digits_of_a_MAC_over_a_fixed_label()
    {
        byte[] key = new byte[32];
        for (int index = 0; index < key.Length; index++)
        {
            key[index] = (byte)index;
        }

        using var signingKey = HmacSigningKey.FromBytes(key);

        // Computed independently: hmac.new(bytes(range(32)), b"EvidenceCatalog key id", sha256).hexdigest()[:16]
        Assert.Equal("hmac-a6f7d47e7fef9bc3", signingKey.KeyId);
        Assert.Matches(new Regex("^hmac-[0-9a-f]{16}$"), HmacSigningKey.ComputeKeyId(TestKeys.NewHmacKey()));
    }

    [Fact]
    public void An_ES256_key_id_is_the_RFC_7638_thumbprint_of_the_public_key()
    {
        using var key = EcdsaSigningKey.FromPem(TestKeys.FixedPrivateKeyPem);
        using var publicKey = VerificationKey.FromPublicKeyPem(key.ExportPublicKeyPem());

        Assert.Equal(TestKeys.FixedKeyThumbprint, key.KeyId);
        Assert.Equal(TestKeys.FixedKeyThumbprint, publicKey.KeyId);
    }

    [Fact]
    public void Another_HMAC_key_fails_naming_both_key_ids()
    {
        using var signingKey = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var otherKey = VerificationKey.FromHmacKey(TestKeys.NewHmacKey());

        var result = ReportVerifier.Verify(ReportSigner.Sign(SampleReport.Bytes, signingKey), otherKey);

        Assert.Equal(VerificationOutcome.Failed, result.Outcome);
        Assert.Equal("the report is signed with HMAC-SHA256 key " + signingKey.KeyId + ", but the key given is " + otherKey.KeyId, result.Reason);
    }

    [Fact]
    public void Another_public_key_fails_naming_both_key_ids()
    {
        using var sample = SignedSample.WithEcdsa();
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var strangerPublicKey = VerificationKey.FromPublicKeyPem(stranger.ExportSubjectPublicKeyInfoPem());

        var result = ReportVerifier.Verify(sample.Signed, strangerPublicKey);

        Assert.Equal(VerificationOutcome.Failed, result.Outcome);
        Assert.Equal("the report is signed with ES256 key " + sample.Key.KeyId + ", but the key given is " + strangerPublicKey.KeyId, result.Reason);
    }

    [Fact]
    public void A_key_id_forged_to_match_another_key_still_fails_on_the_signature()
    {
        using var sample = SignedSample.WithHmac();
        using var otherKey = VerificationKey.FromHmacKey(TestKeys.NewHmacKey());

        var result = ReportVerifier.Verify(SampleReport.Replace(sample.Signed, sample.Key.KeyId, otherKey.KeyId), otherKey);

        Assert.Equal(VerificationOutcome.Failed, result.Outcome);
        Assert.Equal(ReportVerifier.MismatchReason, result.Reason);
    }

    [Fact]
    public void A_signature_by_the_other_algorithm_is_named()
    {
        using var sample = SignedSample.WithHmac();
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var publicKey = VerificationKey.FromPublicKeyPem(ecdsa.ExportSubjectPublicKeyInfoPem());

        var result = ReportVerifier.Verify(sample.Signed, publicKey);

        Assert.Equal(VerificationOutcome.Failed, result.Outcome);
        Assert.Equal("the report has no ES256 signature; it is signed with HMAC-SHA256 key " + sample.Key.KeyId, result.Reason);
    }
}
