using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

public sealed class MultipleKeyTests
{
    [Fact]
    public void Each_key_adds_one_signature_and_each_verifies()
    {
        using var keys = new TestKeys();
        using var hmac = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var hmacCheck = hmac.ToVerificationKey();
        using var ecdsa = keys.NewEcdsaKey(out var publicKey);
        using (publicKey)
        {
            byte[] signed = ReportSigner.Sign(SampleReport.Bytes, [hmac, ecdsa]);

            Assert.Equal([hmac.KeyId, ecdsa.KeyId], KeyIds(signed));
            Assert.True(ReportVerifier.Verify(signed, hmacCheck).IsIntact);
            Assert.True(ReportVerifier.Verify(signed, publicKey).IsIntact);
        }
    }

    [Fact]
    public void Signing_again_with_the_same_key_replaces_its_signature_and_keeps_the_others()
    {
        using var keys = new TestKeys();
        using var hmac = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var ecdsa = keys.NewEcdsaKey(out var publicKey);
        using (publicKey)
        {
            byte[] first = ReportSigner.Sign(SampleReport.Bytes, [ecdsa, hmac]);

            byte[] again = ReportSigner.Sign(first, ecdsa);

            Assert.Equal([ecdsa.KeyId, hmac.KeyId], KeyIds(again));
            Assert.True(ReportVerifier.Verify(again, publicKey).IsIntact);
        }
    }

    [Fact]
    public void A_second_key_added_later_leaves_the_first_signature_valid()
    {
        using var first = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var firstCheck = first.ToVerificationKey();
        using var second = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        using var secondCheck = second.ToVerificationKey();

        byte[] signed = ReportSigner.Sign(ReportSigner.Sign(SampleReport.Bytes, first), second);

        Assert.Equal([first.KeyId, second.KeyId], KeyIds(signed));
        Assert.True(ReportVerifier.Verify(signed, firstCheck).IsIntact);
        Assert.True(ReportVerifier.Verify(signed, secondCheck).IsIntact);
    }

    [Fact]
    public void No_keys_is_an_argument_error()
    {
        Assert.Throws<System.ArgumentException>(() => ReportSigner.Sign(SampleReport.Bytes, []));
    }

    private static string[] KeyIds(byte[] signed)
    {
        using var document = JsonDocument.Parse(signed);
        return [.. document.RootElement.GetProperty("signatures").EnumerateArray().Select(entry => entry.GetProperty("keyId").GetString()!)];
    }
}
