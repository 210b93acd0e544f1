using System;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

public sealed class RoundTripTests
{
    [Fact]
    public void An_HMAC_signed_report_verifies_with_the_same_key()
    {
        using var sample = SignedSample.WithHmac();

        var result = sample.Verify(sample.Signed);

        Assert.Equal(VerificationOutcome.Intact, result.Outcome);
        Assert.True(result.IsIntact);
        Assert.Equal("signature verified", result.Reason);
        Assert.Equal("HMAC-SHA256", result.Algorithm);
        Assert.Equal(sample.Key.KeyId, result.KeyId);
    }

    [Fact]
    public void An_ES256_signed_report_verifies_with_the_public_key()
    {
        using var sample = SignedSample.WithEcdsa();

        var result = sample.Verify(sample.Signed);

        Assert.Equal(VerificationOutcome.Intact, result.Outcome);
        Assert.Equal("ES256", result.Algorithm);
        Assert.Equal(sample.Key.KeyId, result.KeyId);
    }

    [Fact]
    public void The_signatures_member_comes_last_with_algorithm_key_id_and_base64_value()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());

        byte[] signed = ReportSigner.Sign(SampleReport.Bytes, key);

        using var document = JsonDocument.Parse(signed);
        JsonProperty last = default;
        foreach (var member in document.RootElement.EnumerateObject())
        {
            last = member;
        }

        Assert.Equal("signatures", last.Name);
        var entry = Assert.Single(last.Value.EnumerateArray());
        Assert.Equal(["algorithm", "keyId", "value"], [.. EnumerateNames(entry)]);
        Assert.Equal("HMAC-SHA256", entry.GetProperty("algorithm").GetString());
        Assert.Equal(key.KeyId, entry.GetProperty("keyId").GetString());
        Assert.Equal(32, Convert.FromBase64String(entry.GetProperty("value").GetString()!).Length);
    }

    [Fact]
    public void The_signed_report_is_laid_out_as_Utf8JsonWriter_indents_it()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        byte[] report = Encoding.UTF8.GetBytes(SampleReport.Json.Replace("\\u2014", "-", StringComparison.Ordinal).Replace("\\u00fc", "u", StringComparison.Ordinal));

        byte[] signed = ReportSigner.Sign(report, key);

        using var document = JsonDocument.Parse(signed);
        var expected = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(expected, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan) + "\n", Encoding.UTF8.GetString(signed));
    }

    [Fact]
    public void Strings_keep_their_escapes_in_the_signed_report()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());

        string signed = Encoding.UTF8.GetString(ReportSigner.Sign(SampleReport.Bytes, key));

        Assert.Contains("\"Quarterly access reviews \\u2014 Z\\u00fcrich office\"", signed, StringComparison.Ordinal);
        Assert.EndsWith("\n}\n", signed, StringComparison.Ordinal);
    }

    [Fact]
    public void Signing_a_signed_report_again_with_the_same_key_gives_the_same_bytes()
    {
        using var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        byte[] once = ReportSigner.Sign(SampleReport.Bytes, key);

        Assert.Equal(once, ReportSigner.Sign(once, key));
    }

    private static System.Collections.Generic.IEnumerable<string> EnumerateNames(JsonElement element)
    {
        foreach (var member in element.EnumerateObject())
        {
            yield return member.Name;
        }
    }
}
