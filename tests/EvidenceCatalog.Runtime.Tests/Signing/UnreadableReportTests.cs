using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

public sealed class UnreadableReportTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{\"meta\": ")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("\"a string\"")]
    public void A_report_that_is_not_a_JSON_object_is_unreadable(string text)
    {
        using var key = VerificationKey.FromHmacKey(TestKeys.NewHmacKey());

        var result = ReportVerifier.Verify(System.Text.Encoding.UTF8.GetBytes(text), key);

        Assert.Equal(VerificationOutcome.Unreadable, result.Outcome);
        Assert.StartsWith("the report is ", result.Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_in_a_signed_report_is_unreadable()
    {
        using var sample = SignedSample.WithHmac();
        byte[] signed = (byte[])sample.Signed.Clone();
        signed[SampleReport.PositionsOfValue(signed, SampleReport.OrgId)[0]] = 0xFF;

        var result = sample.Verify(signed);

        Assert.Equal(VerificationOutcome.Unreadable, result.Outcome);
        Assert.Contains("not valid UTF-8", result.Reason, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"signatures\": {}}", "the 'signatures' member is an object, not an array of signatures")]
    [InlineData("{\"signatures\": [{\"algorithm\": \"ES256\"}]}", "signature 1 is not an object with string members 'algorithm', 'keyId' and 'value'")]
    [InlineData("{\"signatures\": [\"x\"]}", "signature 1 is not an object with string members 'algorithm', 'keyId' and 'value'")]
    public void A_malformed_signatures_member_fails_saying_what_is_wrong(string text, string reason)
    {
        using var key = VerificationKey.FromHmacKey(TestKeys.NewHmacKey());

        var result = ReportVerifier.Verify(System.Text.Encoding.UTF8.GetBytes(text), key);

        Assert.Equal(VerificationOutcome.Failed, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Signing_refuses_a_report_with_a_fraction()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());

        var exception = Assert.Throws<EvidenceCatalog.Runtime.Canonical.CanonicalJsonException>(() => ReportSigner.Sign("{\"ratio\": 0.5}"u8, key));

        Assert.Equal(EvidenceCatalog.Runtime.Canonical.CanonicalJsonError.NumberNotInteger, exception.Error);
    }

    [Fact]
    public void Signing_refuses_a_report_that_is_not_an_object()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());

        Assert.Throws<System.ArgumentException>(() => ReportSigner.Sign("[1]"u8, key));
    }
}
