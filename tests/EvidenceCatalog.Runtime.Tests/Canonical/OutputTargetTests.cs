using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;
using EvidenceCatalog.Runtime.Canonical;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Canonical;

public sealed class OutputTargetTests
{
    private static readonly byte[] Sample = Encoding.UTF8.GetBytes(
        "{ \"z\": [1, 2.5, \"\\u00e9\"], \"a\": { \"long\": \"" + new string('x', 200_000) + "\" }, \"m\": null }");

    [Fact]
    public void A_stream_receives_the_same_bytes()
    {
        using var stream = new MemoryStream();

        JsonCanonicalizer.Canonicalize(Sample, stream);

        Assert.Equal(JsonCanonicalizer.Canonicalize(Sample), stream.ToArray());
    }

    [Fact]
    public void A_buffer_writer_receives_the_same_bytes()
    {
        var writer = new ArrayBufferWriter<byte>(16);

        JsonCanonicalizer.Canonicalize(Sample, writer);

        Assert.Equal(JsonCanonicalizer.Canonicalize(Sample), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_parsed_element_gives_the_same_bytes_as_its_text()
    {
        using var document = JsonDocument.Parse(Sample);

        Assert.Equal(JsonCanonicalizer.Canonicalize(Sample), JsonCanonicalizer.Canonicalize(document.RootElement));
        Assert.Equal("[1,2.5,\"é\"]", Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(document.RootElement.GetProperty("z"))));
    }

    [Fact]
    public void Whitespace_and_member_order_do_not_change_the_output()
    {
        byte[] compact = Encoding.UTF8.GetBytes("{\"m\":null,\"a\":{\"long\":\"" + new string('x', 200_000) + "\"},\"z\":[1,2.5,\"é\"]}");

        Assert.Equal(JsonCanonicalizer.Canonicalize(Sample), JsonCanonicalizer.Canonicalize(compact));
    }
}
