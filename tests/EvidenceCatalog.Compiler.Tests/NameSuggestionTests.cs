using EvidenceCatalog.Compiler.Diagnostics;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>"Did you mean" hints: the closest known name within an edit budget of a quarter of the name's length.</summary>
public sealed class NameSuggestionTests
{
    [Fact]
    public void A_close_name_is_suggested()
    {
        Assert.Equal("; did you mean 'support-tickets'?", NameSuggestion.For("support-ticket", ["customer-content", "support-tickets"]));
    }

    [Fact]
    public void A_far_name_is_not_suggested()
    {
        Assert.Equal(string.Empty, NameSuggestion.For("payments", ["support-tickets", "customer-content"]));
    }

    [Theory]
    [InlineData("abcdefXY", "; did you mean 'abcdefXY'?")] // two edits: within the budget of 8 / 4
    [InlineData("abcdeXYZ", "")] // three edits: beyond it
    public void The_budget_is_a_quarter_of_the_length(string known, string expected)
    {
        Assert.Equal(expected, NameSuggestion.For("abcdefgh", [known]));
    }

    [Theory]
    [InlineData("P9", "P1")]
    [InlineData("CC9", "CC1")]
    public void Names_of_three_characters_or_fewer_get_no_guess(string value, string known)
    {
        Assert.Equal(string.Empty, NameSuggestion.For(value, [known]));
    }

    [Fact]
    public void A_tie_goes_to_the_ordinally_first_name_whatever_the_order_given()
    {
        Assert.Equal("; did you mean 'abcy'?", NameSuggestion.For("abcx", ["abcz", "abcy"]));
        Assert.Equal("; did you mean 'abcy'?", NameSuggestion.For("abcx", ["abcy", "abcz"]));
    }

    [Theory]
    [InlineData("Support-tickets", "; did you mean 'support-tickets'?")] // one case slip: one edit
    [InlineData("SUPPORT-tickets", "")] // seven: each letter of another case is an edit
    public void Case_counts_as_an_edit(string value, string expected)
    {
        Assert.Equal(expected, NameSuggestion.For(value, ["support-tickets"]));
    }

    [Fact]
    public void Nothing_known_suggests_nothing()
    {
        Assert.Equal(string.Empty, NameSuggestion.For("support-ticket", []));
    }
}
