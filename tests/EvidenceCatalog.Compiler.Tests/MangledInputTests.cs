using System;
using System.Linq;
using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>Whatever is done to a catalog file, the compiler answers with diagnostics, never an exception.</summary>
public sealed class MangledInputTests
{
    private static readonly char[] Noise = { '[', ']', '{', '}', ':', '-', '\t', '"', '\'', '&', '*', '!', '|', '>', '#', '\n', ' ', '%', '@', '`', ',', '?' };

    [Fact]
    public void Truncating_any_sample_file_anywhere_never_throws()
    {
        foreach (var file in RepositoryFiles.SampleCatalogs())
        {
            for (int length = 0; length < file.Text.Length; length += 13)
            {
                var result = Compile(file with { Text = file.Text.Substring(0, length) });
                Assert.All(result.Diagnostics, d => Assert.True(d.Span.StartLine >= 1 && d.Span.StartColumn >= 1, d.ToString()));
            }
        }
    }

    [Fact]
    public void Inserting_yaml_punctuation_anywhere_never_throws()
    {
        var random = new Random(20261123);
        foreach (var file in RepositoryFiles.SampleCatalogs())
        {
            for (int round = 0; round < 150; round++)
            {
                var text = file.Text.ToCharArray().ToList();
                for (int edits = random.Next(1, 4); edits > 0; edits--)
                {
                    text.Insert(random.Next(text.Count + 1), Noise[random.Next(Noise.Length)]);
                }

                var result = Compile(file with { Text = new string(text.ToArray()) });
                Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
            }
        }
    }

    private static CompilationResult Compile(SourceFile file) =>
        CatalogCompiler.Compile(new[] { file }, RepositoryFiles.Schemas.Value, new CompilerOptions { AsOf = new CalendarDate(2026, 11, 23) });
}
