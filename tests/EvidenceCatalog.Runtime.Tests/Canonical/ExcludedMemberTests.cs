using System.Text;
using EvidenceCatalog.Runtime.Canonical;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Canonical;

public sealed class ExcludedMemberTests
{
    private static readonly CanonicalJsonOptions WithoutSignatures = new() { ExcludedMember = "signatures" };

    [Fact]
    public void The_excluded_top_level_member_is_left_out()
    {
        Assert.Equal("{\"a\":1,\"z\":2}", Canonical("{\"z\":2,\"signatures\":[{\"value\":\"x\"}],\"a\":1}"));
    }

    [Fact]
    public void The_same_name_deeper_down_is_kept()
    {
        Assert.Equal("{\"meta\":{\"signatures\":1}}", Canonical("{\"signatures\":[],\"meta\":{\"signatures\":1}}"));
    }

    [Fact]
    public void An_escaped_spelling_of_the_name_is_left_out_too()
    {
        Assert.Equal("{\"a\":1}", Canonical("{\"\\u0073ignatures\":[],\"a\":1}"));
    }

    [Fact]
    public void Leaving_it_out_equals_removing_it()
    {
        string withMember = "{\"b\":[1,2],\"signatures\":{\"x\":1},\"a\":\"t\"}";
        string without = "{\"b\":[1,2],\"a\":\"t\"}";

        Assert.Equal(Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(without))), Canonical(withMember));
    }

    [Fact]
    public void The_only_member_left_out_gives_an_empty_object()
    {
        Assert.Equal("{}", Canonical("{\"signatures\":[]}"));
    }

    [Fact]
    public void The_SignedReport_options_leave_out_signatures_and_take_integers_only()
    {
        Assert.True(CanonicalJsonOptions.SignedReport.IntegersOnly);
        Assert.Equal("signatures", CanonicalJsonOptions.SignedReport.ExcludedMember);
    }

    private static string Canonical(string json) =>
        Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json), WithoutSignatures));
}
