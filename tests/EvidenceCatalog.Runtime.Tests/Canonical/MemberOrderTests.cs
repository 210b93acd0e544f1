using System.Text;
using EvidenceCatalog.Runtime.Canonical;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Canonical;

public sealed class MemberOrderTests
{
    [Fact]
    public void Members_are_sorted_by_UTF16_code_units_not_by_code_points()
    {
        // U+FB33 (one unit, FB33) sorts after U+1F602 (surrogates D83D DE02), though its code point is smaller.
        string json = "{\"\uFB33\":1,\"\U0001F602\":2,\"\u20AC\":3,\"a\":4}";

        Assert.Equal("{\"a\":4,\"\u20AC\":3,\"\U0001F602\":2,\"\uFB33\":1}", Canonical(json));
    }

    [Fact]
    public void Escaped_and_plain_names_sort_by_their_text()
    {
        Assert.Equal("{\"A\":1,\"B\":2,\"a\":3}", Canonical("{\"a\":3,\"\\u0042\":2,\"A\":1}"));
    }

    [Fact]
    public void A_prefix_sorts_before_the_longer_name()
    {
        Assert.Equal("{\"a\":1,\"ab\":2,\"b\":3}", Canonical("{\"b\":3,\"ab\":2,\"a\":1}"));
    }

    [Fact]
    public void A_large_object_is_sorted_like_ordinal_string_comparison()
    {
        var random = new System.Random(7);
        var names = new string[500];
        var json = new StringBuilder("{");
        for (int index = 0; index < names.Length; index++)
        {
            names[index] = "k" + random.Next(1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            json.Append(index == 0 ? "" : ",").Append('"').Append(names[index]).Append("\":").Append(index);
        }

        json.Append('}');
        System.Array.Sort(names, System.StringComparer.Ordinal);

        using var document = System.Text.Json.JsonDocument.Parse(Canonical(json.ToString()));
        int position = 0;
        foreach (var member in document.RootElement.EnumerateObject())
        {
            Assert.Equal(names[position++], member.Name);
        }
    }

    [Fact]
    public void Nested_objects_and_arrays_keep_array_order()
    {
        Assert.Equal("[3,{\"a\":[2,1],\"b\":{}},[]]", Canonical("[ 3 , { \"b\" : { } , \"a\" : [ 2 , 1 ] } , [ ] ]"));
    }

    private static string Canonical(string json) =>
        Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));
}
