using System;
using System.Security.Cryptography;
using System.Text.Json;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

public sealed class SignatureValueTests
{
    [Fact]
    public void A_DER_signature_is_refused_saying_so_and_how_to_convert_it()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var key = EcdsaSigningKey.FromPem(ecdsa.ExportPkcs8PrivateKeyPem());
        using var publicKey = VerificationKey.FromPublicKeyPem(ecdsa.ExportSubjectPublicKeyInfoPem());
        byte[] signed = ReportSigner.Sign(SampleReport.Bytes, key);
        byte[] canonical = JsonCanonicalizer.Canonicalize(signed, CanonicalJsonOptions.SignedReport);
        byte[] der;
        do
        {
            // A DER signature is 64 bytes only by rare chance; such a one would be read as r||s.
            der = ecdsa.SignData(canonical, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        while (der.Length == 64);

        var result = ReportVerifier.Verify(SampleReport.Replace(signed, ValueOf(signed), Convert.ToBase64String(der)), publicKey);

        Assert.Equal(VerificationOutcome.Failed, result.Outcome);
        Assert.StartsWith("the ES256 signature is DER-encoded", result.Reason, StringComparison.Ordinal);
        Assert.Contains("IEEE P1363 r||s, 64 bytes", result.Reason, StringComparison.Ordinal);
        Assert.Contains("openssl asn1parse", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ES256_value_of_the_wrong_length_is_refused()
    {
        using var sample = SignedSample.WithEcdsa();

        var result = sample.VerifyReplaced(ValueOf(sample.Signed), Convert.ToBase64String(new byte[63]));

        Assert.Equal("the ES256 signature is 63 bytes; it must be 64 (r||s, IEEE P1363)", result.Reason);
    }

    [Theory]
    [InlineData(20, "the HMAC-SHA256 signature is 20 bytes; it must be 32")]
    [InlineData(-1, "the signature value is not base64")]
    public void An_HMAC_value_of_the_wrong_length_or_not_base64_is_refused(int length, string reason)
    {
        using var sample = SignedSample.WithHmac();

        var result = sample.VerifyReplaced(ValueOf(sample.Signed), length < 0 ? "not*base64" : Convert.ToBase64String(new byte[length]));

        Assert.Equal(VerificationOutcome.Failed, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void A_flipped_bit_in_the_value_does_not_match()
    {
        using var sample = SignedSample.WithHmac();
        byte[] value = Convert.FromBase64String(ValueOf(sample.Signed));
        value[^1] ^= 1;

        var result = sample.VerifyReplaced(ValueOf(sample.Signed), Convert.ToBase64String(value));

        Assert.Equal(ReportVerifier.MismatchReason, result.Reason);
    }

    internal static string ValueOf(byte[] signed)
    {
        using var document = JsonDocument.Parse(signed);
        return document.RootElement.GetProperty("signatures")[0].GetProperty("value").GetString()!;
    }
}
