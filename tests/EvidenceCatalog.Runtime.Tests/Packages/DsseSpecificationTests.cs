using System;
using System.Linq;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Signing.Dsse;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Packages;

/// <summary>
/// The envelope follows the DSSE specification (github.com/secure-systems-lab/dsse, protocol.md "Test Vectors"): its
/// pre-authentication encoding is the one the specification prints, and the specification's own ECDSA signature, made
/// by its reference implementation, verifies over our encoding.
/// </summary>
public sealed class DsseSpecificationTests
{
    private const string SpecificationType = "http://example.com/HelloWorld";

    [Fact]
    public void The_pre_authentication_encoding_is_the_specifications_vector()
    {
        Assert.Equal(
            "DSSEv1 29 http://example.com/HelloWorld 11 hello world",
            Encoding.ASCII.GetString(DssePreAuthentication.Encode(SpecificationType, "hello world"u8)));
    }

    [Fact]
    public void Lengths_are_byte_lengths_of_the_utf8_type_and_the_body()
    {
        Assert.Equal(Encoding.UTF8.GetBytes("DSSEv1 5 tÿpe 0 "), DssePreAuthentication.Encode("tÿpe", []));
    }

    [Fact]
    public void The_specifications_signature_verifies_over_our_encoding()
    {
        // protocol.md: ECDSA P-256, SHA-256, the signature as raw r||s; X and Y in decimal.
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Coordinate("46950820868899156662930047687818585632848591499744589407958293238635476079160"),
                Y = Coordinate("5640078356564379163099075877009565129882514886557779369047442380624545832820"),
            },
        });
        byte[] signature = Convert.FromBase64String("A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==");
        byte[] pae = DssePreAuthentication.Encode(SpecificationType, "hello world"u8);

        Assert.True(key.VerifyData(pae, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        // The same signature, DER-encoded as our envelopes hold it, passes our verifier under the key's thumbprint.
        byte[] der = ToDer(signature);
        using var verification = VerificationKey.FromPublicKeyPem(key.ExportSubjectPublicKeyInfoPem());
        var envelope = new DsseEnvelope(SpecificationType, Encoding.ASCII.GetBytes("hello world"), [new DsseSignature(verification.KeyId, der)]);
        Assert.True(DsseVerifier.Verify(envelope, verification).IsIntact);
        Assert.False(DsseVerifier.Verify(envelope with { Payload = Encoding.ASCII.GetBytes("hello world!") }, verification).IsIntact);
        Assert.False(DsseVerifier.Verify(envelope with { PayloadType = "http://example.com/Other" }, verification).IsIntact);
    }

    [Fact]
    public void A_raw_signature_in_an_envelope_is_refused_by_its_form()
    {
        using var signing = EcdsaSigningKey.FromPem(ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem());
        using var verification = signing.ToVerificationKey();
        var envelope = DsseEnvelope.Sign(DsseEnvelope.InTotoPayloadType, "{}"u8, [signing]);
        byte[] raw = FromDer(envelope.Signatures[0].Value);

        var result = DsseVerifier.Verify(envelope with { Signatures = [new DsseSignature(signing.KeyId, raw)] }, verification);

        Assert.False(result.IsIntact);
        Assert.StartsWith("the ES256 signature is 64 bytes, IEEE P1363 r||s; a DSSE envelope holds it DER-encoded", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_envelope_read_back_from_its_json_verifies_with_url_safe_base64_too()
    {
        using var signing = HmacSigningKey.FromBytes(RandomNumberGenerator.GetBytes(32));
        using var verification = signing.ToVerificationKey();
        var envelope = DsseEnvelope.Sign(DsseEnvelope.InTotoPayloadType, "{\"a\":\"+/?>>>\"}"u8, [signing]);
        static string UrlSafe(byte[] bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        string urlSafe = "{\"payloadType\":\"" + envelope.PayloadType + "\",\"payload\":\"" + UrlSafe(envelope.Payload)
            + "\",\"signatures\":[{\"keyid\":\"" + signing.KeyId + "\",\"sig\":\"" + UrlSafe(envelope.Signatures[0].Value) + "\"}]}";

        Assert.True(DsseVerifier.Verify(DsseEnvelope.TryParse(envelope.ToJson(), out _)!, verification).IsIntact);
        Assert.True(DsseVerifier.Verify(DsseEnvelope.TryParse(Encoding.UTF8.GetBytes(urlSafe), out _)!, verification).IsIntact);
    }

    private static byte[] Coordinate(string decimalText)
    {
        byte[] bytes = BigInteger.Parse(decimalText, System.Globalization.CultureInfo.InvariantCulture).ToByteArray(isUnsigned: true, isBigEndian: true);
        return new byte[32 - bytes.Length].Concat(bytes).ToArray();
    }

    private static byte[] ToDer(byte[] raw)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(raw.AsSpan(0, 32));
            writer.WriteIntegerUnsigned(raw.AsSpan(32, 32));
        }

        return writer.Encode();
    }

    private static byte[] FromDer(byte[] der)
    {
        var reader = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        byte[] r = reader.ReadIntegerBytes().ToArray().SkipWhile(b => b == 0).ToArray();
        byte[] s = reader.ReadIntegerBytes().ToArray().SkipWhile(b => b == 0).ToArray();
        return new byte[32 - r.Length].Concat(r).Concat(new byte[32 - s.Length]).Concat(s).ToArray();
    }
}
