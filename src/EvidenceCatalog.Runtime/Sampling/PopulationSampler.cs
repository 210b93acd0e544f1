using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Reports;

namespace EvidenceCatalog.Runtime.Sampling;

/// <summary>
/// The samples of every control, gathered as the evidence streams past (from a reader, or from a store's rows): each
/// evidence event of the window is digested once and counted into the population of every control it is evidence for.
/// </summary>
internal sealed class PopulationSampler
{
    private readonly EventVocabulary vocabulary;
    private readonly ReportWindow window;
    private readonly ControlSampler[] controls;
    private readonly byte[][] typeNames;
    private readonly byte[][] outcomeNames;

    public PopulationSampler(EventVocabulary vocabulary, ReportWindow window)
    {
        this.vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        this.window = window ?? throw new ArgumentNullException(nameof(window));
        controls = Array.ConvertAll(vocabulary.Controls, c => new ControlSampler(c, window.Days));
        typeNames = Array.ConvertAll(vocabulary.Types, Encoding.UTF8.GetBytes);
        outcomeNames = new byte[vocabulary.CellCount][];
        for (int cell = 0; cell < vocabulary.CellCount; cell++)
        {
            outcomeNames[cell] = vocabulary.OutcomeOf(cell) is { } outcome ? Encoding.UTF8.GetBytes(outcome) : [];
        }
    }

    /// <summary>The sampler of a control (index into <see cref="EventVocabulary.Controls"/>).</summary>
    public ControlSampler this[int control] => controls[control];

    /// <summary>The element digest of an event as the reader hands it over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public UInt128 ElementOf(in EventRecord record) =>
        PopulationElement.Hash(record.Id, record.UtcTicks, typeNames[record.Type], outcomeNames[record.Cell], record.Actor);

    /// <summary>The element digest of an event given whole (a store's row).</summary>
    public static UInt128 ElementOf(AuditEvent auditEvent) =>
        PopulationElement.Hash(auditEvent.Id, auditEvent.Time.UtcTicks, auditEvent.Type, auditEvent.Outcome, auditEvent.Actor);

    /// <summary>Counts an evidence event given whole into the population of each control of its cell.</summary>
    /// <param name="cell">The event's (type, outcome) cell.</param>
    /// <param name="windowDay">Its day in the window (0 for the first).</param>
    /// <param name="auditEvent">The event.</param>
    public void Add(int cell, int windowDay, AuditEvent auditEvent)
    {
        int[] of = vocabulary.ControlsOf(cell);
        if (of.Length == 0)
        {
            return;
        }

        UInt128 element = ElementOf(auditEvent);
        byte[]? id = null;
        foreach (int control in of)
        {
            id ??= Encoding.UTF8.GetBytes(auditEvent.Id);
            if (controls[control].Count(element, windowDay, id))
            {
                controls[control].Add(element, windowDay, auditEvent);
            }
        }
    }

    /// <summary>Every control's sample, by control id.</summary>
    public ReportSamples Draw(string account)
    {
        var samples = new SortedDictionary<string, ControlSample>(StringComparer.Ordinal);
        foreach (var sampler in controls)
        {
            samples[sampler.Control.Id] = sampler.Draw(account, window);
        }

        return new ReportSamples(SampleSeed.Method, samples);
    }
}
