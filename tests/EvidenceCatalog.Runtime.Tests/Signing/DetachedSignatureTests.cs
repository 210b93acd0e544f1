using System;
using System.IO;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

public sealed class DetachedSignatureTests
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes(
        "control,criteria,evidenceCount,status\r\nAC-01,CC6.1;CC6.2,1234,ok\r\nVR-02,CC9.2,0,degraded\r\n\"quoted, comma\",CC1.1,7,ok\r\n");

    [Fact]
    public void An_intact_file_verifies_with_HMAC()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var verificationKey = key.ToVerificationKey();

        var signature = DetachedSigner.Sign(Csv, "report.csv", key);

        var result = DetachedVerifier.Verify(Csv, signature.ToJson(), verificationKey);
        Assert.True(result.IsIntact);
        Assert.Equal(key.KeyId, result.KeyId);
    }

    [Fact]
    public void An_intact_file_verifies_with_the_ES256_public_key()
    {
        using var keys = new TestKeys();
        using var key = keys.NewEcdsaKey(out var publicKey);
        using (publicKey)
        {
            var signature = DetachedSigner.Sign(Csv, "report.csv", key);

            Assert.True(DetachedVerifier.Verify(Csv, signature.ToJson(), publicKey).IsIntact);
        }
    }

    [Fact]
    public void One_byte_changed_anywhere_fails()
    {
        using var keys = new TestKeys();
        using var key = keys.NewEcdsaKey(out var publicKey);
        using (publicKey)
        {
            byte[] signatureJson = DetachedSigner.Sign(Csv, "report.csv", key).ToJson();
            for (int position = 0; position < Csv.Length; position += 7)
            {
                byte[] tampered = (byte[])Csv.Clone();
                tampered[position] ^= 0x01;

                var result = DetachedVerifier.Verify(tampered, signatureJson, publicKey);

                Assert.Equal(VerificationOutcome.Failed, result.Outcome);
                Assert.Contains("the file was changed or truncated after signing", result.Reason, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_truncated_file_fails()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var verificationKey = key.ToVerificationKey();
        byte[] signatureJson = DetachedSigner.Sign(Csv, "report.csv", key).ToJson();

        var result = DetachedVerifier.Verify(Csv.AsSpan(0, Csv.Length - 2), signatureJson, verificationKey);

        Assert.Equal(VerificationOutcome.Failed, result.Outcome);
        Assert.Contains("changed or truncated", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_sha256_with_an_intact_file_fails()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var verificationKey = key.ToVerificationKey();
        var signature = DetachedSigner.Sign(Csv, "report.csv", key);

        var result = DetachedVerifier.Verify(Csv, (signature with { Sha256 = new string('0', 64) }).ToJson(), verificationKey);

        Assert.Equal(VerificationOutcome.Failed, result.Outcome);
    }

    [Fact]
    public void A_forged_sha256_for_a_changed_file_fails_on_the_signature()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var verificationKey = key.ToVerificationKey();
        var signature = DetachedSigner.Sign(Csv, "report.csv", key);
        byte[] tampered = [.. Csv, (byte)'x'];
        string forged = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(tampered));

        var result = DetachedVerifier.Verify(tampered, (signature with { Sha256 = forged }).ToJson(), verificationKey);

        Assert.Equal(DetachedVerifier.MismatchReason, result.Reason);
    }

    [Fact]
    public void The_sig_file_names_algorithm_key_id_sha256_value_and_file()
    {
        byte[] secret = TestKeys.NewHmacKey();
        using var key = HmacSigningKey.FromBytes(secret);

        var signature = DetachedSigner.Sign(Csv, "/some/dir/report.csv", key);

        using var document = JsonDocument.Parse(signature.ToJson());
        var root = document.RootElement;
        Assert.Equal("HMAC-SHA256", root.GetProperty("algorithm").GetString());
        Assert.Equal(key.KeyId, root.GetProperty("keyId").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Csv)), root.GetProperty("sha256").GetString());
        Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(secret, Csv), Convert.FromBase64String(root.GetProperty("value").GetString()!));
        Assert.Equal("report.csv", root.GetProperty("file").GetString());
    }

    [Fact]
    public void Appending_in_chunks_while_streaming_gives_the_same_signature()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var signer = new DetachedSigner(key);
        for (int offset = 0; offset < Csv.Length; offset += 5)
        {
            signer.Append(Csv.AsSpan(offset, Math.Min(5, Csv.Length - offset)));
        }

        Assert.Equal(DetachedSigner.Sign(Csv, "report.csv", key), signer.Complete("report.csv"));
    }

    [Fact]
    public void A_file_on_disk_verifies_against_the_sig_next_to_it_and_is_not_signed_without_one()
    {
        using var keys = new TestKeys();
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var verificationKey = key.ToVerificationKey();
        string path = keys.Write("report.csv", Csv);

        Assert.Equal(VerificationOutcome.NotSigned, DetachedVerifier.VerifyFile(path, verificationKey).Outcome);

        File.WriteAllBytes(DetachedSignature.PathFor(path), DetachedSigner.SignFile(path, key).ToJson());
        Assert.True(DetachedVerifier.VerifyFile(path, verificationKey).IsIntact);

        File.WriteAllBytes(path, Csv.AsSpan(0, Csv.Length / 2).ToArray());
        Assert.Equal(VerificationOutcome.Failed, DetachedVerifier.VerifyFile(path, verificationKey).Outcome);
    }

    [Fact]
    public void An_unreadable_sig_file_is_unreadable()
    {
        using var key = VerificationKey.FromHmacKey(TestKeys.NewHmacKey());

        Assert.Equal(VerificationOutcome.Unreadable, DetachedVerifier.Verify(Csv, "{ not json"u8, key).Outcome);
        Assert.Equal(VerificationOutcome.Unreadable, DetachedVerifier.Verify(Csv, "{\"algorithm\":\"ES256\"}"u8, key).Outcome);
    }

    [Fact]
    public void Another_key_fails_naming_both_key_ids()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var other = VerificationKey.FromHmacKey(TestKeys.NewHmacKey());

        var result = DetachedVerifier.Verify(Csv, DetachedSigner.Sign(Csv, "report.csv", key).ToJson(), other);

        Assert.Equal("the file is signed with HMAC-SHA256 key " + key.KeyId + ", but the key given is " + other.KeyId, result.Reason);
    }
}
