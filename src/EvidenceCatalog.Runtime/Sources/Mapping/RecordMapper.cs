using System;
using System.Buffers;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Events.Reading;

namespace EvidenceCatalog.Runtime.Sources.Mapping;

/// <summary>What became of one record of a log source at the mapper.</summary>
internal enum MappingOutcome
{
    /// <summary>An event was drafted; it still goes through the same checks as any event.</summary>
    Mapped,

    /// <summary>The source recognised the record, but no rule maps it: counted under its native name.</summary>
    Unmapped,

    /// <summary>Not an event of this source, or one that cannot be given a required field: rejected with the reason.</summary>
    Rejected,
}

/// <summary>
/// Turns the records of one log source into event drafts by its definition (docs/sources.md): the record is read
/// once, every pointer the source reads found in that one walk (<see cref="PointerSet.Resolve"/>), the recognition conditions are checked, the rules are
/// tried in order (the first whose conditions all hold wins), and the fields are filled from templates. The draft then
/// meets the same validation, de-duplication and counting as a native event (<see cref="EventStreamReader.Judge"/>).
/// A mapped event's attributes hold <c>source</c>, <c>nativeName</c> and <c>recordSha256</c> (the SHA-256 of the
/// record's RFC 8785 canonical form), and nothing else of the record. Not thread-safe: the draft's texts live in the
/// mapper's buffers until the next record.
/// </summary>
internal sealed class RecordMapper
{
    /// <summary>Deepest nesting of a record, as for a native event.</summary>
    public const int MaxDepth = 64;

    /// <summary>What unmapped records without a native name are counted under.</summary>
    public const string NoNativeName = "(no native name)";

    private static readonly byte[] NoNativeNameUtf8 = Encoding.UTF8.GetBytes(NoNativeName);

    private const string LoneSurrogate = "invalid JSON: a string holds an invalid escape (a lone UTF-16 surrogate?)";

    private static readonly byte[] HashPrefix = "sha256:"u8.ToArray();

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    private static readonly JsonWriterOptions AttributesJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly PointerSet pointers = new();
    private readonly FieldTest[] recognize;
    private readonly SourceTimeReader time;
    private readonly byte[]? constantAccount;
    private readonly FieldTemplate? accountTemplate;
    private readonly FieldTemplate[] idTemplates;
    private readonly FieldTemplate nativeName;
    private readonly FieldTemplate[] actor;
    private readonly FieldTemplate[] resource;
    private readonly FieldTemplate[] ip;
    private readonly RuleIndex rules;
    private readonly string notThisSource;

    private readonly RecordScratch scratch = new();
    private readonly ArrayBufferWriter<byte> canonical = new(4096);
    private readonly ArrayBufferWriter<byte> attributes = new(256);
    private readonly Utf8JsonWriter attributesWriter;
    private JsonToken[] tokens = new JsonToken[256];
    private FoundValue[] found;

