using System;
using System.Text;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Compiler.Yaml;

/// <summary>Turns a file's bytes into text: strict UTF-8 (an optional BOM), within the size limit.</summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>; on failure returns null and the diagnostic that says why.</summary>
    public static SourceFile? Decode(string path, byte[] bytes, YamlLimits limits, out CatalogDiagnostic? diagnostic)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        diagnostic = CheckSize(path, bytes.Length, limits);
        if (diagnostic is not null)
        {
            return null;
        }

        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        int bad = FirstInvalidUtf8Byte(bytes, start);
        if (bad >= 0)
        {
            string prefix = StrictUtf8.GetString(bytes, start, bad - start);
            var span = SourceSpan.AtOffset(prefix + " ", prefix.Length);
            diagnostic = CatalogDiagnostic.Create(DiagnosticDescriptors.NotUtf8, path, span, bytes[bad].ToString("X2", System.Globalization.CultureInfo.InvariantCulture), bad);
            return null;
        }

        return new SourceFile(path, StrictUtf8.GetString(bytes, start, bytes.Length - start));
    }

    /// <summary>EC1001 when a file of <paramref name="length"/> bytes (or characters) is over the limit, else null.</summary>
    public static CatalogDiagnostic? CheckSize(string path, long length, YamlLimits limits) =>
        length > limits.MaxFileBytes
            ? CatalogDiagnostic.Create(DiagnosticDescriptors.FileTooLarge, path, SourceSpan.FileStart, length, limits.MaxFileBytes)
            : null;

    /// <summary>The offset of the first byte that starts an invalid UTF-8 sequence, or -1.</summary>
    private static int FirstInvalidUtf8Byte(byte[] bytes, int start)
    {
        int i = start;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            int length;
            int min;
            if (b < 0x80)
            {
                i++;
                continue;
            }
            else if ((b & 0xE0) == 0xC0)
            {
                length = 2;
                min = 0x80;
            }
            else if ((b & 0xF0) == 0xE0)
            {
                length = 3;
                min = 0x800;
            }
            else if ((b & 0xF8) == 0xF0)
            {
                length = 4;
                min = 0x10000;
            }
            else
            {
                return i;
            }

            if (i + length > bytes.Length)
            {
                return i;
            }

            int codePoint = b & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++)
            {
                byte c = bytes[i + k];
                if ((c & 0xC0) != 0x80)
                {
                    return i;
                }

                codePoint = (codePoint << 6) | (c & 0x3F);
            }

            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                return i;
            }

            i += length;
        }

        return -1;
    }
}
