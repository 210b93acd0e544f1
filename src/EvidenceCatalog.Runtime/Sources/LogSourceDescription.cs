using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>
/// What a log source asks of an input, in words, for the messages that list sources (an input no source recognises)
/// and for listings: the framings it reads and the conditions every record of it meets.
/// </summary>
public static class LogSourceDescription
{
    /// <summary>The containers' names, as sources write them: <c>cloudtrail-records, json-lines, json-array</c>.</summary>
    public static IReadOnlyList<string> Containers(LogSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new[] { SourceContainers.CloudtrailRecords, SourceContainers.JsonLines, SourceContainers.JsonArray }
            .Where(c => source.Containers.HasFlag(c))
            .Select(c => KebabCase.FromEnum(c))
            .ToArray();
    }

    /// <summary>
    /// <c>aws-cloudtrail (AWS CloudTrail): cloudtrail-records, json-lines or json-array, each record with /eventSource
    /// and /eventName</c>.
    /// </summary>
    public static string Requirements(LogSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var containers = Containers(source);
        string framing = containers.Count == 1 ? containers[0] : string.Join(", ", containers.Take(containers.Count - 1)) + " or " + containers[^1];
        return $"{source.Id} ({source.Name}): {framing}, " + Conditions(source.Recognize);
    }

    /// <summary><c>each record with /eventSource and /eventName</c>, or <c>any record</c> for a source without conditions.</summary>
    public static string Conditions(IEnumerable<FieldCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var parts = conditions.Select(Condition).ToList();
        return parts.Count == 0
            ? "any record"
            : "each record with " + (parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1]);
    }

    /// <summary>One condition: <c>/eventName</c>, <c>/eventName 'ConsoleLogin'</c>, <c>/action starting 'org.'</c>, <c>no /errorCode</c>.</summary>
    public static string Condition(FieldCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition.Kind switch
        {
            ConditionKind.Exists => condition.Field,
            ConditionKind.Missing => "no " + condition.Field,
            ConditionKind.Equals => $"{condition.Field} '{condition.Values[0]}'",
            ConditionKind.OneOf => $"{condition.Field} one of " + string.Join(", ", condition.Values.Select(v => "'" + v + "'")),
            ConditionKind.Prefix => $"{condition.Field} starting '{condition.Values[0]}'",
            _ => condition.Field,
        };
    }
}
