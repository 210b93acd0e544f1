using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Coverage;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Runtime.Jobs;

/// <summary>
/// The coverage use case — "what evidence do my CloudTrail files give me, and what am I missing?": a log source's
/// files read exactly as a report or an ingestion reads them (the same mapping, validation, de-duplication and
/// counts), nothing stored, and the result told per native event name (the types, outcomes, controls and criteria it
/// maps to), per unmapped name and per rejection reason, then per criterion of the catalog.
/// </summary>
public sealed class SourceCoverageJob
{
    private readonly IEvidenceCatalog catalog;
    private readonly EventVocabulary vocabulary;

    public SourceCoverageJob(IEvidenceCatalog catalog)
    {
        this.catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        vocabulary = new EventVocabulary(catalog);
    }

    /// <summary>"Now", for the future-event check. Default the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Reads every input of <paramref name="source"/>, each of a log source, and tells what they give.</summary>
    /// <exception cref="ArgumentException">An input holds evidence events (no source): they have no native names to cover.</exception>
    public async Task<SourceCoverage> RunAsync(MappedJsonSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Inputs.FirstOrDefault(i => i.Source is null) is { } native)
        {
            throw new ArgumentException($"'{native.Input.Name}' holds evidence events, not a log source's records: coverage is told of log sources", nameof(source));
        }

        var reasons = new RejectionReasons();
        var reader = new EventStreamReader(vocabulary, Clock.GetUtcNow() + EventStreamReader.DefaultFutureTolerance, reasons);
        var tally = new CoverageTally(source.Inputs, vocabulary, reasons);
        var inputs = await source.ReadAsync(reader, tally, null, cancellationToken).ConfigureAwait(false);

        var sources = source.Inputs.Select(i => i.Source!).Distinct().ToArray();
        var sections = sources.Select(s =>
        {
            var read = inputs.Where((_, i) => source.Inputs[i].Source == s).ToArray();
            var (mapped, mappedOther) = tally.Of(s.Id, Cell);
            var (rejections, rejectionsOther) = reasons.Of(s.Id);
            return new SourceCoverageSection(s.Id, s.Name, read, Sum(read), mapped, mappedOther, rejections, rejectionsOther);
        }).ToArray();

        var claimed = catalog.Model.Controls.Where(c => c.Evidence.Count > 0).ToArray();
        var evidenced = Evidenced(tally.CellTotals());
        var gaps = Gaps(claimed, evidenced, sources);
        var proven = claimed.SelectMany(c => c.Criteria).ToHashSet(StringComparer.Ordinal);
        int withoutEvents = catalog.Model.Criteria.Count(c => !proven.Contains(c.Id));
        return new SourceCoverage(sections, Sum(inputs), evidenced, gaps, withoutEvents);
    }

    private static IngestionCounts Sum(IEnumerable<InputRead> inputs) => inputs.Aggregate(IngestionCounts.None, (sum, i) => sum + i.Counts);

    private CellMapping Cell(int cell, long events)
    {
        var controls = vocabulary.ControlsOf(cell).Select(c => vocabulary.Controls[c]).ToArray();
        return new CellMapping(
            vocabulary.Types[vocabulary.TypeOf(cell)],
            vocabulary.OutcomeOf(cell),
            events,
            controls.Select(c => c.Id).ToArray(),
            controls.SelectMany(c => c.Criteria).Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Each criterion some accepted event is evidence for, with its controls and events (an event once per criterion).</summary>
    private IReadOnlyList<CriterionEvidence> Evidenced(long[] cellTotals)
    {
        var controls = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        var events = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int cell = 0; cell < cellTotals.Length; cell++)
        {
            if (cellTotals[cell] == 0)
            {
                continue;
            }

            var criteria = new HashSet<string>(StringComparer.Ordinal);
            foreach (int control in vocabulary.ControlsOf(cell))
            {
                foreach (string criterion in vocabulary.Controls[control].Criteria)
                {
                    if (!controls.TryGetValue(criterion, out var of))
                    {
                        controls.Add(criterion, of = []);
                    }

                    of.Add(control);
                    criteria.Add(criterion);
                }
            }

            foreach (string criterion in criteria)
            {
                events[criterion] = events.GetValueOrDefault(criterion) + cellTotals[cell];
            }
        }

        return InFrameworkOrder(controls.Keys)
            .Select(c => new CriterionEvidence(c.Framework.Id, c.Criterion.Id, c.Criterion.Title, controls[c.Criterion.Id].Select(i => vocabulary.Controls[i].Id).ToArray(), events[c.Criterion.Id]))
            .ToArray();
    }

    /// <summary>The criteria controls prove with events that the files give no evidence for, and whether a rule of the sources could.</summary>
    private IReadOnlyList<CriterionGap> Gaps(Control[] claimed, IReadOnlyList<CriterionEvidence> evidenced, LogSource[] sources)
    {
        var covered = evidenced.Select(e => e.Criterion).ToHashSet(StringComparer.Ordinal);
        var mappable = sources.SelectMany(s => s.Rules).SelectMany(r => Outcomes(r.Outcome).Select(o => (r.Type, Outcome: o)))
            .SelectMany(cell => catalog.ControlsFor(cell.Type, cell.Outcome))
            .Select(c => c.Id)
            .ToHashSet(StringComparer.Ordinal);
        return InFrameworkOrder(claimed.SelectMany(c => c.Criteria).Where(c => !covered.Contains(c)))
            .Select(c =>
            {
                var controls = claimed.Where(k => k.Criteria.Contains(c.Criterion.Id)).ToArray();
                var types = controls.SelectMany(k => k.Evidence)
                    .Select(r => r.Outcomes.Count == 0 ? r.EventType : r.EventType + " (" + string.Join(", ", r.Outcomes) + ")")
                    .Distinct(StringComparer.Ordinal)
                    .ToArray();
                return new CriterionGap(c.Framework.Id, c.Criterion.Id, c.Criterion.Title, controls.Select(k => k.Id).ToArray(), types, controls.Any(k => mappable.Contains(k.Id)));
            })
            .ToArray();
    }

    /// <summary>Every outcome a rule can give: its constant, or each target of its map and its default; no outcome at all is null.</summary>
    private static IEnumerable<string?> Outcomes(SourceOutcome outcome) =>
        outcome.Value is { } value ? [value]
        : outcome.Field is not null ? outcome.Map.Select(m => (string?)m.To).Concat(outcome.Default is { } d ? [d] : []).Distinct()
        : [null];

    /// <summary>The named criteria, each once, in the order of the frameworks and their criteria.</summary>
    private IEnumerable<(Framework Framework, Criterion Criterion)> InFrameworkOrder(IEnumerable<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        return catalog.Model.Frameworks.SelectMany(f => f.Criteria.Where(c => wanted.Contains(c.Id)).Select(c => (f, c)));
    }
}
