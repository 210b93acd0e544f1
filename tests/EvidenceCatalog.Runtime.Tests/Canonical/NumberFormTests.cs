using System.Text;
using EvidenceCatalog.Runtime.Canonical;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Canonical;

public sealed class NumberFormTests
{
    [Theory]
    [InlineData("1e21", "1e+21")]
    [InlineData("1E21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("999999999999999900000", "999999999999999900000")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("1e-6", "0.000001")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("0e10", "0")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    [InlineData("9007199254740992", "9007199254740992")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("1E30", "1e+30")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("0.000000000000000000000000001", "1e-27")]
    [InlineData("-1.5e-10", "-1.5e-10")]
    [InlineData("123456789012345678901234", "1.2345678901234569e+23")]
    [InlineData("100", "100")]
    [InlineData("1.0", "1")]
    [InlineData("0.1", "0.1")]
    [InlineData("-123.456e3", "-123456")]
    public void Numbers_are_written_as_ECMAScript_prints_them(string literal, string expected)
    {
        Assert.Equal(expected, Canonical(literal));
    }

    [Fact]
    public void A_number_beyond_the_double_range_is_refused()
    {
        var exception = Assert.Throws<CanonicalJsonException>(() => Canonical("[1e400]"));

        Assert.Equal(CanonicalJsonError.NumberOutOfRange, exception.Error);
        Assert.Contains("1e400", exception.Message, System.StringComparison.Ordinal);
    }

    private static string Canonical(string json) =>
        Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));
}
