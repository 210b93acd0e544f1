using System;
using System.Security.Cryptography;
using System.Text.Json;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

/// <summary>The procedure an auditor follows without our tool: canonicalize without signatures, then an ordinary MAC or ECDSA check.</summary>
public sealed class ByHandVerificationTests
{
    [Fact]
    public void The_HMAC_value_is_HMAC_SHA256_of_the_canonical_report_without_signatures()
    {
        byte[] secret = TestKeys.NewHmacKey();
        using var key = HmacSigningKey.FromBytes(secret);
        byte[] signed = ReportSigner.Sign(SampleReport.Bytes, key);

        byte[] canonical = JsonCanonicalizer.Canonicalize(Without(signed, "signatures"));

        Assert.Equal(Convert.ToBase64String(HMACSHA256.HashData(secret, canonical)), Value(signed));
    }

    [Fact]
    public void The_ES256_value_is_a_P1363_ECDSA_SHA256_signature_of_the_canonical_report_without_signatures()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var key = EcdsaSigningKey.FromPem(ecdsa.ExportPkcs8PrivateKeyPem());
        byte[] signed = ReportSigner.Sign(SampleReport.Bytes, key);

        byte[] canonical = JsonCanonicalizer.Canonicalize(Without(signed, "signatures"));

        Assert.True(ecdsa.VerifyData(canonical, Convert.FromBase64String(Value(signed)), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void The_excluded_member_option_gives_the_same_bytes_as_removing_the_member()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        byte[] signed = ReportSigner.Sign(SampleReport.Bytes, key);

        Assert.Equal(JsonCanonicalizer.Canonicalize(Without(signed, "signatures")), JsonCanonicalizer.Canonicalize(signed, CanonicalJsonOptions.SignedReport));
    }

    /// <summary>The report re-written without one top-level member, as jq 'del(.signatures)' would.</summary>
    private static byte[] Without(byte[] json, string member)
    {
        using var document = JsonDocument.Parse(json);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name != member)
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private static string Value(byte[] signed)
    {
        using var document = JsonDocument.Parse(signed);
        return document.RootElement.GetProperty("signatures")[0].GetProperty("value").GetString()!;
    }
}
