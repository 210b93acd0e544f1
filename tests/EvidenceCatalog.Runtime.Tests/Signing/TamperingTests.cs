using System.Collections.Generic;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

public sealed class TamperingTests
{
    public static IEnumerable<object[]> CoveredValues() =>
    [
        [SampleReport.OrgId],
        [SampleReport.WindowStart],
        [SampleReport.DegradedStatus],
    ];

    [Theory]
    [MemberData(nameof(CoveredValues))]
    public void One_byte_changed_anywhere_in_a_covered_value_fails_HMAC(string value)
    {
        using var sample = SignedSample.WithHmac();

        AssertEveryByteIsCovered(sample, value);
    }

    [Theory]
    [MemberData(nameof(CoveredValues))]
    public void One_byte_changed_anywhere_in_a_covered_value_fails_ES256(string value)
    {
        using var sample = SignedSample.WithEcdsa();

        AssertEveryByteIsCovered(sample, value);
    }

    [Theory]
    [InlineData("\"evidenceCount\": 1234", "\"evidenceCount\": 1235")]
    [InlineData("\"typeII\": true", "\"typeII\": false")]
    [InlineData("\"gaps\": []", "\"gaps\": [ \"2026-09-01\" ]")]
    [InlineData("\"negative\": -17", "\"negative\": 17")]
    [InlineData("\"reviewers\": 3", "\"reviewers\": 3, \"extra\": null")]
    [InlineData("\"summary\"", "\"Summary\"")]
    public void A_changed_number_literal_member_or_name_fails(string find, string replacement)
    {
        using var sample = SignedSample.WithHmac();

        var result = sample.VerifyReplaced(find, replacement);

        Assert.Equal(VerificationOutcome.Failed, result.Outcome);
        Assert.Equal(ReportVerifier.MismatchReason, result.Reason);
    }

    [Theory]
    [InlineData("\"negative\": -17", "\"negative\": -17, \"negative\": 5", "two members named negative")]
    [InlineData("\"days\": 92", "\"days\": 92.5", "not an integer")]
    public void Content_that_could_never_have_been_signed_fails_saying_why(string find, string replacement, string reason)
    {
        using var sample = SignedSample.WithHmac();

        var result = sample.VerifyReplaced(find, replacement);

        Assert.Equal(VerificationOutcome.Failed, result.Outcome);
        Assert.Contains(reason, result.Reason, System.StringComparison.Ordinal);
    }

    private static void AssertEveryByteIsCovered(SignedSample sample, string value)
    {
        Assert.True(sample.Verify(sample.Signed).IsIntact);
        foreach (int position in SampleReport.PositionsOfValue(sample.Signed, value))
        {
            byte[] tampered = (byte[])sample.Signed.Clone();
            tampered[position] = tampered[position] == (byte)'x' ? (byte)'y' : (byte)'x';

            var result = sample.Verify(tampered);

            Assert.Equal(VerificationOutcome.Failed, result.Outcome);
            Assert.Equal(ReportVerifier.MismatchReason, result.Reason);
        }
    }
}
