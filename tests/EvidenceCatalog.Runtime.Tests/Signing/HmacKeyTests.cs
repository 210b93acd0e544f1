using System;
using System.IO;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

public sealed class HmacKeyTests
{
    [Fact]
    public void A_key_of_31_bytes_is_refused()
    {
        var exception = Assert.Throws<SigningKeyException>(() => HmacSigningKey.FromBytes(new byte[31]));

        Assert.Contains("HMAC key is 31 bytes; at least 32 are required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_32_bytes_is_accepted()
    {
        using var key = HmacSigningKey.FromBytes(new byte[32]);

        Assert.Equal("HMAC-SHA256", key.Algorithm);
    }

    [Fact]
    public void A_short_key_file_is_refused_naming_the_file()
    {
        using var keys = new TestKeys();
        string path = keys.Write("short.key", new byte[31]);

        var exception = Assert.Throws<SigningKeyException>(() => HmacSigningKey.FromFile(path));

        Assert.Equal("HMAC key file '" + path + "': HMAC key is 31 bytes; at least 32 are required (make one with: openssl rand -out hmac.key 32)", exception.Message);
    }

    [Fact]
    public void The_key_file_s_exact_bytes_are_the_key_trailing_newline_included()
    {
        using var keys = new TestKeys();
        byte[] secret = TestKeys.NewHmacKey();
        byte[] withNewline = [.. secret, (byte)'\n'];

        using var fromFile = HmacSigningKey.FromFile(keys.Write("newline.key", withNewline));

        Assert.Equal(HmacSigningKey.ComputeKeyId(withNewline), fromFile.KeyId);
        Assert.NotEqual(HmacSigningKey.ComputeKeyId(secret), fromFile.KeyId);
    }

    [Fact]
    public void A_missing_key_file_is_refused_naming_it()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "hmac.key");

        var exception = Assert.Throws<SigningKeyException>(() => HmacSigningKey.FromFile(path));

        Assert.Equal("HMAC key file '" + path + "' does not exist", exception.Message);
    }

    [Fact]
    public void The_environment_variable_holds_the_key_in_base64()
    {
        byte[] secret = TestKeys.NewHmacKey();
        string variable = "EVIDENCE_TEST_HMAC_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(secret) + "\n");
        try
        {
            using var key = HmacSigningKey.FromEnvironment(variable);

            Assert.Equal(HmacSigningKey.ComputeKeyId(secret), key.KeyId);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("not base64!", "is not base64")]
    [InlineData("AAAA", "HMAC key is 3 bytes; at least 32 are required")]
    public void A_bad_environment_variable_is_refused_naming_it(string? value, string expected)
    {
        string variable = "EVIDENCE_TEST_HMAC_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            var exception = Assert.Throws<SigningKeyException>(() => HmacSigningKey.FromEnvironment(variable));

            Assert.StartsWith("environment variable " + variable, exception.Message, StringComparison.Ordinal);
            Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
