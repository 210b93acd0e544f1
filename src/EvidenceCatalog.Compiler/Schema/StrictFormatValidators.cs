using System.Globalization;
using System.Text.RegularExpressions;
using EvidenceCatalog.Model;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace EvidenceCatalog.Compiler.Schema;

/// <summary>
/// Format checks as RFC 3339 means them. NJsonSchema's own date-time check accepts anything DateTime can parse,
/// including a time with no offset, which names no instant; these replace it.
/// </summary>
internal static class StrictFormatValidators
{
    public static readonly IFormatValidator[] All = { new FullDate(), new DateTimeWithOffset() };

    private static readonly Regex DateTimePattern = new(
        @"^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$",
        RegexOptions.CultureInvariant);

    public static bool IsDateTime(string value)
    {
        var match = DateTimePattern.Match(value);
        if (!match.Success || !CalendarDate.TryParse(match.Groups[1].Value, out _))
        {
            return false;
        }

        int hour = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        int minute = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        int second = int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        return !match.Groups[7].Success ||
               (int.Parse(match.Groups[7].Value, CultureInfo.InvariantCulture) <= 23 && int.Parse(match.Groups[8].Value, CultureInfo.InvariantCulture) <= 59);
    }

    private sealed class FullDate : IFormatValidator
    {
        public string Format => "date";

        public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateExpected;

        public bool IsValid(string value, JTokenType tokenType) => tokenType != JTokenType.String || CalendarDate.TryParse(value, out _);
    }

    private sealed class DateTimeWithOffset : IFormatValidator
    {
        public string Format => "date-time";

        public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateTimeExpected;

        public bool IsValid(string value, JTokenType tokenType) => tokenType != JTokenType.String || IsDateTime(value);
    }
}
