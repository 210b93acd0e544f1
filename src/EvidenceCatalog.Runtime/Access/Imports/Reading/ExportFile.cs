using System;
using System.IO;
using System.Text;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Runtime.Access.Imports.Reading;

/// <summary>Reads an export whole (they are small: one record per person) as strict UTF-8, without a byte order mark.</summary>
internal static class ExportFile
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] ReadBytes(AccessImportInput input)
    {
        byte[] bytes = InputFile.Read(input.Path, why => new AccessImportException($"{input.Name} {why}"));

        var text = bytes.AsSpan();
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        if (text.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new AccessImportException($"{input.Name} is empty");
        }

        return text.ToArray();
    }

    public static string ReadText(AccessImportInput input)
    {
        byte[] bytes = ReadBytes(input);
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new AccessImportException($"{input.Name} is not UTF-8 text (an invalid byte at offset {exception.Index}); export it again as UTF-8");
        }
    }
}
