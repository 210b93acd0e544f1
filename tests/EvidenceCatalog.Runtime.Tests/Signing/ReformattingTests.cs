using System.Buffers;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Runtime.Signing;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Signing;

public sealed class ReformattingTests
{
    [Fact]
    public void Keys_reordered_and_re_indented_still_verify()
    {
        using var sample = SignedSample.WithHmac();

        byte[] compact = Rewrite(sample.Signed, indented: false);
        byte[] indented = Rewrite(sample.Signed, indented: true);

        Assert.NotEqual(sample.Signed, indented);
        Assert.True(sample.Verify(compact).IsIntact);
        Assert.True(sample.Verify(indented).IsIntact);
    }

    [Fact]
    public void The_signatures_member_may_move_to_the_front()
    {
        using var sample = SignedSample.WithEcdsa();

        byte[] reordered = Rewrite(sample.Signed, indented: true);

        Assert.StartsWith("{\n    \"signatures\"", System.Text.Encoding.UTF8.GetString(reordered), System.StringComparison.Ordinal);
        Assert.True(sample.Verify(reordered).IsIntact);
    }

    [Fact]
    public void Escapes_written_differently_still_verify()
    {
        using var sample = SignedSample.WithHmac();

        byte[] respelled = SampleReport.Replace(SampleReport.Replace(sample.Signed, "\\u2014", "\u2014"), "\"org-acme", "\"\\u006frg-acme");

        Assert.True(sample.Verify(respelled).IsIntact);
    }

    /// <summary>Re-writes JSON with System.Text.Json, four-space indented or compact, every object's members in reverse order.</summary>
    private static byte[] Rewrite(byte[] json, bool indented)
    {
        using var document = JsonDocument.Parse(json);
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, IndentSize = 4, NewLine = "\n" }))
        {
            Write(writer, document.RootElement);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject().Reverse())
                {
                    writer.WritePropertyName(member.Name);
                    Write(writer, member.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
