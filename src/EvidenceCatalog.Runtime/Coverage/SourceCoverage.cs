using System.Collections.Generic;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Runtime.Coverage;

/// <summary>
/// What a log source's files give as evidence, and what they do not (<see cref="Jobs.SourceCoverageJob"/>): per source,
/// each native event name seen with the event types and outcomes it was mapped to and the controls and criteria those
/// are evidence for, the unmapped native names and the rejections; then the criteria the files give evidence for, and
/// those the catalog's controls prove with events that they give none for.
/// </summary>
/// <param name="Sources">One section per source read, in the order of their first input.</param>
/// <param name="Total">The counts of every input added up: read = accepted + duplicates + rejected + unmapped.</param>
/// <param name="Evidenced">The criteria an accepted event of the files is evidence for, in framework order.</param>
/// <param name="NotEvidenced">The criteria a control of the catalog proves with events, for which the files hold no evidence, in framework order.</param>
/// <param name="CriteriaWithoutEventEvidence">Criteria of the catalog's frameworks that no control proves with events (manual evidence, or none).</param>
public sealed record SourceCoverage(
    IReadOnlyList<SourceCoverageSection> Sources,
    IngestionCounts Total,
    IReadOnlyList<CriterionEvidence> Evidenced,
    IReadOnlyList<CriterionGap> NotEvidenced,
    int CriteriaWithoutEventEvidence);

/// <summary>One source's inputs and what became of their records.</summary>
/// <param name="Id">The source's id.</param>
/// <param name="Name">The product's name.</param>
/// <param name="Inputs">Its inputs, each with provenance (container, damage) and counts.</param>
/// <param name="Counts">Its inputs' counts added up; <see cref="IngestionCounts.UnmappedByName"/> has the unmapped native names, most first.</param>
/// <param name="Mapped">The native names of its accepted events, most events first (ties by name, ordinal).</param>
/// <param name="MappedOther">Accepted events whose native name was first seen after <see cref="Events.UnmappedNames.MaxNames"/> distinct names (counted, not named).</param>
/// <param name="Rejections">The reasons its records were rejected for, most first (ties by reason, ordinal).</param>
/// <param name="RejectionsOther">Rejections whose reason was first seen after <see cref="RejectionReasons.MaxReasons"/> distinct reasons.</param>
public sealed record SourceCoverageSection(
    string Id,
    string Name,
    IReadOnlyList<InputRead> Inputs,
    IngestionCounts Counts,
    IReadOnlyList<NativeNameMapping> Mapped,
    long MappedOther,
    IReadOnlyList<ReasonCount> Rejections,
    long RejectionsOther);

/// <summary>One native event name (<c>signin.amazonaws.com:ConsoleLogin</c>) and what its accepted records became.</summary>
/// <param name="Name">The native name (<c>(no native name)</c> when the source's template does not resolve).</param>
/// <param name="Events">Accepted events of the name.</param>
/// <param name="Mappings">Per event type and outcome, most events first.</param>
public sealed record NativeNameMapping(string Name, long Events, IReadOnlyList<CellMapping> Mappings);

/// <summary>Events of one type and outcome, and what they are evidence for.</summary>
/// <param name="Type">The event type.</param>
/// <param name="Outcome">The outcome; null for an event without one.</param>
/// <param name="Events">How many.</param>
/// <param name="Controls">The controls such an event is evidence for, in declaration order (empty: evidence for none).</param>
/// <param name="Criteria">Those controls' criteria, each once, in the order the controls name them.</param>
public sealed record CellMapping(string Type, string? Outcome, long Events, IReadOnlyList<string> Controls, IReadOnlyList<string> Criteria);

/// <summary>A rejection reason and how many records it was given to.</summary>
public sealed record ReasonCount(string Reason, long Count);

/// <summary>A criterion the files give evidence for.</summary>
/// <param name="Framework">The framework's id.</param>
/// <param name="Criterion">The criterion's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Controls">The controls whose evidence the files hold, for this criterion.</param>
/// <param name="Events">Accepted events that are evidence for those controls (an event counts once per criterion).</param>
public sealed record CriterionEvidence(string Framework, string Criterion, string Title, IReadOnlyList<string> Controls, long Events);

/// <summary>A criterion a control proves with events, for which the files hold none.</summary>
/// <param name="Framework">The framework's id.</param>
/// <param name="Criterion">The criterion's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Controls">The controls that claim the criterion and prove it with events.</param>
/// <param name="EventTypes">The event types (with outcomes, <c>auth.login (success, failure)</c>) those controls take as evidence.</param>
/// <param name="MappedBySource">True when a rule of a source read maps records to such a type and outcome: the files held none of them; false when no rule does (the source would need a rule).</param>
public sealed record CriterionGap(string Framework, string Criterion, string Title, IReadOnlyList<string> Controls, IReadOnlyList<string> EventTypes, bool MappedBySource);
