using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EvidenceCatalog.Model;

/// <summary>Maps the kebab-case words of the YAML vocabularies (<c>at-rest</c>) to enum names (<c>AtRest</c>) and back.</summary>
public static class KebabCase
{
    public static TEnum ToEnum<TEnum>(string value)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(ToPascal(value), ignoreCase: false, out var result)
            ? result
            : throw new ArgumentException("'" + value + "' is not a " + typeof(TEnum).Name + ".", nameof(value));

    public static string FromEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum => FromPascal(value.ToString());

    /// <summary>The kebab-case name of each flag set in <paramref name="value"/>, in ascending order of value (<c>json-lines</c>, <c>json-array</c>).</summary>
    public static IEnumerable<string> FromFlags<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        ulong bits = Convert.ToUInt64(value, CultureInfo.InvariantCulture);
        return Enum.GetValues(typeof(TEnum)).Cast<TEnum>()
            .Select(flag => (Flag: flag, Bits: Convert.ToUInt64(flag, CultureInfo.InvariantCulture)))
            .Where(f => f.Bits != 0 && (f.Bits & (f.Bits - 1)) == 0 && (bits & f.Bits) == f.Bits)
            .OrderBy(f => f.Bits)
            .Select(f => FromEnum(f.Flag));
    }

    public static string ToPascal(string kebab)
    {
        var builder = new StringBuilder(kebab.Length);
        bool upper = true;
        foreach (char c in kebab)
        {
            if (c == '-' || c == '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    public static string FromPascal(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
