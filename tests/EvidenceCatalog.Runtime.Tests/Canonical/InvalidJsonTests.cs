using System.Text;
using EvidenceCatalog.Runtime.Canonical;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Canonical;

public sealed class InvalidJsonTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("[1 2]")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{a:1}")]
    [InlineData("{'a':1}")]
    [InlineData("[01]")]
    [InlineData("[1.]")]
    [InlineData("[.5]")]
    [InlineData("[-]")]
    [InlineData("[1e]")]
    [InlineData("[+1]")]
    [InlineData("[NaN]")]
    [InlineData("[Infinity]")]
    [InlineData("[tru]")]
    [InlineData("[nul]")]
    [InlineData("\"abc")]
    [InlineData("\"a\\x\"")]
    [InlineData("\"\\u12G4\"")]
    [InlineData("\"tab\there\"")]
    [InlineData("{} {}")]
    [InlineData("1 2")]
    [InlineData("[1] x")]
    [InlineData("// comment\n1")]
    [InlineData("[1]]")]
    [InlineData("{\"a\":1]")]
    public void Text_that_is_not_one_JSON_value_is_refused(string json)
    {
        var exception = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(CanonicalJsonError.InvalidJson, exception.Error);
        Assert.StartsWith("invalid JSON", exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_gives_line_and_column()
    {
        var exception = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize("{\n  \"a\": 1,\n  \"b\": x\n}"u8));

        Assert.Equal("invalid JSON at line 3, column 8: unexpected 'x' where a value is expected", exception.Message);
        Assert.Equal(19, exception.ByteOffset);
    }

    /// <summary>The numbers' and escapes' rules (shared with the log source scanner, <c>JsonGrammar</c>) say what is missing and where.</summary>
    [Theory]
    [InlineData("[-]", "invalid JSON at line 1, column 3: a number needs a digit after its minus sign")]
    [InlineData("[-x]", "invalid JSON at line 1, column 3: a number needs a digit after its minus sign")]
    [InlineData("[1.]", "invalid JSON at line 1, column 4: a number needs a digit after its decimal point")]
    [InlineData("[1.e5]", "invalid JSON at line 1, column 4: a number needs a digit after its decimal point")]
    [InlineData("[1e]", "invalid JSON at line 1, column 4: a number needs a digit in its exponent")]
    [InlineData("[2.5E+]", "invalid JSON at line 1, column 7: a number needs a digit in its exponent")]
    [InlineData("\"a\\x\"", "invalid JSON at line 1, column 3: invalid escape \\'x'")]
    [InlineData("\"\\u12G4\"", "invalid JSON at line 1, column 2: \\u must be followed by four hexadecimal digits")]
    [InlineData("\"\\u12", "invalid JSON at line 1, column 2: \\u must be followed by four hexadecimal digits")]
    [InlineData("\"ab\\", "invalid JSON at line 1, column 4: the input ends inside a string")]
    public void A_bad_number_or_escape_is_named_at_its_place(string json, string message)
    {
        var exception = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        string json = new string('[', 300) + new string(']', 300);

        var exception = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("nested more than 256 levels", exception.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("\"s\"", "\"s\"")]
    [InlineData(" true ", "true")]
    [InlineData("null", "null")]
    [InlineData("\uFEFF{\"a\":false}", "{\"a\":false}")]
    public void Any_single_value_is_a_document(string json, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json))));
    }
}
