using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Server.Tests.Infrastructure;
using Xunit;
using static EvidenceCatalog.Server.Tests.Infrastructure.ServerHarness;

namespace EvidenceCatalog.Server.Tests;

/// <summary>
/// A JSON-array body is read element by element as it streams, exactly as JSON Lines are read line by line: a record
/// that is wrong is rejected alone, whichever form it came in, and the array is never held whole.
/// </summary>
public sealed class JsonArrayBodyTests
{
    [Fact]
    public async Task A_lone_surrogate_escape_rejects_its_element_only_as_it_rejects_its_line()
    {
        string[] records =
        [
            Line("s1"),
            Line("s2").Replace("\"actor\":\"user:ada@", "\"actor\":\"user:\\ud800ada@"),
            Line("s3").Replace("}", ",\"attributes\":{\"note\":\"\\udc00\"}}"),
            Line("s4"),
        ];
        await using var asArray = await StartAsync(withEvents: false);
        await using var asLines = await StartAsync(withEvents: false);

        using var arrayResponse = await asArray.PostEventsAsync(new StringContent("[" + string.Join(",", records) + "]", Encoding.UTF8, "application/json"));
        using var linesResponse = await asLines.PostEventsAsync(Content.JsonLines(records));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (arrayResponse.StatusCode, linesResponse.StatusCode));
        using var array = JsonDocument.Parse(await arrayResponse.Content.ReadAsStringAsync());
        using var lines = JsonDocument.Parse(await linesResponse.Content.ReadAsStringAsync());
        Assert.Equal("json-array", array.RootElement.GetProperty("format").GetString());
        foreach (string count in new[] { "read", "accepted", "duplicates", "rejected" })
        {
            Assert.Equal(lines.RootElement.GetProperty(count).GetInt32(), array.RootElement.GetProperty(count).GetInt32());
        }

        Assert.Equal(lines.RootElement.GetProperty("rejections").GetRawText(), array.RootElement.GetProperty("rejections").GetRawText());
        Assert.Equal(2, Assert.Single(array.RootElement.GetProperty("rejections").EnumerateArray()).GetProperty("record").GetInt32());
        Assert.Equal(["s1", "s3", "s4"], asArray.StoredIds());
        Assert.Equal(asLines.StoredIds(), asArray.StoredIds());
    }
}
