using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>A message never holds a control character: whatever the YAML holds, a diagnostic prints as one line.</summary>
public sealed class ControlCharacterTests
{
    [Fact]
    public void A_key_and_a_value_holding_control_characters_are_reported_with_them_written_visibly()
    {
        var diagnostics = DiagnosticFixture.Named("yaml-control-characters-escaped").Compile().Diagnostics;

        Assert.Equal(
            [
                "'risk' is 'low\\r\\nhigh', which is not allowed; use one of: critical, high, medium, low",
                "'owner\\tteam\\u001B[31m' is not a property of item 1 of 'vendors' (id 'acme-escapes'); allowed properties: "
                    + "certifications, dataAccess, id, lastReview, mitigations, name, nextReview, risk, service, soc2TypeII",
            ],
            diagnostics.Select(d => d.Message));
        Assert.All(diagnostics, d => Assert.DoesNotContain(d.ToString(), c => char.IsControl(c)));
    }

    [Theory]
    [InlineData("a\rb", "a\\rb")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\tb", "a\\tb")]
    [InlineData("a\0b", "a\\0b")]
    [InlineData("a\u001Bb", "a\\u001Bb")]
    [InlineData("a\u007Fb", "a\\u007Fb")]
    [InlineData("a\u0085b", "a\\u0085b")]
    [InlineData("a\u2028b\u2029", "a\\u2028b\\u2029")]
    public void Each_control_character_or_line_separator_is_escaped(string message, string escaped)
    {
        Assert.Equal(escaped, MessageText.Escape(message));
    }

    [Theory]
    [InlineData("plain text, 'quoted', é and 日本")]
    [InlineData("a pattern ^[a-z]+\\d$ keeps its backslashes")]
    public void Text_without_control_characters_is_left_as_it_is(string message)
    {
        Assert.Same(message, MessageText.Escape(message));
    }
}
