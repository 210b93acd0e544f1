using System.Text;
using EvidenceCatalog.Runtime.Canonical;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Canonical;

public sealed class DuplicateMemberTests
{
    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":1,\"b\":2,\"a\":1}")]
    [InlineData("{\"a\":1,\"\\u0061\":2}")]
    [InlineData("[{\"x\":{\"k\":1,\"k\":1}}]")]
    public void A_name_given_twice_is_refused(string json)
    {
        var exception = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(CanonicalJsonError.DuplicateMember, exception.Error);
        Assert.Contains("two members named", exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_among_many_members_is_found()
    {
        var json = new StringBuilder("{");
        for (int index = 0; index < 300; index++)
        {
            json.Append('"').Append("m").Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\":0,");
        }

        json.Append("\"m150\":1}");

        var exception = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json.ToString())));

        Assert.Contains("m150", exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_name_in_different_objects_is_fine()
    {
        Assert.Equal("[{\"a\":1},{\"a\":2}]", Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize("[{\"a\":1},{\"a\":2}]"u8)));
    }
}
