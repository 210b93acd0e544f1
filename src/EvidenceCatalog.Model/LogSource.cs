namespace EvidenceCatalog.Model;

/// <summary>
/// How one log source's records become evidence events (the <c>sources</c> catalog kind; docs/sources.md): how its
/// files are framed, how a record of it is recognised, where each event field comes from, and the rules that give a
/// record its event type and outcome. The first rule whose conditions all hold wins; a recognised record no rule
/// matches is counted as unmapped under its native name.
/// </summary>
/// <param name="Id">Kebab-case id, as <c>--source ID</c> names it: <c>aws-cloudtrail</c>.</param>
/// <param name="Name">The product's name: <c>AWS CloudTrail</c>.</param>
/// <param name="Description">What the source's records are and where they come from.</param>
/// <param name="Containers">How its inputs may be framed (one or more); each input's framing is detected among these.</param>
/// <param name="Recognize">Conditions every record of the source meets; a record that fails one is another source's (rejected).</param>
/// <param name="Time">Where the event's instant is, and how it is written.</param>
/// <param name="Account">The account (tenant) of every event: a constant, or a field.</param>
/// <param name="EventId">The event's id: the first of its templates that resolves, else (when asked) a SHA-256 of the record.</param>
/// <param name="NativeName">Template of the record's own event name (<c>{/eventSource}:{/eventName}</c>): unmapped counts and provenance use it.</param>
/// <param name="Actor">Templates of the actor, the first that resolves wins: <c>user:{/actor/alternateId}</c>.</param>
/// <param name="Resource">Templates of the resource touched (optional: empty when none resolves).</param>
/// <param name="Ip">Templates of the client address (optional).</param>
/// <param name="Rules">The mapping rules, in order.</param>
public sealed record LogSource(
    string Id,
    string Name,
    string? Description,
    SourceContainers Containers,
    EquatableArray<FieldCondition> Recognize,
    SourceTime Time,
    SourceAccount Account,
    SourceEventId EventId,
    string NativeName,
    EquatableArray<string> Actor,
    EquatableArray<string> Resource,
    EquatableArray<string> Ip,
    EquatableArray<SourceRule> Rules);

/// <summary>How a source's inputs may be framed (gzip is recognised under any of them).</summary>
[System.Flags]
public enum SourceContainers
{
    None = 0,

    /// <summary>One JSON object a line.</summary>
    JsonLines = 1,

    /// <summary>One JSON array of objects.</summary>
    JsonArray = 2,

    /// <summary>CloudTrail's files as delivered to S3: <c>{"Records": [ ... ]}</c>.</summary>
    CloudtrailRecords = 4,
}

/// <summary>
/// Where the instant of an event is: the first of <see cref="Fields"/> present, read as whichever of
/// <see cref="Formats"/> it is written in (a JSON number is an epoch count; a string is RFC 3339 or the UTC date-time
/// form, told apart by their shape). At most one epoch unit is declared, so a number is never ambiguous.
/// </summary>
/// <param name="Fields">JSON pointers tried in order; the first present one holds the instant.</param>
/// <param name="Formats">How the instant is written, one or more.</param>
public sealed record SourceTime(EquatableArray<string> Fields, TimeFormats Formats);

/// <summary>How a source writes instants (one or more).</summary>
[System.Flags]
public enum TimeFormats
{
    None = 0,

    /// <summary>RFC 3339 with an offset: <c>2026-03-02T10:00:00Z</c>.</summary>
    Rfc3339 = 1,

    /// <summary>Seconds since 1970-01-01T00:00:00Z, a JSON number (or a string of digits), fractions allowed.</summary>
    EpochSeconds = 2,

    /// <summary>Milliseconds since 1970-01-01T00:00:00Z, a JSON number (or a string of digits).</summary>
    EpochMilliseconds = 4,

    /// <summary><c>YYYY-MM-DD HH:MM:SS[.fffffffff]</c>, in UTC (no offset written).</summary>
    UtcDateTime = 8,
}

