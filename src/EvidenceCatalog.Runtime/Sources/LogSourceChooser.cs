using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Sources.Mapping;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>
/// Gives each input its source by the name a host was given for it: a source id of the catalog, <c>native</c> (the
/// product's own evidence events) or <c>auto</c> (recognised from the input's first records, among the catalog's
/// sources and native events: the one that fits, or a refusal naming none or several). Hosts (the CLI, the HTTP
/// service) add only how their users name a source.
/// </summary>
public sealed class LogSourceChooser
{
    /// <summary>How many first records of an input <c>auto</c> judges: each must be of the source.</summary>
    public const int RecognitionRecords = 3;

    private readonly Dictionary<string, LogSource> byId;

    public LogSourceChooser(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Sources = model.Sources.ToArray();
        byId = Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalog's sources, in declaration order.</summary>
    public IReadOnlyList<LogSource> Sources { get; }

    /// <summary>Every name that chooses a source: the catalog's source ids, then <c>native</c> (<c>auto</c> is not one: it chooses among them).</summary>
    public IReadOnlyList<string> Names => [.. Sources.Select(s => s.Id), LogSourceIds.Native];

    /// <summary>The source named <paramref name="name"/>: null for <c>native</c>.</summary>
    /// <exception cref="LogSourceChoiceException">No source has that name (<c>auto</c> included: it needs an input).</exception>
    public LogSource? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == LogSourceIds.Native)
        {
            return null;
        }

        if (byId.TryGetValue(name, out var source))
        {
            return source;
        }

        string? closest = ClosestName.Of(name, Names);
        string suggestion = closest is null ? string.Empty : $"; did you mean '{closest}'?";
        string known = Sources.Count == 0
            ? "the catalogs declare no log source: add a sources catalog; 'native' is the product's own evidence events"
            : "the catalog's sources are " + string.Join(", ", Sources.Select(s => s.Id)) + ", and 'native' is the product's own evidence events";
        throw new LogSourceChoiceException(LogSourceChoiceProblem.Unknown, name, null, [], Names, $"there is no log source '{name}'{suggestion} ({known})");
    }

    /// <summary>
    /// The input with the source <paramref name="name"/> chooses; for <c>auto</c>, the input is opened once before it
    /// is read (so it must be one that opens again from its start: a file, not standard input).
    /// </summary>
    /// <exception cref="LogSourceChoiceException">An unknown name, or an input <c>auto</c> cannot tell the source of.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public MappedInput Choose(JsonLinesInput input, string name)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(name);
        return new MappedInput(input, name == LogSourceIds.Auto ? Recognize(input) : Find(name));
    }

    /// <summary>The one source (null: native events) whose conditions the input's first records meet.</summary>
    /// <exception cref="LogSourceChoiceException">No source, or several, fit.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public LogSource? Recognize(JsonLinesInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var native = NativeEvents(input.Container);
        IReadOnlyList<LogSource> fits;
        bool empty;
        string? unreadable = null;
        using (var stream = input.Open())
        {
            try
            {
                fits = LogSourceRecognition.Candidates([.. Sources, native], stream, RecognitionRecords);
                empty = fits.Count == 0 && IsBlank(input);
            }
            catch (InvalidDataException exception)
            {
                fits = [];
                empty = false;
                unreadable = "its start cannot be read (not valid gzip: " + exception.Message.TrimEnd('.') + ")";
            }
        }

        if (fits.Count == 1)
        {
            return ReferenceEquals(fits[0], native) ? null : fits[0];
        }

        var ids = fits.Select(f => ReferenceEquals(f, native) ? LogSourceIds.Native : f.Id).ToArray();
        if (fits.Count > 1)
        {
            throw new LogSourceChoiceException(
                LogSourceChoiceProblem.Ambiguous,
                LogSourceIds.Auto,
                input.Name,
                ids,
                Names,
                $"the source of '{input.Name}' cannot be told: its first records fit each of {string.Join(", ", ids)}");
        }

        string why = unreadable
            ?? (empty ? "it holds no record to recognise" : "its first records are of none of the sources");
        string requirements = string.Join("; ", Sources.Select(LogSourceDescription.Requirements).Append(NativeRequirements(native)));
        throw new LogSourceChoiceException(
            LogSourceChoiceProblem.NotRecognized,
            LogSourceIds.Auto,
            input.Name,
            [],
            Names,
            $"the source of '{input.Name}' is not recognised: {why} ({requirements})");
    }

    /// <summary>
    /// The product's own events as a source to recognise: each record with every required field of an event (only the
    /// recognition is used; the events are read as events).
    /// </summary>
    private static LogSource NativeEvents(EventContainer container) => new(
        LogSourceIds.Native,
        "evidence events",
        null,
        container == EventContainer.JsonArray ? SourceContainers.JsonArray : SourceContainers.JsonLines,
        new[] { "/id", "/time", "/type", "/actor", "/account" }.Select(f => new FieldCondition(f, ConditionKind.Exists, EquatableArray<string>.Empty)).ToEquatableArray(),
        new SourceTime(new[] { "/time" }.ToEquatableArray(), TimeFormats.Rfc3339),
        new SourceAccount(null, "{/account}"),
        new SourceEventId(new[] { "{/id}" }.ToEquatableArray(), false),
        "{/type}",
        new[] { "{/actor}" }.ToEquatableArray(),
        EquatableArray<string>.Empty,
        EquatableArray<string>.Empty,
        EquatableArray<SourceRule>.Empty);

    private static string NativeRequirements(LogSource native) =>
        $"native (the product's own evidence events): {LogSourceDescription.Containers(native)[0]}, {LogSourceDescription.Conditions(native.Recognize)}";

    /// <summary>True when the input (decompressed) holds nothing but white space.</summary>
    private static bool IsBlank(JsonLinesInput input)
    {
        using var stream = Decompression.Decompressed(input.Open(), out _);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (buffer.AsSpan(0, read).IndexOfAnyExcept(" \t\r\n\uFEFF"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
