using System.IO;
using System.Text;
using EvidenceCatalog.Runtime.Canonical;
using Xunit;

namespace EvidenceCatalog.Runtime.Tests.Canonical;

public sealed class ConformanceTests
{
    [Theory]
    [MemberData(nameof(ConformanceVectors.Names), MemberType = typeof(ConformanceVectors))]
    public void Every_published_vector_canonicalizes_byte_for_byte(string name)
    {
        if (name == ConformanceVectors.MissingFolder)
        {
            Assert.Fail(ConformanceVectors.MissingMessage);
        }

        byte[] expected = ConformanceVectors.Output(name);
        byte[] actual = JsonCanonicalizer.Canonicalize(ConformanceVectors.Input(name));

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_conformance_folder_is_found_and_holds_the_six_published_vectors()
    {
        string folder = ConformanceVectors.Path;

        Assert.Equal(6, Directory.GetFiles(Path.Combine(folder, "input"), "*.json").Length);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(folder, "output"), "*.json").Length);
    }

    [Theory]
    [MemberData(nameof(ConformanceVectors.Names), MemberType = typeof(ConformanceVectors))]
    public void Canonical_output_is_its_own_canonical_form(string name)
    {
        if (name == ConformanceVectors.MissingFolder)
        {
            Assert.Fail(ConformanceVectors.MissingMessage);
        }

        byte[] once = JsonCanonicalizer.Canonicalize(ConformanceVectors.Input(name));

        Assert.Equal(once, JsonCanonicalizer.Canonicalize(once));
    }
}
