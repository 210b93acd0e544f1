using System.Text;
using EvidenceCatalog.Runtime.Canonical;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Canonical;

public sealed class StringTextTests
{
    [Theory]
    [InlineData("\"\\uD800\"")]
    [InlineData("\"a\\uD800b\"")]
    [InlineData("\"\\uDC00\"")]
    [InlineData("\"\\uD800\\u0041\"")]
    [InlineData("\"\\uD800\\uD800\"")]
    [InlineData("{\"\\uDBFF\":1}")]
    public void A_lone_surrogate_is_refused(string json)
    {
        var exception = Assert.Throws<CanonicalJsonException>(() => Canonical(json));

        Assert.Equal(CanonicalJsonError.LoneSurrogate, exception.Error);
        Assert.Contains("surrogate", exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_surrogate_pair_becomes_one_UTF8_character()
    {
        Assert.Equal("\"\U0001F602\"", Canonical("\"\\uD83D\\uDE02\""));
    }

    [Theory]
    [InlineData("\"\\u0008\\u0009\\u000A\\u000C\\u000D\"", "\"\\b\\t\\n\\f\\r\"")]
    [InlineData("\"\\u0000\\u001F\\u000b\"", "\"\\u0000\\u001f\\u000b\"")]
    [InlineData("\"\\\"\\\\\\/\"", "\"\\\"\\\\/\"")]
    [InlineData("\"\\u00e9\\u20AC\\u007f\"", "\"é€\u007f\"")]
    [InlineData("\"</script>\\u2028\"", "\"</script>\u2028\"")]
    public void Strings_get_the_minimal_escapes(string json, string expected)
    {
        Assert.Equal(expected, Canonical(json));
    }

    [Fact]
    public void Invalid_UTF8_inside_a_string_is_refused()
    {
        byte[] json = [(byte)'"', 0xC3, 0x28, (byte)'"'];

        var exception = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(json));

        Assert.Equal(CanonicalJsonError.InvalidJson, exception.Error);
        Assert.Contains("UTF-8", exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF8_encoded_surrogate_is_refused()
    {
        byte[] json = [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'];

        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(json));
    }

    private static string Canonical(string json) =>
        Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));
}
