using System.Text;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

public sealed class NotSignedTests
{
    [Fact]
    public void A_report_without_signatures_is_not_signed()
    {
        using var key = VerificationKey.FromHmacKey(TestKeys.NewHmacKey());

        var result = ReportVerifier.Verify(SampleReport.Bytes, key);

        Assert.Equal(VerificationOutcome.NotSigned, result.Outcome);
        Assert.Equal("report is not signed", result.Reason);
    }

    [Fact]
    public void Removing_the_signatures_leaves_a_report_that_is_not_signed()
    {
        using var sample = SignedSample.WithHmac();
        string signed = Encoding.UTF8.GetString(sample.Signed);
        int signatures = signed.IndexOf(",\n  \"signatures\"", System.StringComparison.Ordinal);

        var result = sample.Verify(Encoding.UTF8.GetBytes(signed[..signatures] + "\n}\n"));

        Assert.Equal(VerificationOutcome.NotSigned, result.Outcome);
        Assert.Equal("report is not signed", result.Reason);
    }

    [Fact]
    public void An_empty_signatures_array_is_not_signed()
    {
        using var key = VerificationKey.FromHmacKey(TestKeys.NewHmacKey());

        var result = ReportVerifier.Verify("{\"meta\":{},\"signatures\":[]}"u8, key);

        Assert.Equal(VerificationOutcome.NotSigned, result.Outcome);
        Assert.StartsWith("report is not signed", result.Reason, System.StringComparison.Ordinal);
    }
}