    /// <exception cref="LogSourceDefinitionException">The definition cannot be used: a malformed pointer or template, no time format, no account.</exception>
    public RecordMapper(LogSource source)
    {
        Source = source ?? throw new ArgumentNullException(nameof(source));
        try
        {
            recognize = source.Recognize.Select(c => new FieldTest(c, pointers)).ToArray();
            time = new SourceTimeReader(source.Time, pointers);
            if ((source.Account.Value is null) == (source.Account.Template is null))
            {
                throw new FormatException("account needs exactly one of value and field");
            }

            constantAccount = source.Account.Value is { } value ? Encoding.UTF8.GetBytes(value) : null;
            accountTemplate = source.Account.Template is { } template ? FieldTemplate.Parse(template, pointers) : null;
            idTemplates = Templates(source.EventId.Templates);
            nativeName = FieldTemplate.Parse(source.NativeName, pointers);
            actor = Templates(source.Actor);
            resource = Templates(source.Resource);
            ip = Templates(source.Ip);
            rules = new RuleIndex(source.Rules.Select((r, i) => new MappingRule(r, i + 1, pointers)).ToArray());
        }
        catch (FormatException exception)
        {
            throw new LogSourceDefinitionException($"source '{source.Id}': {exception.Message}", exception);
        }

        found = new FoundValue[pointers.Count];
        attributesWriter = new Utf8JsonWriter(attributes, AttributesJson);
        string name = source.Name.Length > 0 ? source.Name : source.Id;
        notThisSource = "not " + ("AEIOUaeiou".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name + " record: ";
    }

    public LogSource Source { get; }

    /// <summary>Every pointer the source reads (for tests and benchmarks of the walk).</summary>
    internal PointerSet Pointers => pointers;

    /// <summary>
    /// Maps one record. <paramref name="draft"/> (when mapped) and <paramref name="name"/> (the native name, when mapped
    /// or unmapped) hold texts valid until the next call; <paramref name="reason"/> says why a record was rejected.
    /// </summary>
    /// <param name="json">The record's bytes: one JSON value.</param>
    /// <param name="withAttributes">Whether the event's attributes are wanted (a report's tally reads none).</param>
    /// <param name="draft">The event drafted from the record.</param>
    /// <param name="name">The record's native name.</param>
    /// <param name="reason">Why the record was rejected.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public MappingOutcome Map(ReadOnlySpan<byte> json, bool withAttributes, out EventDraft draft, out ReadOnlySpan<byte> name, out string? reason)
    {
        draft = default;
        name = default;
        reason = Parse(json, out var record);
        if (reason is not null)
        {
            return MappingOutcome.Rejected;
        }

        try
        {
            return Map(record, withAttributes, out draft, out name, out reason);
        }
        catch (CanonicalJsonException exception)
        {
            // A string escaping half a surrogate pair (read lazily, so found only where a field is read), or no canonical form.
            reason = exception.Error == CanonicalJsonError.LoneSurrogate
                ? LoneSurrogate
                : "the record has no RFC 8785 canonical form to identify it by: " + exception.Message;
            return MappingOutcome.Rejected;
        }
    }

    /// <summary>Why the record is not one of this source's (invalid JSON, or a recognition condition fails), or null when it is.</summary>
    public string? Recognize(ReadOnlySpan<byte> json)
    {
        try
        {
            return Parse(json, out var record) ?? Unrecognized(record);
        }
        catch (CanonicalJsonException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>Reads the record once, finding every pointer's value; why it is no JSON object, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Parse(ReadOnlySpan<byte> json, out SourceRecord record)
    {
        record = default;
        scratch.Reset();
        JsonTokenKind root;
        bool unreadableName;
        bool utf8;
        try
        {
            root = pointers.Resolve(json, MaxDepth, found, out unreadableName, out utf8);
        }
        catch (JsonException exception)
        {
            return "invalid JSON: " + EventFields.FirstSentence(exception.Message);
        }

        if (root != JsonTokenKind.Object)
        {
            return "invalid JSON: a record must be a JSON object";
        }

        // Checked first, as for a native event, so that no later step (the canonical hash) words it otherwise.
        if (!utf8)
        {
            return EventValidator.NotUtf8;
        }

        if (unreadableName)
        {
            return LoneSurrogate;
        }

        record = new SourceRecord(json, found, scratch);
        return null;
    }

    /// <summary>Why the record is another source's (the first recognition condition that fails), or null.</summary>
    private string? Unrecognized(SourceRecord record)
    {
        foreach (var test in recognize)
        {
            if (!test.Holds(record))
            {
                return notThisSource + test.Failure(record);
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private MappingOutcome Map(SourceRecord record, bool withAttributes, out EventDraft draft, out ReadOnlySpan<byte> name, out string? reason)
    {
        draft = default;
        name = default;
        reason = Unrecognized(record);
        if (reason is not null)
        {
            return MappingOutcome.Rejected;
        }

        bool named = nativeName.TryResolve(record, scratch, out name);
        var rule = rules.FirstMatch(record);
        if (rule is null)
        {
            name = named ? name : NoNativeNameUtf8;
            reason = null;
            return MappingOutcome.Unmapped;
        }

        long utcTicks = 0;
        reason = rule.Outcome(record, out var outcome, out bool hasOutcome) ?? time.TryRead(record, out utcTicks);
        if (reason is not null)
        {
            return MappingOutcome.Rejected;
        }

        ReadOnlySpan<byte> account = constantAccount;
        if (accountTemplate is not null && !accountTemplate.TryResolve(record, scratch, out account))
        {
            reason = $"no account: {accountTemplate.Text} does not resolve";
            return MappingOutcome.Rejected;
        }

        if (!FirstResolving(actor, record, out var actorText))
        {
            reason = "no actor: " + Unresolved(actor);
            return MappingOutcome.Rejected;
        }

        FirstResolving(resource, record, out var resourceText);
        FirstResolving(ip, record, out var ipText);

        // Taken for every mapped record, attributes wanted or not, so that a report and an ingestion of the same input
        // judge it alike (a record with no canonical form is rejected by both).
        var recordSha256 = RecordSha256(record);
        if (!FirstResolving(idTemplates, record, out var id))
        {
            if (!Source.EventId.HashWhenMissing)
            {
                reason = "no event id: " + Unresolved(idTemplates) + ", and the source does not hash records without one";
                return MappingOutcome.Rejected;
            }

            var hashed = scratch.Take(HashPrefix.Length + recordSha256.Length);
            HashPrefix.CopyTo(hashed);
            recordSha256.CopyTo(hashed[HashPrefix.Length..]);
            id = hashed;
        }

        var attributesJson = withAttributes ? Attributes(named ? name : default, recordSha256) : default;
        reason = NulIn(id, "id") ?? NulIn(account, "account") ?? NulIn(actorText, "actor") ?? NulIn(resourceText, "resource") ?? NulIn(ipText, "ip");
        if (reason is not null)
        {
            return MappingOutcome.Rejected;
        }

        name = named ? name : NoNativeNameUtf8;
        draft = new EventDraft
        {
            Id = id,
            TimeParsed = true,
            UtcTicks = utcTicks,
            Type = rule.Type,
            HasOutcome = hasOutcome,
            Outcome = outcome,
            Actor = actorText,
            Account = account,
            Resource = resourceText,
            Ip = ipText,
            Attributes = attributesJson,
        };
        return MappingOutcome.Mapped;
    }

    private static string? NulIn(ReadOnlySpan<byte> text, string field) => text.Contains((byte)0) ? EventFields.NulCharacter(field) : null;

    private static string Unresolved(FieldTemplate[] templates) => templates.Length switch
    {
        0 => "the source gives no template for it",
        1 => templates[0].Text + " resolves",
        _ => "none of " + string.Join(", ", templates.Select(t => t.Text)) + " resolves",
    };

    private bool FirstResolving(FieldTemplate[] templates, SourceRecord record, out ReadOnlySpan<byte> text)
    {
        foreach (var template in templates)
        {
            if (template.TryResolve(record, scratch, out text))
            {
                return true;
            }
        }

        text = default;
        return false;
    }

    /// <summary>The SHA-256 of the record's RFC 8785 canonical form, as 64 lower-case hex digits in the scratch.</summary>
    /// <exception cref="CanonicalJsonException">The record has no canonical form (a member named twice, a number out of range).</exception>
    private ReadOnlySpan<byte> RecordSha256(scoped SourceRecord record)
    {
        // The record's only token table: the canonical form needs every member, sorted; the mapping needed a few.
        var table = RecordTokens.Parse(record.Json, ref tokens, MaxDepth);
        canonical.ResetWrittenCount();
        JsonCanonicalizer.Write(record.Json, table, canonical, CanonicalJsonOptions.Default);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonical.WrittenSpan, hash);
        var hex = scratch.Take(hash.Length * 2);
        for (int i = 0; i < hash.Length; i++)
        {
            hex[2 * i] = HexDigits[hash[i] >> 4];
            hex[(2 * i) + 1] = HexDigits[hash[i] & 0xF];
        }

        return hex;
    }

    /// <summary>The event's attributes: the source, the native name (when it has one) and the record's hash; nothing else of the record.</summary>
    private ReadOnlySpan<byte> Attributes(scoped ReadOnlySpan<byte> native, scoped ReadOnlySpan<byte> recordSha256)
    {
        attributes.ResetWrittenCount();
        attributesWriter.Reset(attributes);
        attributesWriter.WriteStartObject();
        attributesWriter.WriteString("source"u8, Source.Id);
        if (!native.IsEmpty)
        {
            attributesWriter.WriteString("nativeName"u8, native);
        }

        attributesWriter.WriteString("recordSha256"u8, recordSha256);
        attributesWriter.WriteEndObject();
        attributesWriter.Flush();
        return attributes.WrittenSpan;
    }

    private FieldTemplate[] Templates(EquatableArray<string> texts) => texts.Select(t => FieldTemplate.Parse(t, pointers)).ToArray();
}