/// <summary>The account of every event of a source: a constant (<see cref="Value"/>), or the template of a field (<see cref="Template"/>); exactly one is set.</summary>
/// <param name="Value">The account every record of the source belongs to (e.g. northwind-cloud); null when read from a field.</param>
/// <param name="Template">Template of the account, read from each record (e.g. {/recipientAccountId}); null for a constant.</param>
public sealed record SourceAccount(string? Value, string? Template);

/// <summary>
/// The event id: the first of <see cref="Templates"/> that resolves; when none does (or there are none) and
/// <see cref="HashWhenMissing"/>, <c>sha256:</c> and the SHA-256 of the record's RFC 8785 canonical form, so that
/// ingesting the same record again finds it a duplicate.
/// </summary>
/// <param name="Templates">Templates of the id, tried in order (e.g. {/eventID}).</param>
/// <param name="HashWhenMissing">True: a record whose id does not resolve gets the SHA-256 of its canonical form, so re-ingesting it finds a duplicate. False: such a record is rejected.</param>
public sealed record SourceEventId(EquatableArray<string> Templates, bool HashWhenMissing);

/// <summary>A condition on one field of a record (a JSON pointer, RFC 6901).</summary>
/// <param name="Field">The JSON pointer: <c>/eventName</c>.</param>
/// <param name="Kind">What is asked of the field's value.</param>
/// <param name="Values">The value (<see cref="ConditionKind.Equals"/>, <see cref="ConditionKind.Prefix"/>) or values (<see cref="ConditionKind.OneOf"/>); empty for <see cref="ConditionKind.Exists"/> and <see cref="ConditionKind.Missing"/>.</param>
public sealed record FieldCondition(string Field, ConditionKind Kind, EquatableArray<string> Values);

/// <summary>
/// What a condition asks of a field's value. A scalar value is compared by its text (a string as it is, a number or
/// boolean as JSON writes it); an object, an array or <c>null</c> only exists.
/// </summary>
public enum ConditionKind
{
    /// <summary>The value is this text.</summary>
    Equals,

    /// <summary>The value is one of these texts.</summary>
    OneOf,

    /// <summary>The value starts with this text.</summary>
    Prefix,

    /// <summary>The field is present and not null.</summary>
    Exists,

    /// <summary>The field is absent or null.</summary>
    Missing,
}

/// <summary>One mapping rule: when every condition holds, the record is an event of <see cref="Type"/> with <see cref="Outcome"/>.</summary>
/// <param name="Name">What the rule is for, in a few words (optional).</param>
/// <param name="When">The conditions; none means the rule matches every record that reaches it.</param>
/// <param name="Type">A type declared in the events catalog.</param>
/// <param name="Outcome">The outcome, declared for that type.</param>
public sealed record SourceRule(string? Name, EquatableArray<FieldCondition> When, string Type, SourceOutcome Outcome);

/// <summary>
/// A rule's outcome: a constant (<see cref="Value"/>), or a field's value translated through <see cref="Map"/> (with
/// <see cref="Default"/> for values the map does not name; without one, such a record is rejected with the reason).
/// Neither set: the event has no outcome.
/// </summary>
/// <param name="Value">The constant outcome (e.g. deny); null when read from a field.</param>
/// <param name="Field">JSON pointer of the field whose value is mapped (e.g. /responseElements/ConsoleLogin); null for a constant.</param>
/// <param name="Map">The field's value (its text, exactly) to the outcome (e.g. Success: success).</param>
/// <param name="Default">The outcome of a value the map does not name; null: such a record is rejected with the reason.</param>
public sealed record SourceOutcome(string? Value, string? Field, EquatableArray<OutcomeMapping> Map, string? Default);

/// <summary>One entry of an outcome map: the field's value <see cref="From"/> becomes the outcome <see cref="To"/>.</summary>
/// <param name="From">The field's value, exactly.</param>
/// <param name="To">The outcome it becomes, declared for the rule's event type.</param>
public sealed record OutcomeMapping(string From, string To);
