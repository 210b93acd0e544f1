using System.Text;
using EvidenceCatalog.Runtime.Canonical;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Canonical;

public sealed class IntegersOnlyTests
{
    private static readonly CanonicalJsonOptions IntegersOnly = new() { IntegersOnly = true };

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e300")]
    [InlineData("0.1")]
    [InlineData("9007199254740993")]
    [InlineData("-9007199254740993")]
    [InlineData("1e16")]
    [InlineData("12345678901234567890")]
    [InlineData("1e-1")]
    public void A_number_that_is_not_an_exact_integer_is_refused(string literal)
    {
        var exception = Assert.Throws<CanonicalJsonException>(() => Canonical("{\"n\":" + literal + "}"));

        Assert.Equal(CanonicalJsonError.NumberNotInteger, exception.Error);
        Assert.Contains(literal, exception.Message, System.StringComparison.Ordinal);
        Assert.Contains("at byte 5", exception.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("42", "42")]
    [InlineData("9007199254740992", "9007199254740992")]
    [InlineData("-9007199254740992", "-9007199254740992")]
    [InlineData("1.0", "1")]
    [InlineData("1e2", "100")]
    [InlineData("1.50e1", "15")]
    [InlineData("0.0e5", "0")]
    [InlineData("150e-1", "15")]
    public void An_exact_integer_is_accepted_and_written_plainly(string literal, string expected)
    {
        Assert.Equal("[" + expected + "]", Canonical("[" + literal + "]"));
    }

    private static string Canonical(string json) =>
        Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json), IntegersOnly));
}
