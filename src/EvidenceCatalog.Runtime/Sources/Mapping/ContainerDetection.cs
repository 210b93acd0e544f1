using System;
using System.Linq;
using System.Text.Json;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>
/// Tells how an input of a log source is framed from its first bytes, among the containers the source declares: an
/// array (<c>[</c>) is <c>json-array</c>; an object whose first member is <c>Records</c> holding an array is
/// <c>cloudtrail-records</c>; any other text is <c>json-lines</c>. A framing the source does not declare is refused
/// with the reason, before any record is read.
/// </summary>
internal static class ContainerDetection
{
    /// <summary>How far ahead the first bytes are read: room for a byte order mark, white space and <c>{"Records": [</c>.</summary>
    public const int HeadLength = 4096;

    /// <summary>The container's name as sources write it.</summary>
    public static string Name(SourceContainers container) => container switch
    {
        SourceContainers.JsonLines => "json-lines",
        SourceContainers.JsonArray => "json-array",
        SourceContainers.CloudtrailRecords => "cloudtrail-records",
        _ => container.ToString(),
    };

    /// <summary>The declared containers' names: <c>cloudtrail-records, json-lines</c>.</summary>
    public static string Names(SourceContainers declared) =>
        string.Join(", ", new[] { SourceContainers.CloudtrailRecords, SourceContainers.JsonLines, SourceContainers.JsonArray }.Where(c => declared.HasFlag(c)).Select(Name));

    /// <summary>How the text is framed, judged from its first bytes alone (any container).</summary>
    public static SourceContainers Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        int first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0)
        {
            return SourceContainers.JsonLines;
        }

        if (head[first] == '[')
        {
            return SourceContainers.JsonArray;
        }

        return head[first] == '{' && StartsWithRecordsArray(head[first..]) ? SourceContainers.CloudtrailRecords : SourceContainers.JsonLines;
    }

    /// <summary>
    /// The container to read the input with, or why the source cannot read it: <paramref name="detected"/> when the
    /// source declares it; otherwise the refusal names both.
    /// </summary>
    public static string? Check(SourceContainers detected, LogSource source)
    {
        if (source.Containers.HasFlag(detected))
        {
            return null;
        }

        string found = detected switch
        {
            SourceContainers.JsonArray => "a JSON array",
            SourceContainers.CloudtrailRecords => "a CloudTrail file ({\"Records\": [...]})",
            _ => source.Containers.HasFlag(SourceContainers.CloudtrailRecords) ? "not a CloudTrail file: it does not start with {\"Records\": [" : "JSON Lines",
        };
        return $"the input is {found}, which source '{source.Id}' does not declare (it declares {Names(source.Containers)})";
    }

    private static bool StartsWithRecordsArray(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(text, isFinalBlock: false, state: default);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("Records"u8)
                && reader.Read() && reader.TokenType == JsonTokenType.StartArray;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
